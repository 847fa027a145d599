import Glibc
import Testing
@testable import Notification

/// The scripts the checker starts while shutting down (omega's notify_down, quorum_down) get a
/// bounded wait, then their process groups are killed, as keepalived's child timeout does.
struct ScriptRunnerTests {
    @Test func finishWaitsForQuickScriptsAndKillsSlowOnes() {
        let runner = ScriptRunner { _ in }
        let earlier = runner.launch(.init(arguments: ["/bin/sleep", "30"]))
        let before = runner.running
        let quick = runner.launch(.init(arguments: ["/bin/true"]))
        let slow = runner.launch(.init(arguments: ["/bin/sleep", "30"]))
        #expect(earlier != nil && quick != nil && slow != nil)
        runner.finish(runner.running.subtracting(before).union([quick!]), within: 200)
        // Both are collected; the one started before is left alone.
        #expect(kill(slow!, 0) == -1 && errno == ESRCH)
        #expect(runner.running == [earlier!])
        kill(-earlier!, SIGKILL)
        var status: Int32 = 0
        waitpid(earlier!, &status, 0)
    }
}
