/// MISC_CHECK verdicts: retries, log lines and the next run (keepalived's
/// misc_check_child_thread), and the helpers every checker kind shares.
import VRRPCore

extension HealthChecker {
    func realServerName(_ id: CheckerID) -> String {
        virtualServers[id.virtualServer].realServers[id.realServer].name
    }

    func logsAllFailures(_ checker: CheckerState) -> Bool { options.logAllFailures || checker.logAllFailures }

    mutating func miscCompleted(_ id: CheckerID, _ result: ScriptResult, started: Instant, now: Instant) -> [CheckerAction] {
        guard let checker = checkers[id], case .misc(let misc) = checker.kind else { return [] }
        let v = id.virtualServer, r = id.realServer
        var actions: [CheckerAction] = []
        var exitType: String?
        var success = false
        var reason: (String, Int32)?
        var messageOnly = false

        func failed() {
            guard checker.isUp || !checker.hasRun else { return }
            if checkers[id]!.retryIteration < checker.retry {
                checkers[id]!.retryIteration += 1
                if logsAllFailures(checker) { messageOnly = true } else { exitType = nil }
            } else {
                checkers[id]!.retryIteration = 0
            }
        }

        switch result {
        case .exited(let status) where status == 0 || (misc.dynamic && (2...255).contains(status)):
            if status != checker.lastExitCode {
                let rs = virtualServers[v].realServers[r]
                let current: Int64 = status != 0 ? Int64(status) - 2 - rs.initialWeight : 0
                checkers[id]?.currentWeight = current
                checkers[id]?.lastExitCode = status
                actions += updateWeight(rs.effectiveWeight - checker.currentWeight + current, virtualServer: v, realServer: r)
            }
            if !checker.isUp || !checker.hasRun {
                exitType = "succeeded"
                success = true
            }
            checkers[id]?.retryIteration = 0
        case .exited(let status):
            if checker.isUp || !checker.hasRun {
                exitType = "failed"
                reason = ("exited with status", status)
                let willRetry = checker.retryIteration < checker.retry
                failed()
                if !willRetry {
                    virtualServers[v].realServers[r].effectiveWeight -= checkers[id]!.currentWeight
                    checkers[id]?.currentWeight = 0
                    checkers[id]?.lastExitCode = status
                }
            }
        case .signaled(let signal):
            if checker.isUp || !checker.hasRun {
                exitType = "failed"
                reason = ("due to signal", signal)
                failed()
            }
        case .timedOut:
            if checker.isUp || !checker.hasRun {
                exitType = "timed out"
                failed()
            }
        }

        if let exitType {
            let retryIteration = checkers[id]!.retryIteration
            let detail: String
            if success {
                detail = ""
            } else if checker.retry > 0 {
                let plural = checker.retry == 1 ? "retry" : "retries"
                if retryIteration == 1 {
                    detail = ", will do \(checker.retry) \(plural)"
                } else if retryIteration > 1 {
                    detail = " on retry \(retryIteration - 1)/\(checker.retry)"
                } else {
                    detail = " after \(checker.retry) \(plural)"
                }
            } else {
                detail = " with retry disabled"
            }
            let head = "Misc check for [\(realServerName(id)) VS \(virtualServers[v].name)] by [\(misc.script?.program ?? "")] \(exitType)\(detail)"
            if let (text, code) = reason {
                actions.append(.log("\(head) (\(text) \(code))."))
            } else {
                actions.append(.log("\(head)."))
            }
            if !messageOnly {
                let serverWasAlive = virtualServers[v].realServers[r].alive
                actions += checkerVerdict(success, id)
                if !success { checkers[id]?.currentWeight = 0 }
                let rs = virtualServers[v].realServers[r]
                if rs.smtpAlert && (serverWasAlive != rs.alive || !options.noCheckerEmails) {
                    actions.append(.alert(CheckerAlert(subject: .realServer(rs.name, virtualServer: virtualServers[v].name),
                                                       state: rs.alive ? "UP" : "DOWN",
                                                       message: "=> MISC CHECK \(exitType) on service <=")))
                }
            }
        }
        // keepalived times the next run from when this one started.
        let interval = checkers[id]!.retryIteration > 0 ? checker.delayBeforeRetry : checker.delayLoop
        let due = started.adding(interval)
        let delay = due > now ? due.microseconds - now.microseconds : 1
        checkers[id]?.hasRun = true
        actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: delay, url: nil)))
        return actions
    }
}
