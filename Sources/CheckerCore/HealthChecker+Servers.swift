/// Real servers entering and leaving the pool, weights, quorum and the sorry server
/// (keepalived's ipwrapper.c behaviour).
import IPVSModel

extension HealthChecker {
    enum DestinationChange { case add, delete, edit }

    /// Sends one IPVS change the way keepalived's ipvs_cmd rewrites it: with inhibit_on_failure a
    /// delete becomes weight 0 and an add of a present destination an edit; a first add of an
    /// inhibited server with failed checkers goes in at weight 0. `forceRemoval` deletes even an
    /// inhibited server (keepalived at shutdown). Tracks `inSet`; one change per kernel service.
    mutating func command(_ change: DestinationChange, virtualServer v: Int, server: ServerRef,
                          forceRemoval: Bool = false) -> [CheckerAction] {
        guard var rs = self.server(v, server) else { return [] }
        let inhibit = rs.inhibit && !forceRemoval
        var weight = Int32(rs.ipvsWeight)
        var change = change
        if change == .delete && inhibit {
            weight = 0
            change = .edit
        } else if change == .add && inhibit && rs.inSet {
            change = .edit
        } else if change == .add && !rs.inSet {
            rs.inSet = true
            if inhibit && rs.failedCheckers > 0 { weight = 0 }
        } else if change == .delete && rs.inSet {
            rs.inSet = false
        }
        setServer(v, server, rs)
        var actions: [CheckerAction] = []
        for service in services[v] {
            let destination = destination(rs, weight: weight, in: service.key)
            switch change {
            case .add: actions += ipvs(.addDestination(service.key, destination))
            case .edit: actions += ipvs(.updateDestination(service.key, destination))
            case .delete: actions += ipvs(.removeDestination(service.key, destination.key))
            }
        }
        return actions
    }

    /// A server as a destination of the service `key`.
    func destination(_ rs: RealServerState, weight: Int32, in key: IPVSServiceKey) -> IPVSDestination {
        IPVSPlan.destination(address: rs.address, port: rs.port, forwarding: rs.forwarding, weight: weight,
                             upperThreshold: rs.upperThreshold, lowerThreshold: rs.lowerThreshold, in: key)
    }

    /// Records a change in the table as the kernel applies it, and emits it.
    mutating func ipvs(_ change: IPVSChange) -> [CheckerAction] {
        table = table.applying(change)
        return [.ipvs(change)]
    }

    func server(_ v: Int, _ ref: ServerRef) -> RealServerState? {
        switch ref {
        case .real(let r): virtualServers[v].realServers[r]
        case .sorry: virtualServers[v].sorry
        }
    }

    mutating func setServer(_ v: Int, _ ref: ServerRef, _ state: RealServerState) {
        switch ref {
        case .real(let r): virtualServers[v].realServers[r] = state
        case .sorry: virtualServers[v].sorry = state
        }
    }

    /// keepalived's do_rs_notifies: the script, the FIFO line and the trap.
    func realServerNotifies(virtualServer v: Int, realServer r: Int) -> [CheckerAction] {
        let vs = virtualServers[v]
        let rs = vs.realServers[r]
        var actions: [CheckerAction] = []
        if let script = rs.alive ? rs.notifyUp : rs.notifyDown { actions.append(.runScript(script)) }
        actions.append(.fifo("RS \(rs.name) \(vs.name) \(rs.alive ? "UP" : "DOWN")"))
        actions.append(.realServerChanged(virtualServer: v, realServer: r, up: rs.alive))
        return actions
    }

    /// keepalived's do_vs_notifies: the trap, then (at shutdown only with omega) the quorum script,
    /// the FIFO line and the mail.
    func quorumNotifies(virtualServer v: Int, starting: Bool, threshold: Int64, weightSum: Int64,
                        stopping: Bool = false) -> [CheckerAction] {
        let vs = virtualServers[v]
        var actions: [CheckerAction] = [.quorumChanged(virtualServer: v, up: vs.quorumUp)]
        guard !stopping || vs.omega else { return actions }
        if let script = vs.quorumUp ? vs.quorumUpScript : vs.quorumDownScript { actions.append(.runScript(script)) }
        actions.append(.fifo("VS \(vs.name) \(vs.quorumUp ? "UP" : "DOWN")"))
        if vs.smtpAlert {
            let what = vs.quorumUp ? (starting ? "Starting with quorum up" : "Gained quorum")
                : (starting ? "Starting with quorum down" : "Lost quorum")
            actions.append(.alert(CheckerAlert(
                subject: .virtualServer(vs.name), state: vs.quorumUp ? "UP" : "DOWN",
                message: stopping ? "=> Shutting down <=" : "=> \(what) \(vs.quorum)+\(vs.hysteresis)=\(threshold) <= \(weightSum) <=")))
        }
        return actions
    }

    /// keepalived's perform_quorum_state: every alive real server in or out of the pool.
    mutating func moveAliveServers(virtualServer v: Int, add: Bool) -> [CheckerAction] {
        var actions: [CheckerAction] = [.log("\(add ? "Adding alive servers to" : "Removing alive servers from") the pool for VS \(virtualServers[v].name)")]
        for r in virtualServers[v].realServers.indices where virtualServers[v].realServers[r].alive {
            actions += command(add ? .add : .delete, virtualServer: v, server: .real(r))
        }
        return actions
    }

    /// keepalived's update_quorum_state.
    mutating func updateQuorum(virtualServer v: Int, starting: Bool) -> [CheckerAction] {
        let weightSum = virtualServers[v].liveWeight
        let vs = virtualServers[v]
        let threshold = vs.quorum + (vs.quorumUp ? -1 : 1) * vs.hysteresis
        var actions: [CheckerAction] = []
        if !vs.quorumUp && weightSum >= threshold {
            virtualServers[v].quorumUp = true
            actions.append(.log("Gained quorum \(vs.quorum)+\(vs.hysteresis)=\(threshold) <= \(weightSum) for VS \(vs.name)"))
            if let sorry = vs.sorry, sorry.alive {
                actions.append(.log("\(sorry.inhibit ? "Disabling" : "Removing") sorry server \(sorry.name) from VS \(vs.name)"))
                actions += command(.delete, virtualServer: v, server: .sorry)
                virtualServers[v].sorry?.alive = false
                actions += moveAliveServers(virtualServer: v, add: true)
            }
            return actions + quorumNotifies(virtualServer: v, starting: starting, threshold: threshold, weightSum: weightSum)
        }
        let lost = vs.quorumUp && (weightSum == 0 || weightSum < threshold)
        let startingWithSorry = starting && !vs.quorumUp && vs.sorry.map { !$0.alive } == true
        guard lost || startingWithSorry else { return [] }
        virtualServers[v].quorumUp = false
        actions.append(.log("\(starting ? "Starting with quorum down" : "Lost quorum") \(vs.quorum)-\(vs.hysteresis)=\(threshold) > \(weightSum) for VS \(vs.name)"))
        if let sorry = vs.sorry, !sorry.alive {
            actions.append(.log("\(sorry.inhibit ? "Enabling" : "Adding") sorry server \(sorry.name) to VS \(vs.name)"))
            actions += moveAliveServers(virtualServer: v, add: false)
            actions += command(.add, virtualServer: v, server: .sorry)
            virtualServers[v].sorry?.alive = true
        }
        return actions + quorumNotifies(virtualServer: v, starting: starting, threshold: threshold, weightSum: weightSum)
    }

    /// keepalived's perform_svr_state: a real server enters or leaves the pool.
    mutating func setServerAlive(_ alive: Bool, virtualServer v: Int, realServer r: Int) -> [CheckerAction] {
        let vs = virtualServers[v]
        let rs = vs.realServers[r]
        guard rs.alive != alive else { return [] }
        let verb = alive ? (rs.inhibit ? "Enabl" : "Add") : (rs.inhibit ? "Disabl" : "Remov")
        let preposition = rs.inhibit ? "of" : alive ? "to" : "from"
        var actions: [CheckerAction] = [.log("\(verb)ing service \(rs.name) \(preposition) VS \(vs.name)")]
        // While the sorry server stands in, the pool itself is left alone.
        if vs.quorumUp || vs.sorry.map({ !$0.alive }) ?? true {
            actions += command(alive ? .add : .delete, virtualServer: v, server: .real(r))
        }
        virtualServers[v].realServers[r].alive = alive
        actions += realServerNotifies(virtualServer: v, realServer: r)
        return actions + updateQuorum(virtualServer: v, starting: false)
    }

    /// keepalived's update_svr_wgt: a new effective weight (misc_dynamic, or a reload). The quorum
    /// follows unless `updatingQuorum` is false (a reload settles it afterwards).
    mutating func updateWeight(_ weight: Int64, virtualServer v: Int, realServer r: Int, updatingQuorum: Bool = true) -> [CheckerAction] {
        let old = virtualServers[v].realServers[r].ipvsWeight
        virtualServers[v].realServers[r].effectiveWeight = weight
        let rs = virtualServers[v].realServers[r]
        let vs = virtualServers[v]
        guard rs.ipvsWeight != old else { return [] }
        var actions: [CheckerAction] = [.log("Changing weight from \(old) to \(rs.ipvsWeight) for \(rs.alive ? "" : "in")active service \(rs.name) of VS \(vs.name)")]
        if rs.inSet && rs.alive && (vs.quorumUp || vs.sorry.map { !$0.alive } ?? true) {
            actions += command(.edit, virtualServer: v, server: .real(r))
        }
        return actions + (updatingQuorum ? updateQuorum(virtualServer: v, starting: false) : [])
    }

    /// A manager set the real server's weight over SNMP (realServerWeight; keepalived's
    /// check_snmp_realserver_weight → update_svr_wgt): it replaces the effective weight, a live
    /// server in the pool gets it in IPVS at once, and the quorum follows. Positions are in
    /// configuration order; an unknown one changes nothing.
    public mutating func managerSetWeight(_ weight: Int64, virtualServer v: Int, realServer r: Int) -> [CheckerAction] {
        guard virtualServers.indices.contains(v), virtualServers[v].realServers.indices.contains(r) else { return [] }
        return updateWeight(weight, virtualServer: v, realServer: r)
    }

    /// keepalived's update_svr_checker_state: a checker's verdict reaches its real server.
    mutating func checkerVerdict(_ up: Bool, _ id: CheckerID) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        let v = id.virtualServer, r = id.realServer
        if checker.isUp == up {
            guard !checker.hasRun else { return [] }
            checkers[id]?.hasRun = true
            return checker.alpha || !up ? realServerNotifies(virtualServer: v, realServer: r) : []
        }
        checkers[id]?.hasRun = true
        let failed = virtualServers[v].realServers[r].failedCheckers
        var actions: [CheckerAction] = []
        if up && failed <= 1 {
            actions = setServerAlive(true, virtualServer: v, realServer: r)
        } else if !up && failed == 0 {
            actions = setServerAlive(false, virtualServer: v, realServer: r)
        }
        checkers[id]?.isUp = up
        if !up {
            virtualServers[v].realServers[r].failedCheckers += 1
        } else if failed > 0 {
            virtualServers[v].realServers[r].failedCheckers -= 1
        }
        return actions
    }

    /// An smtp_alert for a checker's change, under keepalived's conditions. The subject says
    /// whether the real server is alive (keepalived's SMTP_MSG_RS), not what this checker found:
    /// with two checkers, the second one's recovery mails "DOWN" while the first still fails.
    func checkerAlert(_ id: CheckerID, checkerWasUp: Bool, serverWasAlive: Bool, up: Bool, message: String) -> [CheckerAction] {
        let vs = virtualServers[id.virtualServer]
        let rs = vs.realServers[id.realServer]
        guard rs.smtpAlert, checkerWasUp != up, serverWasAlive != rs.alive || !options.noCheckerEmails else { return [] }
        return [.alert(CheckerAlert(subject: .realServer(rs.name, virtualServer: vs.name), state: rs.alive ? "UP" : "DOWN", message: message))]
    }
}
