/// A reload's carrying over: what a virtual server, its real servers and their checkers bring from
/// the running engine into the new one (keepalived's clear_diff_services copy side, clear_diff_rs,
/// migrate_checkers, sync_service_vsg).
import IPVSModel

extension HealthChecker {
    /// The state of old virtual server `v` into this engine's `w`. Sends what changed in place:
    /// service settings as an edit, a server's forwarding or thresholds as an edit, services a
    /// group gained with the servers already in IPVS.
    mutating func carryOver(virtualServer w: Int, from old: HealthChecker, virtualServer v: Int,
                            continuing: inout [CheckerID: CheckerID]) -> [CheckerAction] {
        let before = old.virtualServers[v]
        virtualServers[w].quorumUp = before.quorumUp
        var actions: [CheckerAction] = []
        // keepalived: IP_VS_SO_SET_EDIT when the scheduler, flags or persistence changed.
        for service in services[w] {
            if let current = table.virtualServer(service.key)?.service, current != service {
                actions += ipvs(.updateService(service))
            }
        }
        var carried: [(new: Int, old: Int)] = []
        for r in virtualServers[w].realServers.indices {
            let rs = virtualServers[w].realServers[r]
            guard let o = before.realServers.firstIndex(where: { $0.address == rs.address && $0.port == rs.port }) else { continue }
            let previous = before.realServers[o]
            virtualServers[w].realServers[r].alive = previous.alive
            virtualServers[w].realServers[r].inSet = previous.inSet
            virtualServers[w].realServers[r].weightBeforeReload = previous.effectiveWeight
            carried.append((r, o))
            if previous.inSet && (previous.forwarding != rs.forwarding || previous.upperThreshold != rs.upperThreshold
                                  || previous.lowerThreshold != rs.lowerThreshold) {
                actions += editDestination(from: previous, to: rs, in: old.services[v].map(\.key))
            }
        }
        if let sorry = virtualServers[w].sorry, let previous = before.sorry,
           previous.address == sorry.address, previous.port == sorry.port {
            virtualServers[w].sorry?.alive = previous.alive
            virtualServers[w].sorry?.inSet = previous.inSet
        }
        actions += addGroupEntries(virtualServer: w)
        for (r, o) in carried {
            actions += migrateCheckers(virtualServer: w, realServer: r, from: old, virtualServer: v, realServer: o, continuing: &continuing)
        }
        return actions
    }

    /// A server carried over whose forwarding method or thresholds changed, edited in the services
    /// it is in (removed and added where the destination's port changes with the method).
    mutating func editDestination(from previous: RealServerState, to rs: RealServerState, in keys: [IPVSServiceKey]) -> [CheckerAction] {
        let weight = Int32(previous.alive ? previous.ipvsWeight : 0)
        var actions: [CheckerAction] = []
        for key in keys where table.virtualServer(key) != nil {
            let was = destination(previous, weight: weight, in: key)
            let now = destination(rs, weight: weight, in: key)
            if was.key == now.key {
                actions += ipvs(.updateDestination(key, now))
            } else {
                actions += ipvs(.removeDestination(key, was.key)) + ipvs(.addDestination(key, now))
            }
        }
        return actions
    }

    /// keepalived's sync_service_vsg: a group's new services, each with the carried-over servers
    /// that are in IPVS (at weight 0 while down).
    mutating func addGroupEntries(virtualServer w: Int) -> [CheckerAction] {
        guard case .group(let name, _) = virtualServers[w].identity else { return [] }
        var actions: [CheckerAction] = []
        for service in services[w] where table.virtualServer(service.key) == nil {
            actions.append(.log("VS [\(Self.groupEntryName(service.key, added: true))] added into group \(name)"))
            actions += ipvs(.addService(service))
            for rs in virtualServers[w].realServers where rs.inSet {
                let weight = rs.alive ? RealServerState.clampedWeight(rs.weightBeforeReload ?? rs.effectiveWeight) : 0
                actions += ipvs(.addDestination(service.key, destination(rs, weight: weight, in: service.key)))
            }
        }
        return actions
    }

    /// keepalived's migrate_checkers: each new checker that probes like an old one of the same
    /// server takes its verdict, whether it has run and its retries; then the server's failed count
    /// is recounted, an untried alpha checker starts down beside a failed one, and a server left
    /// with no failed checker comes up (a changed inhibit_on_failure is applied to a failed one).
    mutating func migrateCheckers(virtualServer w: Int, realServer r: Int, from old: HealthChecker, virtualServer v: Int,
                                  realServer o: Int, continuing: inout [CheckerID: CheckerID]) -> [CheckerAction] {
        let ids = checkerIDs.filter { $0.virtualServer == w && $0.realServer == r }
        var available = old.checkerIDs.filter { $0.virtualServer == v && $0.realServer == o }
        for id in ids {
            guard var checker = checkers[id] else { continue }
            checker.isUp = true
            checker.hasRun = false
            if let index = available.firstIndex(where: { old.checkers[$0]?.probesLike(checker) == true }),
               let previous = old.checkers[available[index]] {
                continuing[available.remove(at: index)] = id
                if previous.hasRun { checker.isUp = previous.isUp }
                checker.hasRun = previous.hasRun
                if previous.retryIteration > 0 && checker.retry > 0 {
                    checker.retryIteration = min(previous.retryIteration, checker.retry - 1)
                }
                checker.urlIndex = previous.urlIndex
                checker.failedURL = previous.failedURL
                checker.lengthMismatch = previous.lengthMismatch
                checker.lastExitCode = previous.lastExitCode
                if case .misc(let misc) = checker.kind, misc.dynamic, (2...255).contains(previous.lastExitCode) {
                    // keepalived's migrate_misc_check: the weight the script last asked for stays.
                    checker.currentWeight = Int64(previous.lastExitCode) - 2 - virtualServers[w].realServers[r].initialWeight
                    virtualServers[w].realServers[r].effectiveWeight += checker.currentWeight
                }
            }
            checkers[id] = checker
        }
        let failed = ids.filter { checkers[$0]?.hasRun == true && checkers[$0]?.isUp == false }.count
        let anyRun = ids.contains { checkers[$0]?.hasRun == true }
        if failed > 0 || (!virtualServers[w].realServers[r].alive && !anyRun) {
            for id in ids {
                guard var checker = checkers[id], !checker.hasRun else { continue }
                if checker.alpha { checker.isUp = false }
                checker.retryIteration = checker.retry
                checkers[id] = checker
            }
        }
        virtualServers[w].realServers[r].failedCheckers = ids.filter { checkers[$0]?.isUp == false }.count
        let rs = virtualServers[w].realServers[r]
        if rs.failedCheckers == 0 && !rs.alive {
            return setServerAlive(true, virtualServer: w, realServer: r)
        }
        if rs.failedCheckers > 0 && rs.inSet != rs.inhibit {
            return command(rs.inhibit ? .add : .delete, virtualServer: w, server: .real(r))
        }
        return []
    }
}
