/// TCP_CHECK, UDP_CHECK and PING_CHECK verdicts: one epilog with each kind's wording
/// (keepalived's tcp_epilog, udp_epilog and icmp_epilog, which differ only in their lines and
/// in whether a checker that is already down retries).

extension HealthChecker {
    /// What differs between keepalived's three layer-4 epilogs.
    enum Layer4Wording {
        case tcp, udp, icmp

        /// "TCP connection to" (+ " <rs> success.").
        var success: String {
            switch self {
            case .tcp: "TCP connection to"
            case .udp: "UDP connection to"
            case .icmp: "ICMP connection to"
            }
        }

        /// The verdict line when the last try failed (`retries` nil: none were made).
        func failed(_ rs: String, of vs: String, retries: Int?) -> String {
            switch (self, retries) {
            case (.tcp, let n?): "TCP_CHECK on service \(rs) failed after \(n) retries."
            case (.tcp, nil): "TCP_CHECK on service \(rs) failed."
            case (.udp, let n?): "UDP_CHECK on service \(rs) failed after \(n) retries."
            case (.udp, nil): "UDP_CHECK on service \(rs) failed."
            case (.icmp, let n?): "ICMP CHECK on service \(rs) of \(vs) failed after \(n) retries."
            case (.icmp, nil): "ICMP CHECK on service \(rs) failed."
            }
        }

        /// The mail's `=> TCP CHECK succeed|failed on service <=`.
        var alert: String {
            switch self {
            case .tcp: "TCP CHECK"
            case .udp: "UDP CHECK"
            case .icmp: "ICMP CHECK"
            }
        }

        /// keepalived's udp/icmp epilog: only a checker that is up (or has not run) uses retries;
        /// tcp_epilog retries a down checker too.
        var retriesOnlyWhileUp: Bool { self != .tcp }
    }

    mutating func tcpCompleted(_ id: CheckerID, _ result: ConnectResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        var actions: [CheckerAction] = []
        if result != .connected && checker.isUp && logsAllFailures(checker) {
            actions.append(.log("TCP connection to \(realServerName(id)) \(result == .timedOut ? "timeout" : "failed")."))
        }
        return actions + layer4Epilog(id, success: result == .connected, .tcp)
    }

    /// keepalived's udp_check_thread.
    mutating func udpCompleted(_ id: CheckerID, _ result: DatagramResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        var actions: [CheckerAction] = []
        if result != .succeeded && checker.isUp && logsAllFailures(checker) {
            let what = result == .replyMismatch ? "check to \(realServerName(id)) reply data mismatch." : "connection to \(realServerName(id)) failed."
            actions.append(.log("UDP \(what)"))
        }
        return actions + layer4Epilog(id, success: result == .succeeded, .udp)
    }

    /// keepalived's icmp_check_thread.
    mutating func pingCompleted(_ id: CheckerID, _ result: DatagramResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        var actions: [CheckerAction] = []
        if result != .succeeded && checker.isUp && logsAllFailures(checker) {
            let name = realServerName(id)
            actions.append(.log(result == .timedOut ? "ICMP connection to address \(name) timeout."
                : "ICMP connection to \(name) of \(virtualServers[id.virtualServer].name) failed."))
        }
        return actions + layer4Epilog(id, success: result == .succeeded, .icmp)
    }

    /// keepalived's tcp_epilog / udp_epilog / icmp_epilog.
    mutating func layer4Epilog(_ id: CheckerID, success: Bool, _ wording: Layer4Wording) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        let name = realServerName(id)
        var actions: [CheckerAction] = []
        var delay = checker.delayLoop
        let retriesUsed = checker.retryIteration >= checker.retry
        let final = wording.retriesOnlyWhileUp ? success || ((checker.isUp || !checker.hasRun) && retriesUsed)
            : success || retriesUsed
        if final {
            checkers[id]?.retryIteration = 0
            let serverWasAlive = virtualServers[id.virtualServer].realServers[id.realServer].alive
            if success && (!checker.isUp || !checker.hasRun) {
                actions.append(.log("\(wording.success) \(name) success."))
                actions += checkerVerdict(true, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: true,
                                        message: "=> \(wording.alert) succeed on service <=")
            } else if !success && (checker.isUp || !checker.hasRun) {
                let retries = checker.retry > 0 && checker.hasRun ? checker.retry : nil
                actions.append(.log(wording.failed(name, of: virtualServers[id.virtualServer].name, retries: retries)))
                actions += checkerVerdict(false, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: false,
                                        message: "=> \(wording.alert) failed on service <=")
            }
        } else if checker.isUp || !wording.retriesOnlyWhileUp {
            delay = checker.delayBeforeRetry
            checkers[id]?.retryIteration += 1
        }
        checkers[id]?.hasRun = true
        actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: delay, url: nil)))
        return actions
    }
}
