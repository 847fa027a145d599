import NetworkTypes

/// One VRRP instance's protocol state machine (RFC 3768 / RFC 5798 §6, as keepalived 2.2.7 runs it).
///
///               start, fault            fault
///   ┌──────┐ ───────────────► ┌───────┐ ◄─────────────────────┐
///   │ INIT │                  │ FAULT │ ◄────────┐            │
///   └──┬───┘                  └───┬───┘  fault   │            │
///      │ start, up                │ fault cleared│            │
///      ▼                          ▼              │            │
///   ┌────────┐   Master_Down_Timer fires   ┌─────┴──┐         │
///   │ BACKUP │ ──────────────────────────► │ MASTER │ ────────┘
///   │        │ ◄────────────────────────── │        │
///   └────────┘   higher-priority advert    └────────┘
///        stop (from any state) ──► STOP: a master sends priority 0 and releases its addresses
///
/// A value type: `handle(_:now:)` takes what happened and returns the actions, in order. It owns no
/// socket, clock or timer; the executor arms one timer per instance and feeds its expiry back.
public struct VirtualRouter: Sendable {
    public private(set) var configuration: VirtualRouterConfiguration
    public private(set) var state: VRRPState = .initialize
    /// The state the instance would be in, disregarding a sync group (keepalived's wantstate).
    public private(set) var wantState: VRRPState = .backup
    public private(set) var effectivePriority: Priority
    /// RFC 5798 §6.1 Master_Adver_Interval, in microseconds (v3 backups adopt the master's).
    public private(set) var masterAdvertisementInterval: UInt64
    /// The current master's address and priority, as last accepted.
    public private(set) var masterAddress: [UInt8]?
    public private(set) var masterPriority: Priority?
    public private(set) var statistics = Statistics()
    /// Whether the virtual addresses are installed (keepalived's vipset).
    public private(set) var addressesInstalled = false
    /// auth_type AH: the sequence counter for sent and accepted adverts.
    public private(set) var ipsecAHSequence = IPsecAHSequence()

    /// The down timer's length for the next arming, in microseconds (keepalived's ms_down_timer).
    private var downTimer: UInt64 = 0
    /// When the instance timer fires next (keepalived's sands); nil when disabled.
    public private(set) var deadline: Instant?
    private var generation: UInt64 = 0
    /// The generation of the timer armed last; an expiry must carry it.
    public var currentGeneration: UInt64 { generation }
    /// When preemption is allowed (preempt_delay); nil when no delay is running.
    private var preemptTime: Instant?

    public init(_ configuration: VirtualRouterConfiguration) {
        self.configuration = configuration
        self.effectivePriority = configuration.basePriority
        self.masterAdvertisementInterval = configuration.advertisementInterval
        self.wantState = configuration.wantsMasterAtStart ? .master : .backup
    }

    /// keepalived's reload of a surviving instance: the new configuration with the running state
    /// (state, effective priority, master seen, counters, addresses, the armed timer and its
    /// generation, the AH sequence counter), so a reload neither flaps the instance nor gaps its adverts. The Engine then
    /// re-applies tracking to the new base priority.
    public init(_ configuration: VirtualRouterConfiguration, continuing old: VirtualRouter) {
        self.init(configuration)
        state = old.state
        effectivePriority = configuration.basePriority == old.configuration.basePriority ? old.effectivePriority : configuration.basePriority
        wantState = old.wantState
        masterAddress = old.masterAddress
        masterPriority = old.masterPriority
        statistics = old.statistics
        addressesInstalled = old.addressesInstalled
        // A v3 backup keeps the master's interval it adopted; otherwise the configured one.
        if configuration.version == .v3 && old.state == .backup && old.configuration.version == .v3 {
            masterAdvertisementInterval = old.masterAdvertisementInterval
        }
        downTimer = old.downTimer
        deadline = old.deadline
        generation = old.generation
        preemptTime = old.preemptTime
        // keepalived keeps the AH counter too: starting again at 1 would look like replays to the peers.
        ipsecAHSequence = old.ipsecAHSequence
    }

    public var isOwner: Bool { configuration.basePriority == .owner }

    // MARK: - Timer arithmetic (RFC 5798 §6.1)

    /// Skew_Time for a priority value: v2 (256 - Priority)/256 s; v3 ((256 - Priority) * Master_Adver_Interval)/256.
    func skew(_ value: UInt64) -> UInt64 {
        switch configuration.version {
        case .v2: return value * 1_000_000 / 256
        case .v3: return value * (masterAdvertisementInterval / 10_000) * 625 / 16
        }
    }

    /// Skew_Time at the effective priority.
    public var skewTime: UInt64 { skew(256 - UInt64(effectivePriority.rawValue)) }

    /// Master_Down_Interval = down_timer_adverts × Master_Adver_Interval + Skew_Time.
    public var masterDownInterval: UInt64 { configuration.downTimerAdverts * masterAdvertisementInterval + skewTime }

    /// Zeroes the counters (keepalived's STATS_CLEAR signal).
    public mutating func clearStatistics() {
        statistics = Statistics()
    }

    // MARK: - Inputs

    public mutating func handle(_ input: Input, now: Instant) -> [Action] {
        var actions: [Action] = []
        switch input {
        case let .start(isUp, faultAnnounced, groupBackup):
            start(isUp: isUp, faultAnnounced: faultAnnounced, groupBackup: groupBackup, now: now, &actions)
        case let .advertisementReceived(advertisement, source):
            statistics.advertisementsReceived += 1
            if advertisement.priority == .releasingMastership { statistics.priorityZeroReceived += 1 }
            if let sequenceNumber = advertisement.ipsecAHSequenceNumber {
                ipsecAHSequence.accepted(sequenceNumber, inBackup: state == .backup)
            }
            switch state {
            case .backup: backupReceived(advertisement, source: source, now: now, &actions)
            case .master: masterReceived(advertisement, source: source, now: now, &actions)
            default: break
            }
        case let .timerExpired(expired):
            guard expired == generation, deadline != nil else { break }
            deadline = nil
            switch state {
            case .backup:
                wantState = .master
                becomeMaster(now: now, &actions)
            case .master:
                sendAdvertisement(effectivePriority, &actions)
                arm(now: now, &actions)
            default:
                break
            }
        case let .faultChanged(isFaulty):
            if isFaulty { enterFault(now: now, &actions) } else { leaveFault(now: now, &actions) }
        case let .effectivePriorityChanged(priority):
            guard !isOwner, priority != effectivePriority else { break }
            actions.append(.log("(\(configuration.name)) Changing effective priority from \(effectivePriority) to \(priority)"))
            effectivePriority = priority
            retimeAfterPriorityChange(now: now, &actions)
        case let .basePriorityChanged(priority):
            // keepalived's vrrp_snmp_instance_priority.
            actions.append(.log("(\(configuration.name)) base priority changed from \(configuration.basePriority) to \(priority) via SNMP."))
            configuration.basePriority = priority
        case let .preemptionChanged(enabled):
            // keepalived's vrrp_snmp_instance_preempt logs even when nothing changes.
            actions.append(.log("(\(configuration.name)) preemption \(enabled ? "enabled" : "disabled") with SNMP"))
            configuration.noPreempt = !enabled
        case .stop:
            stop(&actions)
        case .syncGroupHold:
            guard state == .backup else { break }
            wantState = .master
            downTimer = masterDownInterval
            arm(now: now, &actions)
        case .syncGroupMaster:
            guard state == .backup else { break }
            wantState = .master
            becomeMaster(now: now, &actions)
        case .syncGroupBackup:
            guard state == .master else { break }
            wantState = .backup
            leaveMaster(to: .backup, now: now, &actions)
        case .virtualAddressDeleted:
            guard state == .master else { break }
            wantState = .backup
            leaveMaster(to: .backup, releasing: true, now: now, &actions)
        }
        return actions
    }

    /// keepalived's vrrp_set_effective_priority: the down timer is recomputed at the new skew and a
    /// running backup deadline moves by the difference; a master's next advert carries the change.
    private mutating func retimeAfterPriorityChange(now: Instant, _ actions: inout [Action]) {
        let old = downTimer
        downTimer = masterDownInterval
        guard state == .backup, let running = deadline else { return }
        let moved = downTimer >= old
            ? running.adding(downTimer - old)
            : Instant(microseconds: running.microseconds - min(running.microseconds, old - downTimer))
        generation += 1
        deadline = moved
        actions.append(.armTimer(at: moved, generation: generation))
    }

    // MARK: - Start (keepalived's vrrp_init_state)

    private mutating func start(isUp: Bool, faultAnnounced: Bool, groupBackup: Bool, now: Instant, _ actions: inout [Action]) {
        guard state == .initialize else { return }
        if isUp && wantState == .master && isOwner {
            // keepalived: the quickest way to master is a backup whose down timer is 1 µs.
            state = .backup
            downTimer = 1
        } else {
            if wantState == .master && groupBackup {
                // Let one advert interval pass to see whether another master exists.
                downTimer = masterAdvertisementInterval + skew(1)
            } else {
                downTimer = masterDownInterval
            }
            if isUp {
                actions.append(.log("(\(configuration.name)) Entering BACKUP STATE (init)"))
                state = .backup
                actions.append(.transition(from: .initialize, to: .backup))
            } else {
                actions.append(.log(faultAnnounced ? "(\(configuration.name)) entering FAULT state"
                                                   : "(\(configuration.name)) Entering FAULT STATE (init)"))
                state = .fault
                wantState = .fault
                actions.append(.transition(from: .initialize, to: .fault))
            }
        }
        arm(now: now, &actions)
    }

    // MARK: - BACKUP (RFC 5798 §6.4.2, keepalived's vrrp_state_backup)

    private mutating func backupReceived(_ advert: Advertisement, source: [UInt8], now: Instant, _ actions: inout [Action]) {
        if advert.priority == .releasingMastership {
            // RFC 5798 §6.4.2: Set the Master_Down_Timer to Skew_Time.
            downTimer = skewTime
            arm(now: now, &actions)
            return
        }
        let preemptDelayRunning = configuration.preemptDelay > 0 && (preemptTime.map { $0 > now } ?? true)
        if configuration.noPreempt || advert.priority >= effectivePriority || preemptDelayRunning {
            if configuration.version == .v3 {
                masterAdvertisementInterval = UInt64(advert.interval & 0x0fff) * 10_000
            }
            downTimer = masterDownInterval
            masterAddress = source
            masterPriority = advert.priority
            if configuration.preemptDelay > 0 {
                if advert.priority >= effectivePriority {
                    preemptTime = nil
                } else if preemptTime == nil {
                    preemptTime = now.adding(configuration.preemptDelay)
                }
            }
            wantState = .backup
            arm(now: now, &actions)
        } else {
            // Preemption: ignore the lower-priority master and let the down timer run out.
            actions.append(.log(
                "(\(configuration.name)) received lower priority (\(advert.priority)) advert from \(VirtualRouter.format(source)) - discarding"))
            masterAddress = source
        }
    }

    // MARK: - MASTER (RFC 5798 §6.4.3, keepalived's vrrp_state_master_rx)

    private mutating func masterReceived(_ advert: Advertisement, source: [UInt8], now: Instant, _ actions: inout [Action]) {
        let comparison = VirtualRouter.compare(source, configuration.sourceAddress)
        let higher = advert.priority > effectivePriority || (advert.priority == effectivePriority && comparison > 0)
        if advert.priority == .releasingMastership || (configuration.higherPrioritySendAdvert && higher) {
            // RFC 5798 §6.4.3: a priority 0 advert is answered at once.
            sendAdvertisement(effectivePriority, &actions)
            arm(now: now, &actions)
            if advert.priority == .releasingMastership { return }
        }
        if advert.priority == effectivePriority {
            if comparison == 0 {
                actions.append(.log("(\(configuration.name)) WARNING - equal priority advert received from remote host with our IP address."))
            } else if effectivePriority == .owner {
                actions.append(.log("(\(configuration.name)) CONFIGURATION ERROR: local instance and a remote instance are both configured as address owner, please fix - reducing local priority"))
                effectivePriority = Priority(254)
            }
        }
        if advert.priority < effectivePriority || (advert.priority == effectivePriority && comparison < 0) {
            let forcing = configuration.lowerPriorityNoAdvert ? "" : ", forcing new election"
            actions.append(.log(
                "(\(configuration.name)) Received advert from \(VirtualRouter.format(source)) with lower priority \(advert.priority), ours \(effectivePriority)\(forcing)"))
            if let sequenceNumber = advert.ipsecAHSequenceNumber {
                // keepalived: the answer must not look like a replay to the lower-priority router.
                actions.append(.log("(\(configuration.name)) IPSEC-AH : Syncing seq_num - Increment seq"))
                ipsecAHSequence.synchronise(afterLowerPriority: sequenceNumber)
            }
            if !configuration.lowerPriorityNoAdvert {
                // keepalived also pushes the next advert back after *any* received packet, so a
                // stream of packets can silence a master; only an advert actually sent restarts it here.
                sendAdvertisement(effectivePriority, &actions)
                arm(now: now, &actions)
            }
            // The other router may have owned the addresses meanwhile: refresh the neighbours' caches.
            actions += lowerPriorityAnnouncements(now: now)
            actions.append(.masterReceivedLowerPriority)
            return
        }
        if higher {
            if advert.priority > effectivePriority {
                actions.append(.log("(\(configuration.name)) Master received advert from \(VirtualRouter.format(source)) with higher priority \(advert.priority), ours \(effectivePriority)"))
            } else {
                actions.append(.log("(\(configuration.name)) Master received advert from \(VirtualRouter.format(source)) with same priority \(advert.priority) but higher IP address than ours"))
            }
            if configuration.version == .v3 {
                masterAdvertisementInterval = UInt64(advert.interval & 0x0fff) * 10_000
            }
            masterPriority = advert.priority
            masterAddress = source
            wantState = .backup
            ipsecAHSequence.clearCycle()
            leaveMaster(to: .backup, now: now, &actions)
        }
    }

    // MARK: - Transitions

    /// keepalived's vrrp_state_goto_master + vrrp_state_master_tx + vrrp_state_become_master: the
    /// advert goes first, so the old master removes its addresses before ours are announced.
    private mutating func becomeMaster(now: Instant, _ actions: inout [Action]) {
        ipsecAHSequence.becomingMaster()
        let previous = state
        state = .master
        masterAdvertisementInterval = configuration.advertisementInterval
        sendAdvertisement(effectivePriority, &actions)
        actions.append(.log("(\(configuration.name)) Entering MASTER STATE"))
        statistics.becomeMaster += 1
        actions.append(.addAddresses)
        addressesInstalled = true
        actions.append(.announceAddresses(count: configuration.garpMasterRepeat))
        actions.append(.transition(from: previous, to: .master))
        if configuration.garpMasterDelay > 0 {
            actions.append(.armAnnounceTimer(at: now.adding(configuration.garpMasterDelay), count: configuration.garpMasterRepeat))
        }
        masterAddress = configuration.sourceAddress
        masterPriority = effectivePriority
        arm(now: now, &actions)
    }

    /// keepalived's vrrp_state_leave_master: to BACKUP quietly, to FAULT with a priority 0 advert.
    /// `releasing`: a backup that announces it with priority 0 and returns after Skew_Time.
    private mutating func leaveMaster(to target: VRRPState, releasing: Bool = false, now: Instant, _ actions: inout [Action]) {
        if target == .backup {
            actions.append(.log("(\(configuration.name)) Entering BACKUP STATE"))
            preemptTime = nil
            if releasing { sendAdvertisement(.releasingMastership, &actions) }
        } else {
            actions.append(.log("(\(configuration.name)) Entering FAULT STATE"))
            sendAdvertisement(.releasingMastership, &actions)
        }
        if addressesInstalled {
            actions.append(.removeAddresses)
            addressesInstalled = false
        }
        state = target
        actions.append(.transition(from: .master, to: target))
        downTimer = releasing ? skewTime : masterDownInterval
        statistics.releaseMaster += 1
        arm(now: now, &actions)
    }

    private mutating func enterFault(now: Instant, _ actions: inout [Action]) {
        wantState = .fault
        switch state {
        case .master:
            leaveMaster(to: .fault, now: now, &actions)
        case .backup:
            actions.append(.log("(\(configuration.name)) Entering FAULT STATE"))
            state = .fault
            actions.append(.transition(from: .backup, to: .fault))
            arm(now: now, &actions)
        default:
            break
        }
    }

    /// keepalived's try_up_instance + vrrp_state_leave_fault.
    private mutating func leaveFault(now: Instant, _ actions: inout [Action]) {
        guard state == .fault else { return }
        wantState = configuration.wantsMasterAtStart && isOwner ? .master : .backup
        masterAdvertisementInterval = configuration.advertisementInterval
        downTimer = wantState == .master ? masterAdvertisementInterval + skewTime : masterDownInterval
        if wantState == .master {
            becomeMaster(now: now, &actions)
            return
        }
        actions.append(.log("(\(configuration.name)) Entering BACKUP STATE"))
        state = .backup
        actions.append(.transition(from: .fault, to: .backup))
        arm(now: now, &actions)
    }

    private mutating func stop(_ actions: inout [Action]) {
        if state == .master {
            sendAdvertisement(.releasingMastership, &actions)
        }
        if addressesInstalled {
            actions.append(.removeAddresses)
            addressesInstalled = false
        }
        let previous = state
        state = .stop
        deadline = nil
        generation += 1
        actions.append(.cancelTimer)
        actions.append(.transition(from: previous, to: .stop))
    }

    private mutating func sendAdvertisement(_ priority: Priority, _ actions: inout [Action]) {
        actions.append(.sendAdvertisement(priority, sequenceNumber: configuration.ipsecAH ? ipsecAHSequence.next() : nil))
        statistics.advertisementsSent += 1
        if priority == .releasingMastership { statistics.priorityZeroSent += 1 }
    }

    /// keepalived's vrrp_init_instance_sands: master every advert interval, backup after the down
    /// timer, nothing in fault.
    private mutating func arm(now: Instant, _ actions: inout [Action]) {
        generation += 1
        switch state {
        case .master:
            deadline = now.adding(configuration.advertisementInterval)
        case .backup:
            deadline = now.adding(downTimer)
        default:
            deadline = nil
            actions.append(.cancelTimer)
            return
        }
        actions.append(.armTimer(at: deadline!, generation: generation))
    }

    /// garp_lower_prio_repeat rounds now and, after garp_lower_prio_delay, again (keepalived's
    /// vrrp_lower_prio_gratuitous_arp_thread); nothing unless this master holds its addresses.
    func lowerPriorityAnnouncements(now: Instant) -> [Action] {
        guard state == .master, addressesInstalled, configuration.garpLowerPriorityRepeat > 0 else { return [] }
        var actions: [Action] = [.announceAddresses(count: configuration.garpLowerPriorityRepeat)]
        if configuration.garpLowerPriorityDelay > 0 {
            actions.append(.armAnnounceTimer(at: now.adding(configuration.garpLowerPriorityDelay), count: configuration.garpLowerPriorityRepeat))
        }
        return actions
    }

    /// The instance's interface got the address it advertises from (keepalived copies it into
    /// vrrp->saddr): equal-priority elections compare it from now on.
    mutating func adoptSourceAddress(_ address: [UInt8]) {
        configuration.sourceAddress = address
    }

    /// Compares two addresses as unsigned numbers (keepalived's inet_sockaddrcmp): <0, 0, >0.
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard a.count == b.count else { return 0 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    /// inet_ntop's spelling, as keepalived logs addresses.
    static func format(_ address: [UInt8]) -> String {
        IPAddress(bytes: address)?.description ?? "?"
    }
}
