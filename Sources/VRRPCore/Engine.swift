/// The owner of every VRRP instance: routes inputs to the virtual routers, turns tracker results
/// into effective priorities and faults, and moves sync groups together (keepalived's
/// vrrp_scheduler.c, vrrp_track.c and vrrp_sync.c, as one value type).
///
///   inputs ──► Engine.handle ──► trackers ──► TrackingSummary per instance
///                  │                               │ priority / fault changes
///                  ▼                               ▼
///             VirtualRouter.handle per instance ◄──┘
///                  │ transitions
///                  ▼
///             sync groups (hold, follow to MASTER/BACKUP/FAULT) ──► [Action], in order
///
/// Like VirtualRouter it owns no socket, clock or timer: the executor performs the actions in the
/// order given and feeds timer expiries back with the instance id and generation.
public struct Engine: Sendable {
    /// The instances in configuration order (the order keepalived walks them in).
    public let instanceIDs: [InstanceID]
    public internal(set) var routers: [InstanceID: VirtualRouter] = [:]
    public internal(set) var trackers: [TrackerID: TrackerState] = [:]
    public internal(set) var syncGroups: [SyncGroupID: SyncGroup] = [:]
    /// The sync groups in configuration order.
    public let syncGroupIDs: [SyncGroupID]
    /// The latest tracking summary of each instance.
    public internal(set) var tracking: [InstanceID: TrackingSummary] = [:]

    var bindings: [InstanceID: [TrackingBinding]] = [:]
    var groupOf: [InstanceID: SyncGroupID] = [:]
    /// Whether each router has been told it is faulty (its own trackers or its group's).
    var heldInFault: [InstanceID: Bool] = [:]
    /// Instances that went to FAULT at start without notification (no fault reason of their own,
    /// only scripts still initialising or a faulty sync-group member), as keepalived's
    /// vrrp_init_state does.
    var quietFault: Set<InstanceID> = []
    /// Each instance's own blocking (`isBlocked`) as last reconciled.
    var wasBlocked: [InstanceID: Bool] = [:]
    public internal(set) var phase: Phase = .configured

    /// Where the Engine is in its life.
    public enum Phase: Sendable, Hashable {
        case configured, running, stopped
    }

    public init(_ configuration: Configuration) {
        instanceIDs = configuration.instances.map(\.id)
        syncGroupIDs = configuration.syncGroups.map(\.id)
        for tracker in configuration.trackers { trackers[tracker.id] = tracker }
        for instance in configuration.instances {
            routers[instance.id] = VirtualRouter(instance.router)
            bindings[instance.id] = instance.bindings
            heldInFault[instance.id] = false
        }
        for group in configuration.syncGroups {
            // keepalived: an instance belongs to one sync group at most; later groups lose it.
            let members = group.members.filter { routers[$0] != nil && groupOf[$0] == nil }
            for member in members {
                groupOf[member] = group.id
                bindings[member, default: []] += group.trackers
            }
            syncGroups[group.id] = SyncGroup(id: group.id, members: members)
        }
        for binding in bindings.values.joined() where trackers[binding.tracker] == nil {
            trackers[binding.tracker] = .initial(binding.tracker)
        }
        for id in instanceIDs { tracking[id] = summary(id) }
    }

    public mutating func handle(_ input: Input, now: Instant) -> [Action] {
        var actions: [Action] = []
        switch input {
        case .start:
            guard phase == .configured else { break }
            start(now: now, &actions)
        case let .advertisementReceived(id, advert, source):
            guard phase == .running, routers[id] != nil else { break }
            run(id, .advertisementReceived(advert, source: source), now: now, &actions, followedByGroup: true)
        case let .timerExpired(id, generation):
            guard phase == .running, let router = routers[id] else { break }
            if router.state == .backup, router.deadline != nil, generation == router.currentGeneration, !groupAllowsMaster(id) {
                // keepalived's vrrp_sync_can_goto_master: prefer backup to thrashing.
                run(id, .syncGroupHold, now: now, &actions, followedByGroup: false)
            } else {
                run(id, .timerExpired(generation: generation), now: now, &actions, followedByGroup: true)
            }
        case let .trackerResult(tracker, result):
            record(tracker, result, now: now, &actions)
        case let .interfaceChanged(name, isUp):
            record(.interface(name), isUp ? .succeeded : .failed(detail: nil), now: now, &actions)
        case let .virtualAddressDeleted(id):
            guard phase == .running, routers[id]?.state == .master else { break }
            run(id, .virtualAddressDeleted, now: now, &actions, followedByGroup: false)
            if let group = groupOf[id] {
                for member in syncGroups[group]!.members where routers[member]!.state == .master {
                    run(member, .virtualAddressDeleted, now: now, &actions, followedByGroup: false)
                }
                // keepalived sets the group's state without notifying it.
                syncGroups[group]!.state = .backup
            }
        case let .sourceAddressChanged(id, address):
            guard let router = routers[id] else { break }
            if let address { routers[id]!.adoptSourceAddress(address) }
            record(.sourceAddress(instance: router.configuration.name), address == nil ? .failed(detail: nil) : .succeeded,
                   now: now, &actions)
        case let .settingChanged(id, setting):
            guard phase != .stopped, routers[id] != nil else { break }
            change(id, setting, now: now, &actions)
        case .stop:
            guard phase == .running else { break }
            phase = .stopped
            for id in instanceIDs { run(id, .stop, now: now, &actions, followedByGroup: false) }
            for group in syncGroupIDs { setGroupState(group, .stop, &actions) }
        }
        return actions
    }

    // MARK: - Start (keepalived's vrrp_init_state)

    mutating func start(now: Instant, _ actions: inout [Action]) {
        phase = .running
        // keepalived's initialise_vrrp_tracking_priorities ends with vrrp_set_effective_priority.
        for id in instanceIDs {
            let priority = tracking[id]!.effectivePriority
            if priority != routers[id]!.effectivePriority {
                run(id, .effectivePriorityChanged(priority), now: now, &actions, followedByGroup: false)
            }
        }
        actions += startFaultLines()
        var groupActions: [Action] = []
        for groupID in syncGroupIDs {
            let group = syncGroups[groupID]!
            let target: VRRPState
            if group.members.contains(where: { isBlocked($0) }) {
                target = group.members.contains(where: { tracking[$0]!.isFaulty }) ? .fault : .initialize
            } else if group.members.allSatisfy({ routers[$0]!.isOwner && routers[$0]!.wantState == .master }) {
                target = .master
            } else {
                target = .backup
            }
            // keepalived notifies a group starting in BACKUP or FAULT; a MASTER group of owners is not.
            if target == .backup || target == .fault {
                setGroupState(groupID, target, &groupActions)
            } else {
                syncGroups[groupID]!.state = target
            }
        }
        // keepalived's vrrp_complete_init announces every instance in FAULT (its own or its sync
        // group's) first; then vrrp_init_state notifies the groups and starts the others.
        let announced = instanceIDs.filter { id in
            tracking[id]!.isFaulty || groupOf[id].map { syncGroups[$0]!.state == .fault } ?? false
        }
        for id in announced { startRouter(id, faultAnnounced: true, now: now, &actions) }
        actions += groupActions
        for id in instanceIDs where !announced.contains(id) { startRouter(id, faultAnnounced: false, now: now, &actions) }
    }

    /// Starts one router. An instance held without a fault of its own (scripts still
    /// initialising, a faulty sync-group member) is in FAULT with no failure counted, as keepalived
    /// has it: its own first fault is then notified again; held only by pending scripts, its start
    /// is not notified at all.
    private mutating func startRouter(_ id: InstanceID, faultAnnounced: Bool, now: Instant, _ actions: inout [Action]) {
        wasBlocked[id] = isBlocked(id)
        let held = shouldHoldInFault(id)
        heldInFault[id] = held
        if held && !tracking[id]!.isFaulty { quietFault.insert(id) }
        let quiet = held && !faultAnnounced
        let groupBackup = groupOf[id].map { syncGroups[$0]!.state == .backup } ?? false
        for action in routers[id]!.handle(.start(isUp: !held, faultAnnounced: faultAnnounced, groupBackup: groupBackup), now: now) {
            if quiet, case .transition = action { continue }
            actions.append(.instance(id, action))
        }
    }

    // MARK: - Tracking (keepalived's vrrp_track.c)

    private mutating func record(_ tracker: TrackerID, _ result: TrackerResult, now: Instant, _ actions: inout [Action]) {
        guard phase != .stopped else { return }
        var state = trackers[tracker] ?? .initial(tracker)
        var lines: [String] = []
        let changed = state.record(result, log: &lines)
        trackers[tracker] = state
        actions += lines.map { .log($0) }
        guard changed else { return }
        for id in instanceIDs where bindings[id]!.contains(where: { $0.tracker == tracker }) {
            tracking[id] = summary(id)
        }
        guard phase == .running else { return }
        reconcile(now: now, &actions)
    }

    func summary(_ id: InstanceID) -> TrackingSummary {
        TrackingSummary(base: routers[id]!.configuration.basePriority, bindings: bindings[id]!) { trackers[$0]?.status ?? .pending }
    }

    /// The instance's own reasons to stay down: a fault, or an unweighted script with no result.
    func isBlocked(_ id: InstanceID) -> Bool {
        let summary = tracking[id]!
        return summary.isFaulty || !summary.pending.isEmpty
    }

    /// FAULT for the instance, or for any member of its sync group.
    func shouldHoldInFault(_ id: InstanceID) -> Bool {
        guard let group = groupOf[id] else { return isBlocked(id) }
        return syncGroups[group]!.members.contains { isBlocked($0) }
    }

    /// Applies priority and fault changes: priorities first (keepalived's
    /// vrrp_set_effective_priority), then the instances whose own trackers changed, then the rest
    /// of their sync groups (down_instance → vrrp_sync_fault, try_up_instance → vrrp_sync_backup).
    mutating func reconcile(now: Instant, _ actions: inout [Action]) {
        for id in instanceIDs where routers[id]!.effectivePriority != tracking[id]!.effectivePriority {
            run(id, .effectivePriorityChanged(tracking[id]!.effectivePriority), now: now, &actions, followedByGroup: false)
        }
        // The instances whose own trackers changed go first; their groups follow them.
        let changed = instanceIDs.filter { isBlocked($0) != wasBlocked[$0] }
        for id in instanceIDs { wasBlocked[id] = isBlocked(id) }
        for id in changed + instanceIDs.filter({ !changed.contains($0) }) {
            let own = isBlocked(id)
            let held = heldInFault[id]!
            if own && quietFault.contains(id) && tracking[id]!.isFaulty {
                // keepalived's down_instance on an instance already in FAULT (init): notify now.
                quietFault.remove(id)
                actions.append(.instance(id, .transition(from: .fault, to: .fault)))
            }
            if own {
                if !held { setHeld(id, true, now: now, &actions) }
                if let group = groupOf[id], tracking[id]!.isFaulty, syncGroups[group]!.state != .fault {
                    actions.append(.log(syncGroups[group]!.syncingLine(to: .fault)))
                    for member in syncGroups[group]!.members where member != id { setHeld(member, true, now: now, &actions) }
                    setGroupState(group, .fault, &actions)
                }
            } else if held && !shouldHoldInFault(id) {
                setHeld(id, false, now: now, &actions)
                if let group = groupOf[id] {
                    actions.append(.log(syncGroups[group]!.syncingLine(to: .backup)))
                    for member in syncGroups[group]!.members where member != id { setHeld(member, false, now: now, &actions) }
                    let anyMaster = syncGroups[group]!.members.contains { routers[$0]!.state == .master }
                    setGroupState(group, anyMaster ? .master : .backup, &actions)
                }
            }
        }
    }

    private mutating func setHeld(_ id: InstanceID, _ held: Bool, now: Instant, _ actions: inout [Action]) {
        guard heldInFault[id] != held else { return }
        heldInFault[id] = held
        if !held { quietFault.remove(id) }
        run(id, .faultChanged(isFaulty: held), now: now, &actions, followedByGroup: false)
    }

    // MARK: - Driving the routers

    /// Feeds one router and tags its actions; with `followedByGroup`, a transition the input caused
    /// moves the rest of its sync group (keepalived's VRRP_TSM table).
    mutating func run(_ id: InstanceID, _ input: VirtualRouter.Input, now: Instant, _ actions: inout [Action], followedByGroup: Bool) {
        let produced = routers[id]!.handle(input, now: now)
        actions += produced.map { .instance(id, $0) }
        if produced.contains(.masterReceivedLowerPriority), let group = groupOf[id] {
            // keepalived: the group's other masters refresh their neighbours' caches too.
            for member in syncGroups[group]!.members where member != id {
                actions += routers[member]!.lowerPriorityAnnouncements(now: now).map { .instance(member, $0) }
            }
        }
        guard followedByGroup, let group = groupOf[id] else { return }
        for case let .transition(from, to) in produced {
            if to == .master {
                syncMaster(group, trigger: id, now: now, &actions)
            } else if from == .master && to == .backup {
                syncBackup(group, trigger: id, now: now, &actions)
            }
        }
    }
}

extension Engine {
    /// keepalived's SNMP write methods: a new base priority moves the effective priority by the
    /// same amount (vrrp_set_effective_priority: an address owner's stays 255); preemption just flips.
    mutating func change(_ id: InstanceID, _ setting: Setting, now: Instant, _ actions: inout [Action]) {
        switch setting {
        case let .basePriority(priority):
            run(id, .basePriorityChanged(priority), now: now, &actions, followedByGroup: false)
            tracking[id] = summary(id)
            if phase == .running { reconcile(now: now, &actions) }
        case let .preemption(enabled):
            run(id, .preemptionChanged(enabled: enabled), now: now, &actions, followedByGroup: false)
        }
    }

    /// Zeroes every instance's counters (keepalived's STATS_CLEAR).
    public mutating func clearStatistics() {
        for id in instanceIDs { routers[id]?.clearStatistics() }
    }
}
