/// Taking virtual servers out: what keepalived's clear_services removes from the IPVS table when the
/// checker stops (not called with -I/--dont-release-ipvs), and clear_service_vs when a reload drops one.
import IPVSModel

extension HealthChecker {
    /// keepalived's clear_services. By default every virtual server loses its sorry server, then
    /// each real server (logged, inhibited ones removed too), then its services; with
    /// `lvs_flush_on_stop` the services go at once, or the whole table is flushed. A service that
    /// virtual servers share (a group's) goes with the last of them. Every virtual server then
    /// reports its quorum down (the trap; with `omega` its scripts, FIFO lines and mails too, as for
    /// a real server going down).
    public mutating func stop() -> [CheckerAction] {
        guard !virtualServers.isEmpty else { return [] }
        if options.flushOnStop == .full {
            return virtualServers.indices.reduce(ipvs(.flush)) { $0 + quorumDownAtStop(virtualServer: $1) }
        }
        var actions: [CheckerAction] = []
        for v in virtualServers.indices {
            let later = Set(services[(v + 1)...].joined().map(\.key))
            actions += clearService(virtualServer: v, stopping: true, keeping: later)
        }
        return actions
    }

    /// keepalived's clear_service_vs: the servers (unless lvs_flush_on_stop), then the services,
    /// except those in `keeping` (another virtual server still uses them; keepalived counts a
    /// group entry's users).
    mutating func clearService(virtualServer v: Int, stopping: Bool, keeping: Set<IPVSServiceKey>) -> [CheckerAction] {
        var actions: [CheckerAction] = []
        if options.flushOnStop == .none {
            actions += clearRealServers(virtualServer: v, stopping: stopping)
        } else if virtualServers[v].sorry?.inSet == true {
            virtualServers[v].sorry?.alive = false
        }
        if stopping { actions += quorumDownAtStop(virtualServer: v) }
        for service in services[v] where !keeping.contains(service.key) && table.virtualServer(service.key) != nil {
            actions += ipvs(.removeService(service.key))
        }
        return actions
    }

    /// keepalived's clear_service_vs with no flush: the sorry server, then every real server.
    mutating func clearRealServers(virtualServer v: Int, stopping: Bool) -> [CheckerAction] {
        var actions: [CheckerAction] = []
        if let sorry = virtualServers[v].sorry, sorry.inSet {
            if virtualServers[v].sorryDuplicatesRealServer {
                virtualServers[v].sorry?.inSet = false
            } else {
                actions += command(.delete, virtualServer: v, server: .sorry, forceRemoval: true)
            }
            virtualServers[v].sorry?.alive = false
        }
        for r in virtualServers[v].realServers.indices {
            actions += clearRealServer(virtualServer: v, realServer: r, stopping: stopping)
        }
        if !stopping { actions += quorumLostWithoutSorry(virtualServer: v) }
        return actions
    }

    /// keepalived's clear_service_rs: the destination goes (inhibited or not); a server that was
    /// alive is reported down: at shutdown by its trap only (with `omega`, as on a reload), on a
    /// reload by notify_down, the FIFO, the trap and its smtp_alert.
    mutating func clearRealServer(virtualServer v: Int, realServer r: Int, stopping: Bool) -> [CheckerAction] {
        let rs = virtualServers[v].realServers[r]
        let vsName = virtualServers[v].name
        var actions: [CheckerAction] = []
        if rs.inSet || stopping {
            actions.append(.log("\(stopping ? "Shutting down" : "Removing") \(rs.inhibit && !rs.alive ? "(inhibited) " : "")service \(rs.name) from VS \(vsName)"))
        }
        guard rs.inSet else { return actions }
        actions += command(.delete, virtualServer: v, server: .real(r), forceRemoval: true)
        guard rs.alive else { return actions }
        virtualServers[v].realServers[r].alive = false
        if stopping && !virtualServers[v].omega {
            // keepalived: without omega only the trap goes out at shutdown.
            actions.append(.realServerChanged(virtualServer: v, realServer: r, up: false))
            return actions
        }
        actions += realServerNotifies(virtualServer: v, realServer: r)
        if rs.smtpAlert {
            actions.append(.alert(CheckerAlert(subject: .realServer(rs.name, virtualServer: vsName), state: "DOWN",
                                               message: stopping ? "=> Shutting down <=" : "=> Removing <=")))
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

    /// keepalived's update_vs_notifies (not stopping): a virtual server whose live weight fell
    /// below its quorum reports it, without bringing in the sorry server.
    mutating func quorumLostWithoutSorry(virtualServer v: Int) -> [CheckerAction] {
        let vs = virtualServers[v]
        let threshold = vs.quorum - vs.hysteresis
        let weightSum = vs.liveWeight
        guard vs.quorumUp, weightSum == 0 || weightSum < threshold else { return [] }
        virtualServers[v].quorumUp = false
        return quorumNotifies(virtualServer: v, starting: false, threshold: threshold, weightSum: weightSum)
    }
}
