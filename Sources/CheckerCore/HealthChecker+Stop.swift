/// Shutting down: what keepalived's clear_services takes out of the IPVS table when the checker
/// stops (not called with -I/--dont-release-ipvs).
import IPVSModel

extension HealthChecker {
    /// keepalived's clear_services. By default every virtual server loses its sorry server, then
    /// each real server (logged, inhibited ones removed too), then its services; with
    /// `lvs_flush_on_stop` the services go at once, or the whole table is flushed. Every virtual
    /// server then reports its quorum down (the trap; with `omega` its scripts, FIFO lines and
    /// mails too, as for a real server going down).
    public mutating func stop() -> [CheckerAction] {
        guard !virtualServers.isEmpty else { return [] }
        if options.flushOnStop == .full {
            return virtualServers.indices.reduce(ipvs(.flush)) { $0 + quorumDownAtStop(virtualServer: $1) }
        }
        var actions: [CheckerAction] = []
        for v in virtualServers.indices {
            if options.flushOnStop == .none {
                actions += clearRealServers(virtualServer: v)
            } else if virtualServers[v].sorry?.inSet == true {
                virtualServers[v].sorry?.alive = false
            }
            actions += quorumDownAtStop(virtualServer: v)
            for service in services[v] { actions += ipvs(.removeService(service.key)) }
        }
        return actions
    }

    /// keepalived's update_vs_notifies when stopping: the quorum is down whatever it was.
    mutating func quorumDownAtStop(virtualServer v: Int) -> [CheckerAction] {
        virtualServers[v].quorumUp = false
        let vs = virtualServers[v]
        return quorumNotifies(virtualServer: v, starting: false, threshold: vs.quorum - vs.hysteresis,
                              weightSum: vs.liveWeight, stopping: true)
    }

    /// keepalived's clear_service_vs with no flush: the sorry server, then every real server.
    mutating func clearRealServers(virtualServer v: Int) -> [CheckerAction] {
        var actions: [CheckerAction] = []
        if let sorry = virtualServers[v].sorry, sorry.inSet {
            if virtualServers[v].sorryDuplicatesRealServer {
                virtualServers[v].sorry?.inSet = false
            } else {
                actions += command(.delete, virtualServer: v, server: .sorry, forceRemoval: true)
            }
            virtualServers[v].sorry?.alive = false
        }
        let vsName = virtualServers[v].name
        for r in virtualServers[v].realServers.indices {
            let rs = virtualServers[v].realServers[r]
            actions.append(.log("Shutting down \(rs.inhibit && !rs.alive ? "(inhibited) " : "")service \(rs.name) from VS \(vsName)"))
            guard rs.inSet else { continue }
            actions += command(.delete, virtualServer: v, server: .real(r), forceRemoval: true)
            guard rs.alive else { continue }
            virtualServers[v].realServers[r].alive = false
            // keepalived: without omega only the trap goes out at shutdown; with it, everything a
            // server going down tells (notify_down, the FIFO line, the trap) and the mail.
            guard virtualServers[v].omega else {
                actions.append(.realServerChanged(virtualServer: v, realServer: r, up: false))
                continue
            }
            actions += realServerNotifies(virtualServer: v, realServer: r)
            if rs.smtpAlert {
                actions.append(.alert(CheckerAlert(subject: .realServer(rs.name, virtualServer: vsName), state: "DOWN",
                                                   message: "=> Shutting down <=")))
            }
        }
        return actions
    }
}
