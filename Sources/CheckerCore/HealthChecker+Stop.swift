/// Shutting down: what keepalived's clear_services takes out of the IPVS table when the checker
/// stops (not called with -I/--dont-release-ipvs).
import IPVSModel

extension HealthChecker {
    /// keepalived's clear_services. By default every virtual server loses its sorry server, then
    /// each real server (logged, inhibited ones removed too), then its services; with
    /// `lvs_flush_on_stop` the services go at once, or the whole table is flushed.
    public mutating func stop() -> [CheckerAction] {
        guard !virtualServers.isEmpty else { return [] }
        if options.flushOnStop == .full {
            return ipvs(.flush)
        }
        var actions: [CheckerAction] = []
        for v in virtualServers.indices {
            if options.flushOnStop == .none {
                actions += clearRealServers(virtualServer: v)
            } else if virtualServers[v].sorry?.inSet == true {
                virtualServers[v].sorry?.alive = false
            }
            for service in services[v] { actions += ipvs(.removeService(service.key)) }
        }
        return actions
    }

    /// keepalived's clear_service_vs with no flush: the sorry server, then every real server, then the
    /// virtual server's shutdown quorum notification.
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
            // keepalived: without omega only the trap goes out at shutdown.
            actions.append(.realServerChanged(virtualServer: v, realServer: r, up: false))
        }
        // keepalived's update_vs_notifies when stopping: the quorum trap always goes out (status 3).
        virtualServers[v].quorumUp = false
        actions.append(.quorumChanged(virtualServer: v, up: false))
        return actions
    }
}
