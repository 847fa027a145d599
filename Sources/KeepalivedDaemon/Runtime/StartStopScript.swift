import Glibc
import Notification

/// keepalived.conf: startup_script / shutdown_script with their *_timeout — run and waited for as
/// keepalived's main process does (main.c): the startup script before VRRP and the checker start,
/// the shutdown script after they have stopped. A script past its timeout gets SIGTERM, two
/// seconds later SIGKILL, then another SIGKILL and ten seconds more before keepalived gives up.
struct StartStopScript {
    /// "startup" or "shutdown", as keepalived's log lines name the script.
    var kind: String
    var command: ScriptRunner.Command
    /// Seconds the script may run (keepalived's default once a script is given: 10).
    var timeout: UInt32

    /// Runs the script and returns once it has exited or keepalived would have given up on it:
    /// true, or false as soon as `pause` (waiting between checks, in ms) says a stop was requested.
    @discardableResult
    func run(runner: ScriptRunner, logDetail: Bool, log: (String) -> Void,
             pause: (Int32) -> Bool = { usleep(UInt32($0) * 1000); return false }) -> Bool {
        let type = "\(kind) script"
        let program = command.arguments.first ?? ""
        if logDetail { log("Running \(kind) script \(program)") }
        guard let pid = runner.start(command) else {
            log("Call of \(kind) script \(program) failed")
            return true
        }
        // keepalived's handle_child_timeout steps: (signal to send at expiry, seconds to wait after it).
        var steps: [(signal: Int32, wait: UInt32)] = [(SIGTERM, 2), (SIGKILL, 2), (SIGKILL, 10)]
        var waitFor = timeout
        var terminatedByUs = false
        while true {
            switch Self.wait(pid, seconds: waitFor, pause: pause) {
            case .exited(let status):
                report(status, type: type, pid: pid, terminatedByUs: terminatedByUs, logDetail: logDetail, log: log)
                return true
            case .stopRequested:
                return false
            case .running:
                break
            }
            guard !steps.isEmpty else { return true }
            let step = steps.removeFirst()
            if step.signal == SIGTERM {
                log("\(type) timed out")
                terminatedByUs = true
            } else if steps.isEmpty {
                log("\(type) (PID \(pid)) failed to terminate after kill")
            }
            if kill(-pid, step.signal) != 0 && errno == ESRCH {
                log("\(type) (PID \(pid)) lost")
                return true
            }
            waitFor = step.wait
        }
    }

    private func report(_ status: Int32, type: String, pid: pid_t, terminatedByUs: Bool, logDetail: Bool, log: (String) -> Void) {
        let signalled = status & 0x7f
        if signalled == 0 {
            let code = (status >> 8) & 0xff
            if code != 0 {
                log("\(type) script failed, status \(code)")
            } else if logDetail {
                log("\(type) script succeeded")
            }
        } else if signalled != 0x7f, terminatedByUs, signalled == SIGTERM {
            // keepalived: the script died of our SIGTERM; whatever it started goes too.
            kill(-pid, SIGKILL)
        }
    }

    private enum Wait { case exited(Int32), running, stopRequested }

    /// waitpid(2) for up to `seconds`, checking every 10 ms.
    private static func wait(_ pid: pid_t, seconds: UInt32, pause: (Int32) -> Bool) -> Wait {
        var status: Int32 = 0
        var remaining = Int(seconds) * 100
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return .exited(status) }
            if result < 0 && errno != EINTR { return .exited(0) }
            if remaining == 0 { return .running }
            remaining -= 1
            if pause(10) { return .stopRequested }
        }
    }
}
