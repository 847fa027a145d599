/// SMTP_CHECK and DNS_CHECK verdicts (keepalived's smtp_final and dns_final): each logs its
/// failure reason, retries after delay_before_retry, then takes the checker down.

extension HealthChecker {
    /// keepalived's smtp_final. Every run starts with its retries unused (smtp_start_check_thread),
    /// and a checker that is down retries too, silently.
    mutating func smtpCompleted(_ id: CheckerID, _ result: DialogueResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        var actions: [CheckerAction] = []
        let serverWasAlive = virtualServers[id.virtualServer].realServers[id.realServer].alive
        switch result {
        case .failed(let reason):
            let mayAct = checker.isUp || !checker.hasRun
            if mayAct && (logsAllFailures(checker) || checker.retryIteration >= checker.retry) {
                actions.append(.log("SMTP_CHECK \(reason)"))
            }
            checkers[id]?.retryIteration += 1
            if checker.retryIteration + 1 <= checker.retry {
                actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: checker.delayBeforeRetry, url: nil)))
                return actions
            }
            if mayAct {
                actions += checkerVerdict(false, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: false,
                                        message: "=> CHECK failed on service : \(reason) <=")
            }
        case .succeeded:
            if !checker.isUp || !checker.hasRun {
                actions.append(.log("Remote SMTP server \(realServerName(id)) succeed on service."))
                actions += checkerVerdict(true, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: true,
                                        message: "=> CHECK succeed on service <=")
            }
            checkers[id]?.hasRun = true
        }
        checkers[id]?.retryIteration = 0
        actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: checker.delayLoop, url: nil)))
        return actions
    }

    /// keepalived's dns_final: only a checker that is up (or has not run) logs and retries; a
    /// success is silent.
    mutating func dnsCompleted(_ id: CheckerID, _ result: DialogueResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        var actions: [CheckerAction] = []
        let serverWasAlive = virtualServers[id.virtualServer].realServers[id.realServer].alive
        switch result {
        case .failed(let reason) where checker.isUp || !checker.hasRun:
            let retriesUsed = checker.retryIteration >= checker.retry
            if logsAllFailures(checker) || retriesUsed {
                let suffix = checker.hasRun && retriesUsed ? " after \(checker.retry) retries" : ""
                actions.append(.log("DNS_CHECK (\(realServerName(id))) \(reason)\(suffix)"))
            }
            if !retriesUsed {
                checkers[id]?.retryIteration += 1
                checkers[id]?.hasRun = true
                actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: checker.delayBeforeRetry, url: nil)))
                return actions
            }
            actions += checkerVerdict(false, id)
            actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: false,
                                    message: "=> DNS_CHECK: failed on service <=")
        case .failed:
            break
        case .succeeded:
            if !checker.isUp || !checker.hasRun {
                actions += checkerVerdict(true, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: true,
                                        message: "=> DNS_CHECK: succeed on service <=")
            }
        }
        checkers[id]?.retryIteration = 0
        actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: checker.delayLoop, url: nil)))
        return actions
    }
}
