/// MISC_CHECK: the script runs as a child in its own process group; past misc_timeout it gets
/// SIGTERM, then SIGKILL 2 s later (keepalived's order), and counts as timed out.
import CheckerCore
import Glibc
import Notification
import VRRPCore

final class ScriptProbe: Probe {
    private var pid: pid_t?
    private var terminating = 0
    private var done: ProbeResult?
    private(set) var deadline: Instant
    /// How often an exited child is looked for (waitpid with WNOHANG).
    static let reapInterval: UInt64 = 20_000
    private var timeoutAt: Instant

    init(command: ScriptRunner.Command, runner: ScriptRunner, timeout: UInt64, now: Instant) {
        timeoutAt = now.adding(timeout)
        deadline = now.adding(Self.reapInterval)
        pid = runner.start(command)
        if pid == nil { done = .misc(.exited(127)) }
    }

    var immediateResult: ProbeResult? { done }
    var wants: (fd: Int32, events: Int16)? { nil }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        guard let pid else { return .misc(.exited(127)) }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            self.pid = nil
            let signal = status & 0x7f
            if signal == 0 { return .misc(.exited((status >> 8) & 0xff)) }
            if (terminating == 1 && signal == SIGTERM) || (terminating == 2 && (signal == SIGTERM || signal == SIGKILL)) {
                kill(-pid, SIGKILL)
                return .misc(.timedOut)
            }
            return .misc(.signaled(signal))
        }
        if reaped < 0 && errno == ECHILD {
            self.pid = nil
            return .misc(.signaled(0))
        }
        if now >= timeoutAt && terminating < 2 {
            terminating += 1
            kill(-pid, terminating == 1 ? SIGTERM : SIGKILL)
            timeoutAt = now.adding(2_000_000)
        }
        deadline = now.adding(Self.reapInterval)
        return nil
    }

    func cancel() {
        guard let pid else { return }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        self.pid = nil
    }
}
