/// keepalived's checker reload (check_daemon.c reload_check_thread, ipwrapper.c
/// clear_diff_services): the new configuration's engine takes over the running one's state. A
/// virtual server found again (same address, port and protocol; fwmark and family; group) keeps its
/// quorum; a real server found again (same address and port) keeps its place in IPVS, its weight
/// until the new one is sent as an edit, and its checkers' verdicts and retry counts; what is gone
/// is taken out as keepalived takes it out; what is new starts as at start-up.
import IPVSModel
import KeepalivedConfig

extension HealthChecker {
    /// What a reload gives.
    public struct Reload: Sendable {
        /// The engine to run from now on.
        public var engine: HealthChecker
        /// What takes the running state (and the IPVS table) to the new configuration, in order:
        /// first what goes (its `realServerChanged`/`quorumChanged` name the running engine's
        /// indices), then what changes and what is new (the new engine's indices).
        public var actions: [CheckerAction]
        /// Old checker → new checker, for each checker that probes the same way as before: its
        /// scheduled or running probe goes on and reports under the new id. Every other old
        /// checker's probe is dropped; every other new checker is scheduled in `actions`.
        public var continuing: [CheckerID: CheckerID]
    }

    /// The reload to `configuration` (validated, defaults resolved). New checkers are scheduled as at
    /// start (`warmup` as in `start`); continuing ones keep their schedule.
    public func reloaded(configuration: Configuration, warmup: (UInt64) -> UInt64) -> Reload {
        reloaded(to: HealthChecker(configuration: configuration), warmup: warmup)
    }

    /// The reload to `fresh`, an engine built from the new configuration and not started.
    public func reloaded(to fresh: HealthChecker, warmup: (UInt64) -> UInt64) -> Reload {
        var old = self
        var next = fresh
        var matches: [(old: Int, new: Int)] = []
        for v in virtualServers.indices {
            let identity = virtualServers[v].identity
            if let w = next.virtualServers.indices.first(where: { w in
                next.virtualServers[w].identity == identity && !matches.contains { $0.new == w }
            }) {
                matches.append((v, w))
            }
        }
        // What goes, from the running engine, in its order.
        let nextKeys = Set(next.services.joined().map(\.key))
        var actions: [CheckerAction] = []
        for v in virtualServers.indices {
            guard let w = matches.first(where: { $0.old == v })?.new else {
                if case .group(let name, _) = virtualServers[v].identity {
                    actions.append(.log("Removing Virtual Server Group [\(name)]"))
                } else {
                    actions.append(.log("Removing Virtual Server \(virtualServers[v].name)"))
                }
                actions += old.clearService(virtualServer: v, stopping: false, keeping: nextKeys)
                continue
            }
            actions += old.clearRemovedServers(virtualServer: v, keeping: next.virtualServers[w])
            actions += old.clearRemovedGroupEntries(virtualServer: v, keeping: Set(next.services[w].map(\.key)), used: nextKeys)
        }
        // What stays, into the new engine; then everything as at start.
        next.table = old.table
        var continuing: [CheckerID: CheckerID] = [:]
        for (v, w) in matches {
            actions += next.carryOver(virtualServer: w, from: old, virtualServer: v, continuing: &continuing)
        }
        for w in next.virtualServers.indices { actions += next.initService(virtualServer: w) }
        let carried = Set(continuing.values)
        for id in next.checkerIDs where !carried.contains(id) { actions += next.activate(id, warmup: warmup) }
        return Reload(engine: next, actions: actions, continuing: continuing)
    }

    /// keepalived's clear_diff_rs and clear_diff_s_srv, removal side: real servers the new virtual
    /// server does not have, and a sorry server it no longer has, leave IPVS (notify_down as usual).
    mutating func clearRemovedServers(virtualServer v: Int, keeping next: VirtualServerState) -> [CheckerAction] {
        var actions: [CheckerAction] = []
        for r in virtualServers[v].realServers.indices {
            let rs = virtualServers[v].realServers[r]
            guard !next.realServers.contains(where: { $0.address == rs.address && $0.port == rs.port }) else { continue }
            actions.append(.log("service \(rs.name) no longer exist"))
            actions += clearRealServer(virtualServer: v, realServer: r, stopping: false)
        }
        guard var sorry = virtualServers[v].sorry,
              next.sorry.map({ $0.address != sorry.address || $0.port != sorry.port }) ?? true else { return actions }
        if sorry.inhibit {
            if !sorry.alive && sorry.inSet { sorry.alive = true }
            sorry.inhibit = false
            virtualServers[v].sorry = sorry
        }
        if sorry.alive {
            actions.append(.log("Removing sorry server \(sorry.name) from VS \(virtualServers[v].name)"))
            actions += command(.delete, virtualServer: v, server: .sorry)
        }
        return actions
    }

    /// keepalived's clear_diff_vsg: a group's services the new group lacks lose our destinations,
    /// then go unless another virtual server still uses them (`used`).
    mutating func clearRemovedGroupEntries(virtualServer v: Int, keeping: Set<IPVSServiceKey>, used: Set<IPVSServiceKey>) -> [CheckerAction] {
        guard case .group(let name, _) = virtualServers[v].identity else { return [] }
        var actions: [CheckerAction] = []
        for service in services[v] where !keeping.contains(service.key) {
            actions.append(.log("VS [\(Self.groupEntryName(service.key))] in group \(name) no longer exists"))
            if options.flushOnStop == .none {
                for rs in virtualServers[v].realServers where rs.inSet {
                    actions += ipvs(.removeDestination(service.key, destination(rs, weight: 0, in: service.key).key))
                }
            }
            if !used.contains(service.key) && table.virtualServer(service.key) != nil {
                actions += ipvs(.removeService(service.key))
            }
        }
        return actions
    }

    /// keepalived's log name for a group entry: a fwmark, or inet_sockaddrtotrio's `[addr]:tcp:80`.
    static func groupEntryName(_ key: IPVSServiceKey, added: Bool = false) -> String {
        switch key {
        case let .firewallMark(mark, _): return added ? "FWM \(mark)" : "\(mark)"
        case let .address(proto, address, port):
            return "[\(address)]:\(proto == .tcp ? "tcp" : proto == .udp ? "udp" : "sctp"):\(port)"
        }
    }
}
