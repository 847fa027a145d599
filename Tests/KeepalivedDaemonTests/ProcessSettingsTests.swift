import Foundation
import Notification
import Testing
@testable import KeepalivedDaemon

/// max_auto_priority's decisions, and startup/shutdown scripts run and waited for as keepalived does.
struct ProcessSettingsTests {
    @Test func aTimerLateByLessThanTheMinimumDelayChangesNothing() {
        var auto = AutoPriority(maximum: 10, minimumDelay: 1_000_000, current: 0)
        #expect(auto.timerExpired(lateBy: 1_000_000) == AutoPriority.Decision(lines: [], priority: nil))
        #expect(auto.current == 0)
    }

    @Test func lateTimersRaiseTheRealtimePriorityOneStepUpToTheMaximum() {
        var auto = AutoPriority(maximum: 2, minimumDelay: 1_000_000, current: 0)
        #expect(auto.timerExpired(lateBy: 1_300_000)
                == AutoPriority.Decision(lines: ["A thread timer expired 1.300000 seconds ago", "Set realtime priority 1"], priority: 1))
        #expect(auto.timerExpired(lateBy: 2_000_005).priority == 2)
        let last = auto.timerExpired(lateBy: 12_000_000)
        #expect(last == AutoPriority.Decision(lines: ["A thread timer expired 12.000000 seconds ago"], priority: nil))
    }

    @Test(arguments: [0, -1])
    func withoutMaxAutoPriorityLatenessIsOnlyLogged(maximum: Int) {
        var auto = AutoPriority(maximum: maximum, minimumDelay: 500, current: 0)
        #expect(auto.timerExpired(lateBy: 501) == AutoPriority.Decision(lines: ["A thread timer expired 0.000501 seconds ago"], priority: nil))
    }

    @Test func startupDelayIsPrintedAsKeepalivedsPercentG() {
        #expect(VRRPService.seconds(2_000_000) == "2")
        #expect(VRRPService.seconds(1_500_000) == "1.5")
        #expect(VRRPService.seconds(1_000) == "0.001")
    }

    final class Lines: @unchecked Sendable {
        var all: [String] = []
    }

    @Test func aFailingScriptIsReportedWithKeepalivedsLine() {
        let lines = Lines()
        let script = StartStopScript(kind: "startup", command: ScriptRunner.Command(arguments: ["/bin/sh", "-c", "exit 3"]), timeout: 5)
        script.run(runner: ScriptRunner { _ in }, logDetail: true) { lines.all.append($0) }
        #expect(lines.all == ["Running startup script /bin/sh", "startup script script failed, status 3"])
    }

    @Test func aScriptPastItsTimeoutIsTerminated() {
        let lines = Lines()
        let script = StartStopScript(kind: "shutdown", command: ScriptRunner.Command(arguments: ["/bin/sleep", "30"]), timeout: 1)
        let started = ContinuousClock.now
        script.run(runner: ScriptRunner { _ in }, logDetail: false) { lines.all.append($0) }
        #expect(lines.all == ["shutdown script timed out"])
        #expect(ContinuousClock.now - started < .seconds(3))
    }
}
