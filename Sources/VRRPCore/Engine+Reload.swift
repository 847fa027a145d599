/// keepalived's reload (SIGHUP): a new configuration replaces the running one without disturbing
/// what did not change.
extension Engine {
    /// The outcome of a reload.
    public struct Reload: Sendable {
        /// The Engine to run from now on.
        public var engine: Engine
        /// For the new Engine, in order: instances that did not exist before starting, and the
        /// priority and fault changes the new tracking configuration causes.
        public var actions: [Action]
        /// Running instances the new configuration no longer has, with their stop actions (a master
        /// sends priority 0 and releases its addresses), in the old configuration's order.
        public var removed: [(id: InstanceID, actions: [VirtualRouter.Action])]
    }

    /// Reloads into `configuration`. `continuing` maps a new instance to the running one it
    /// continues (keepalived matches them by interface, VRID, family and unicast mode): it keeps its
    /// state, timer, counters and addresses, and its sync group keeps its state. Tracker results carry
    /// over where the tracker and its rise/fall are the same. Everything else starts as at start-up.
    public func reloaded(with configuration: Configuration, continuing: [InstanceID: InstanceID], now: Instant) -> Reload {
        var next = Engine(configuration)
        // Not started yet: the new configuration simply replaces the old one.
        guard phase == .running else { return Reload(engine: next, actions: [], removed: []) }
        for (id, state) in trackers {
            guard let fresh = next.trackers[id], fresh.rise == state.rise, fresh.fall == state.fall else { continue }
            next.trackers[id] = state
        }
        let continued = next.instanceIDs.compactMap { id in continuing[id].flatMap { routers[$0] != nil ? (id, $0) : nil } }
        for (id, oldID) in continued {
            next.routers[id] = VirtualRouter(next.routers[id]!.configuration, continuing: routers[oldID]!)
            next.heldInFault[id] = heldInFault[oldID]
            next.wasBlocked[id] = wasBlocked[oldID]
            if quietFault.contains(oldID) { next.quietFault.insert(id) }
        }
        for id in next.instanceIDs { next.tracking[id] = next.summary(id) }
        for groupID in next.syncGroupIDs {
            if let old = syncGroups[groupID] {
                next.syncGroups[groupID]!.state = old.state
            } else {
                let states = next.syncGroups[groupID]!.members.map { next.routers[$0]!.state }
                next.syncGroups[groupID]!.state = states.contains(.fault) ? .fault : states.contains(.master) ? .master
                    : states.contains(.backup) ? .backup : .initialize
            }
        }
        next.phase = .running

        var actions: [Action] = []
        let continuedIDs = Set(continued.map(\.0))
        for id in next.instanceIDs where !continuedIDs.contains(id) {
            let priority = next.tracking[id]!.effectivePriority
            if priority != next.routers[id]!.effectivePriority {
                next.run(id, .effectivePriorityChanged(priority), now: now, &actions, followedByGroup: false)
            }
            next.wasBlocked[id] = next.isBlocked(id)
            let held = next.shouldHoldInFault(id)
            next.heldInFault[id] = held
            actions += next.routers[id]!.handle(.start(isUp: !held), now: now).map { .instance(id, $0) }
        }
        next.reconcile(now: now, &actions)

        let kept = Set(continued.map(\.1))
        let removed = instanceIDs.filter { !kept.contains($0) }.map { id in
            var router = routers[id]!
            return (id: id, actions: router.handle(.stop, now: now))
        }
        return Reload(engine: next, actions: actions, removed: removed)
    }
}
