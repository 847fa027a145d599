import CLinuxNet
import LinuxNet
import NetlinkCodec
import Notification
import Synchronization
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// The VRRP thread: one loop that owns the Engine (every instance, tracker and sync group), the
/// sockets, the timers and the vrrp_script runs, and performs the Engine's actions in order.
/// Nothing else runs on it.
public final class VRRPService: @unchecked Sendable {
    public typealias Logger = @Sendable (String) -> Void
    /// Called on every state change, after the addresses moved (scripts, FIFO, SNMP, mail hook here).
    public typealias TransitionHandler = @Sendable (_ instance: String, _ from: VRRPState, _ to: VRRPState, _ priority: Priority) -> Void
    /// Called when a sync group changes state (after its members' own transitions).
    public typealias GroupTransitionHandler = @Sendable (_ group: String, _ from: VRRPState, _ to: VRRPState) -> Void
    /// Called when an instance with notify_priority_changes gets a new effective priority.
    public typealias PriorityChangeHandler = @Sendable (_ instance: String, _ state: VRRPState, _ priority: Priority) -> Void
    /// Called when a master hears a lower-priority router advertising (MASTER_RX_LOWER_PRI).
    public typealias LowerPriorityHandler = @Sendable (_ instance: String, _ priority: Priority) -> Void
    /// Called for every dropped advert, with the sender's IPv4 address when the packet shows it
    /// (the RFC 2787 and RFC 6527 error traps hook here).
    public typealias DropHandler = @Sendable (_ instance: String, _ reason: DropReason, _ source: [UInt8]?) -> Void
    /// Receives status snapshots: at once after a state change, else at most every `statusInterval`.
    public typealias StatusHandler = @Sendable (VRRPStatusSnapshot) -> Void

    var instances: [RunningInstance] = []
    var byID: [InstanceID: RunningInstance] = [:]
    var engine: Engine
    var scripts: [TrackScriptSchedule] = []
    let scriptRunner: ScriptRunner
    let addresses: AddressManager
    let routes: RouteManager
    /// static_ipaddress, static_routes, static_rules: set before `run`.
    public var statics = StaticDataPlane()
    /// Which statics (by position) are in the kernel now.
    var installedStatics = StaticDataPlane.Installed()
    let log: Logger
    let onTransition: TransitionHandler
    let onGroupTransition: GroupTransitionHandler
    let onPriorityChange: PriorityChangeHandler
    let onLowerPriorityMaster: LowerPriorityHandler
    let stopPipe: (read: Int32, write: Int32)
    /// rtnetlink link notifications: an interface going down faults its instances at once.
    let linkEvents: NetlinkSocket
    /// The addresses interfaces lend as advert sources, and our own addresses (never lent).
    var sources = InterfaceAddresses()
    var ownAddresses: Set<[UInt8]> = []
    /// Virtual addresses we asked the kernel to delete and whose RTM_DELADDR has not come back yet.
    var ownRemovals: Set<PlacedAddress> = []
    /// Routes we asked the kernel to delete whose RTM_DELROUTE has not come back yet.
    var ownRouteRemovals: [RouteRequest] = []
    /// While a batch of Engine actions runs: its state-change notifications, in order.
    var pendingNotifications: [() -> Void]?
    /// While stopping: the address removals to send together (instance, request, quiet).
    var deferredRemovals: [(instance: String, request: AddressRequest, quiet: Bool)]?
    /// Whether route events are listened to (see watchRoutesIfNeeded).
    var watchingRoutes = false
    struct PlacedAddress: Hashable { var address: [UInt8]; var interface: UInt32 }
    /// The last link state seen per interface name (to report changes only).
    var linkStates: [String: Bool] = [:]
    /// -V/--dont-release-vrrp: leave addresses in place at stop.
    let releaseAddressesOnStop: Bool
    /// track_file: inotify on the tracked files' directories (nil when nothing tracks a file).
    var fileWatcher: TrackFileWatcher?
    /// track_process: the kernel's process events (nil when nothing tracks a process).
    var processWatcher: ProcessWatcher?
    /// Reloads handed over by `requestReload`, applied on the VRRP thread in order.
    let pendingReload = Mutex<[ReloadRequest]>([])
    /// Managers' changes handed over by `requestSetting`, applied on the VRRP thread in order.
    let pendingSettings = Mutex<[(InstanceID, Engine.Setting)]>([])
    /// `-D/--log-detail`: keepalived's extra lines (each gratuitous ARP / NA, advert timeouts,
    /// priority 0 sent and received).
    public var logDetail = false
    /// keepalived.conf: vrrp_garp_interval / vrrp_gna_interval (µs between announcements on one interface).
    public var garpInterval: UInt64 = 0
    /// keepalived.conf: nftables: the drop sets of instances without accept mode (nil: none).
    var firewall: NFTablesFirewall?
    public var gnaInterval: UInt64 = 0
    /// Announcements waiting for their interface's interval, in order, and when each interface is free.
    var pendingAnnouncements: [(instance: RunningInstance, address: [UInt8])] = []
    var nextAnnouncement: [AnnouncementSlot: Instant] = [:]
    struct AnnouncementSlot: Hashable { var interface: UInt32; var ipv6: Bool }
    /// The interfaces whose promote_secondaries we turned on (turned off again at stop).
    var promotedInterfaces: [String] = []
    /// keepalived.conf: fifo_write_vrrp_states_on_reload. Called after a reload for each sync group,
    /// then each instance, whose state it did not change.
    public var onUnchangedByReload: (@Sendable (_ name: String, _ isGroup: Bool, _ state: VRRPState, _ priority: Priority) -> Void)?
    /// keepalived.conf: log_unknown_vrids
    public var logUnknownVRIDs = false
    /// Each sync group's resolved smtp_alert, for the data dump.
    public var groupSMTPAlert: [String: Bool] = [:]
    /// keepalived.conf: vrrp_priority, vrrp_rt_priority, vrrp_no_swap, vrrp_process_name, max_auto_priority.
    var tuning: ThreadTuning?
    /// keepalived.conf: vrrp_startup_delay, µs (0: none).
    public var startupDelay: UInt64 = 0
    /// When the startup delay ends (nil once past, or without one).
    var startupDelayEnd: Instant?
    /// keepalived.conf: router_id (or the host name), for the data dump.
    public var routerID = ""
    /// Set when a reload replaced instances, so the loop rebuilds what it polls.
    var descriptorsStale = false
    let onStatus: StatusHandler?
    let onDrop: DropHandler?
    /// Something changed since the last snapshot; `urgent` when it was a state change.
    var statusDirty = (any: true, urgent: true)
    var lastStatus = Instant(microseconds: 0)
    /// Counters may lag this much in snapshots; state changes never do.
    static let statusInterval: UInt64 = 250_000

    public init(
        instances runtimes: [VRRPInstanceRuntime], syncGroups: [Engine.SyncGroupConfiguration] = [],
        scripts trackScripts: [TrackScriptRuntime] = [], files trackFiles: [TrackFileRuntime] = [],
        processes trackProcesses: [TrackProcessRuntime] = [], releaseAddressesOnStop: Bool = true, log: @escaping Logger,
        onTransition: @escaping TransitionHandler = { _, _, _, _ in },
        onGroupTransition: @escaping GroupTransitionHandler = { _, _, _ in },
        onPriorityChange: @escaping PriorityChangeHandler = { _, _, _ in },
        onLowerPriorityMaster: @escaping LowerPriorityHandler = { _, _ in },
        onStatus: StatusHandler? = nil,
        onDrop: DropHandler? = nil
    ) throws {
        self.onStatus = onStatus
        self.onDrop = onDrop
        self.log = log
        self.onGroupTransition = onGroupTransition
        self.onPriorityChange = onPriorityChange
        self.onLowerPriorityMaster = onLowerPriorityMaster
        scriptRunner = ScriptRunner(log: log)
        self.onTransition = onTransition
        self.releaseAddressesOnStop = releaseAddressesOnStop
        addresses = try AddressManager()
        routes = try RouteManager()
        linkEvents = try NetlinkSocket(groups: 1 << (NetlinkConstants.RTNLGRP_LINK - 1)
                                               | 1 << (NetlinkConstants.RTNLGRP_IPV4_IFADDR - 1)
                                               | 1 << (NetlinkConstants.RTNLGRP_IPV6_IFADDR - 1))
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SystemCallError("pipe", errno: clinuxnet_errno()) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        stopPipe = (fds[0], fds[1])
        for runtime in runtimes {
            instances.append(try Self.makeInstance(runtime, log: log))
        }
        for instance in instances { byID[instance.id] = instance }
        Self.lendSources(to: instances, book: &sources)
        ownAddresses = Self.ownAddresses(instances)
        let setup = Self.tracking(instances: instances, syncGroups: syncGroups, scripts: trackScripts, files: trackFiles,
                                  processes: trackProcesses,
                                  now: MonotonicClock.now(), log: log)
        scripts = setup.schedules
        fileWatcher = setup.watcher
        processWatcher = setup.processWatcher
        let trackers = setup.trackers
        engine = Engine(Self.engineConfiguration(instances, syncGroups: syncGroups, trackers: trackers))
        for tracker in trackers {
            if case let .interface(name) = tracker.id { linkStates[name] = tracker.status == .ok }
        }
    }

    /// The instance's state machine, as the Engine holds it.
    func router(_ instance: RunningInstance) -> VirtualRouter { engine.routers[instance.id]! }

    deinit {
        close(stopPipe.read)
        close(stopPipe.write)
    }

    /// Requests to the VRRP thread, one byte each on the control pipe.
    enum Control: UInt8 { case stop = 1, writeStats = 2, writeStatsAndClear = 3, writeJSON = 4, reload = 5, writeData = 6, setting = 7 }

    /// Asks the loop to stop (async-signal-safe: one write to a pipe).
    public func requestStop() { send(.stop) }

    /// Asks the loop to write keepalived.stats to `statsPath` (and zero the counters with `clear`).
    public func requestStats(clear: Bool) { send(clear ? .writeStatsAndClear : .writeStats) }

    /// Asks the loop to write keepalived.json.
    public func requestJSON() { send(.writeJSON) }

    /// keepalived's dump directory: $TMPDIR if it is an absolute path, else /tmp.
    static let dumpDirectory: String = {
        if let dir = getenv("TMPDIR").map({ String(cString: $0) }), dir.hasPrefix("/") { return dir }
        return "/tmp"
    }()

    public var statsPath: String { VRRPService.dumpDirectory + "/keepalived.stats" }
    public var jsonPath: String { VRRPService.dumpDirectory + "/keepalived.json" }
    public var dataPath: String { VRRPService.dumpDirectory + "/keepalived.data" }

    /// Asks the loop to write keepalived.data (SIGUSR1).
    public func requestData() { send(.writeData) }

    func send(_ control: Control) {
        var byte = control.rawValue
        _ = write(stopPipe.write, &byte, 1)
    }

    /// Handles the bytes waiting on the control pipe; true when asked to stop.
    func handleControl() -> Bool {
        var byte: UInt8 = 0
        var stop = false
        while read(stopPipe.read, &byte, 1) == 1 {
            switch Control(rawValue: byte) {
            case .stop?: stop = true
            case .writeStats?: writeStats(clear: false)
            case .writeStatsAndClear?: writeStats(clear: true)
            case .writeJSON?: writeJSON()
            case .writeData?: writeData()
            case .reload?: if let request = pendingReload.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { applyReload(request) }
            case .setting?: applySettings()
            case nil: break
            }
        }
        return stop
    }

    /// Runs until `requestStop`; then every instance stops the keepalived way (priority 0 from a
    /// master, addresses released) and the call returns.
    public func run() {
        tuning?.applyToCurrentThread()
        // VRRP timers are due to the microsecond: no timer slack for this thread's waits.
        _ = clinuxnet_set_timer_slack(1)
        watchRoutesIfNeeded()
        installStatics()
        promoteSecondaries()
        let now = MonotonicClock.now()
        for instance in instances {
            // keepalived clears leftovers of an earlier run before starting as backup.
            if releaseAddressesOnStop { removeAddresses(instance, quiet: true) }
        }
        for instance in instances { instance.activeSince = now }
        firewall?.updateVMAC(add: true, instances.flatMap(vmacEntries))
        beginStartupDelay(now: now)
        perform(engine.handle(.start, now: now), now: now)
        var descriptors = pollDescriptors()
        while true {
            let now = MonotonicClock.now()
            // A script in progress is polled for its exit every 100 ms.
            let running = scripts.contains { $0.running != nil }
            publishStatus(now: now)
            let statusDue = onStatus != nil && statusDirty.any ? lastStatus.adding(Self.statusInterval) : nil
            let earliest = (instances.flatMap { [$0.timer?.at, $0.delayedBursts.map(\.at).min()].compactMap { $0 } } + scripts.compactMap(\.deadline)
                + [statusDue, processWatcher?.deadline, announcementDeadline].compactMap { $0 }).min()
            let next = earliest.map { Swift.min($0, now.adding(running ? 100_000 : 1_000_000)) }
            // ppoll, not poll: a timer is due to the microsecond, not rounded up to the next millisecond.
            let wait = next.map { $0 <= now ? 0 : $0.microseconds - now.microseconds } ?? 1_000_000
            var timeout = timespec(tv_sec: Int(wait / 1_000_000), tv_nsec: Int(wait % 1_000_000) * 1000)
            let ready = clinuxnet_ppoll(&descriptors, nfds_t(descriptors.count), &timeout)
            if ready < 0 && clinuxnet_errno() != EINTR { log("poll failed: errno \(clinuxnet_errno())") }
            if descriptors.last!.revents & Int16(POLLIN) != 0, handleControl() { break }
            if descriptorsStale {
                // A reload replaced instances: poll their sockets from the next round on.
                descriptors = pollDescriptors()
                descriptorsStale = false
                continue
            }
            let after = MonotonicClock.now()
            if let earliest, earliest < after { tuning?.timerLate(by: after.microseconds - earliest.microseconds) }
            for (index, instance) in instances.enumerated() where descriptors[index].revents & Int16(POLLIN) != 0 {
                receive(on: instance, now: after)
            }
            if descriptors[instances.count].revents & Int16(POLLIN) != 0 {
                linkChanged(now: after)
            }
            if descriptors[instances.count + 1].revents & Int16(POLLIN) != 0, let fileWatcher {
                for change in fileWatcher.changes() {
                    perform(engine.handle(.trackerResult(.file(change.name), .value(change.value)), now: after), now: after)
                }
            }
            if let processWatcher {
                let changes = (descriptors[instances.count + 2].revents & Int16(POLLIN) != 0 ? processWatcher.changes(now: after) : [])
                    + processWatcher.expired(now: after)
                for change in changes {
                    perform(engine.handle(.trackerResult(.process(change.name), change.up ? .succeeded : .failed(detail: nil)), now: after),
                            now: after)
                }
            }
            for instance in instances {
                if let timer = instance.timer, timer.at <= after {
                    instance.timer = nil
                    if logDetail && router(instance).state == .backup && router(instance).currentGeneration == timer.generation {
                        log("(\(instance.runtime.router.name)) Receive advertisement timeout")
                    }
                    perform(engine.handle(.timerExpired(instance.id, generation: timer.generation), now: after), now: after)
                }
                if instance.delayedBursts.contains(where: { $0.at <= after }) {
                    let due = instance.delayedBursts.filter { $0.at <= after }
                    instance.delayedBursts.removeAll { $0.at <= after }
                    if router(instance).state == .master { for burst in due { announce(instance, count: burst.count) } }
                }
            }
            if !pendingAnnouncements.isEmpty { sendDueAnnouncements(now: after) }
            runScripts(now: after)
        }
        let end = MonotonicClock.now()
        for schedule in scripts {
            if let running = schedule.running { kill(-running.pid, SIGTERM) }
        }
        // Every instance's addresses go in a few netlink datagrams, not a round trip each.
        deferredRemovals = []
        pendingNotifications = []
        perform(engine.handle(.stop, now: end), now: end)
        removeDeferredAddresses()
        announcePendingNotifications()
        if releaseAddressesOnStop {
            for instance in instances { if let vmac = instance.runtime.virtualMAC { VirtualMAC.delete(name: vmac.name) } }
        }
        removeStatics()
        restoreSecondaries()
        firewall?.finish()
        publishStatus(now: end)
    }

    /// The sockets the loop polls: each instance's, link events, the file watcher, the control pipe (last).
    func pollDescriptors() -> [pollfd] {
        var descriptors = instances.map { pollfd(fd: $0.transport.descriptor, events: Int16(POLLIN), revents: 0) }
        descriptors.append(pollfd(fd: linkEvents.descriptor, events: Int16(POLLIN), revents: 0))
        descriptors.append(pollfd(fd: fileWatcher?.descriptor ?? -1, events: Int16(POLLIN), revents: 0))
        descriptors.append(pollfd(fd: processWatcher?.descriptor ?? -1, events: Int16(POLLIN), revents: 0))
        descriptors.append(pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0))
        return descriptors
    }

    /// Hands a snapshot to `onStatus` when a state changed, or counters changed and the last one is
    /// older than `statusInterval`.
    func publishStatus(now: Instant) {
        guard let onStatus, statusDirty.any else { return }
        guard statusDirty.urgent || now >= lastStatus.adding(Self.statusInterval) else { return }
        statusDirty = (false, false)
        lastStatus = now
        var drops: [String: [DropReason: UInt64]] = [:]
        var activeSince: [String: Instant] = [:]
        var reasons: [String: Int] = [:]
        var protocolErrors: [String: Int] = [:]
        var sources: [String: [UInt8]] = [:]
        for instance in instances {
            let name = instance.runtime.router.name
            drops[name] = instance.drops
            activeSince[name] = instance.activeSince
            reasons[name] = instance.masterReason
            protocolErrors[name] = instance.protocolErrorReason
            sources[name] = instance.transport.source
        }
        onStatus(VRRPStatusSnapshot(
            routers: engine.routers, syncGroups: engine.syncGroups, trackers: engine.trackers, drops: drops,
            activeSince: activeSince, masterReasons: reasons, protocolErrorReasons: protocolErrors, sourceAddresses: sources,
            taken: now))
    }

    /// vrrp_script runs: start each when due (never overlapping), collect exit statuses, kill
    /// (the process group) after the timeout; results feed the Engine's rise/fall counting.
    func runScripts(now: Instant) {
        for schedule in scripts {
            if let running = schedule.running {
                var status: Int32 = 0
                let reaped = waitpid(running.pid, &status, WNOHANG)
                if reaped == running.pid {
                    schedule.running = nil
                    let result: TrackerResult
                    if schedule.killedForTimeout {
                        result = .timedOut
                    } else if status & 0x7f == 0 && (status >> 8) & 0xff == 0 {
                        result = .succeeded
                    } else if status & 0x7f == 0 {
                        result = .failed(detail: "exited with status \((status >> 8) & 0xff)")
                    } else {
                        result = .failed(detail: "was killed by signal \(status & 0x7f)")
                    }
                    schedule.killedForTimeout = false
                    perform(engine.handle(.trackerResult(.script(schedule.script.name), result), now: now), now: now)
                } else if let deadline = schedule.deadline, deadline <= now, !schedule.killedForTimeout {
                    schedule.killedForTimeout = true
                    kill(-running.pid, SIGKILL)
                }
            } else if schedule.nextRun <= now {
                schedule.nextRun = now.adding(schedule.script.interval)
                if let pid = scriptRunner.start(schedule.script.command) {
                    schedule.running = (pid, now)
                }
            }
        }
    }

    /// RTM_NEWLINK/RTM_DELLINK for an instance's interface: down (or gone) is a fault, up clears it.
    /// RTM_NEWADDR/RTM_DELADDR: see addressChanged.
    func linkChanged(now: Instant) {
        guard let messages = try? linkEvents.receive() else { return }
        for message in messages {
            if let address = AddressMessage(message) {
                addressChanged(address, now: now)
                continue
            }
            if let route = RouteMessage(message) {
                routeChanged(route, now: now)
                continue
            }
            guard let link = LinkMessage(message) else { continue }
            guard let name = link.name ?? instances.first(where: { $0.interface.index == UInt32(bitPattern: link.index) })?.interface.name
            else { continue }
            let isUp = link.isUp && !link.deleted
            guard linkStates[name] != isUp else { continue }
            linkStates[name] = isUp
            log("Netlink reports \(name) \(isUp ? "up" : "down")")
            perform(engine.handle(.interfaceChanged(name, isUp: isUp), now: now), now: now)
        }
    }

    func receive(on instance: RunningInstance, now: Instant) {
        for (vrid, packet) in instance.transport.receiveAll() {
            // Demultiplex by VRID: other instances' packets are not ours to count.
            guard vrid == instance.runtime.router.vrid.rawValue else {
                if logUnknownVRIDs { reportUnknown(vrid: vrid, on: instance) }
                continue
            }
            let state = router(instance).state
            guard state == .backup || state == .master else { continue }
            // keepalived's vrrp_state_backup: with skip_check_adv_addr, the address list of an advert
            // from the master already known is not compared again.
            let knownMaster = instance.runtime.skipCheckAdvertAddresses && state == .backup
                && router(instance).masterAddress == Self.sourceAddress(of: packet)
            let expectations = instance.expectations(
                ipsecAHSequenceNumber: router(instance).ipsecAHSequence.sequenceNumber, checkAddresses: !knownMaster)
            switch ReceiveCheck.check(packet, expectations) {
            case let .accepted(advert, source):
                if logDetail && advert.priority.rawValue == 0 {
                    log(state == .backup ? "(\(instance.runtime.router.name)) Backup received priority 0 advertisement"
                                         : "(\(instance.runtime.router.name)) Master received priority 0 message")
                }
                perform(engine.handle(.advertisementReceived(instance.id, advert, source: source), now: now), now: now)
            case let .dropped(reason):
                statusDirty.any = true
                instance.drops[reason, default: 0] += 1
                if let code = reason.protocolErrorReason { instance.protocolErrorReason = code }
                log(reason.logLine(instance: instance.runtime.router.name, packet: packet, expected: expectations))
                onDrop?(instance.runtime.router.name, reason, Self.sourceAddress(of: packet))
            }
        }
    }

    /// Received IPv4 packets start with the IP header (source at bytes 12-15); IPv6 ones carry it aside.
    static func sourceAddress(of packet: ReceiveCheck.Packet) -> [UInt8]? {
        let bytes = packet.bytes
        return bytes.count >= 20 && bytes[0] >> 4 == 4 ? Array(bytes[12..<16]) : packet.source.isEmpty ? nil : packet.source
    }

    /// The Engine's actions in order. The state changes they contain are announced (scripts, FIFO,
    /// traps, mail) after the whole batch, in order, behind one status snapshot: a batch of 500
    /// transitions (a stop, a sync group) would otherwise take 500 snapshots of every instance.
    func perform(_ actions: [Engine.Action], now: Instant) {
        if !actions.isEmpty { statusDirty.any = true }
        let outermost = pendingNotifications == nil
        if outermost { pendingNotifications = [] }
        for action in actions {
            switch action {
            case let .instance(id, action):
                if let instance = byID[id] { perform(action, on: instance, now: now) }
            case let .groupTransition(group, from, to):
                notify { [onGroupTransition] in onGroupTransition(group.rawValue, from, to) }
            case let .log(line):
                log(line)
            }
        }
        if outermost { announcePendingNotifications() }
        reportPriorityChanges(actions)
    }

    /// Runs `notification` now, or after the batch being performed.
    func notify(_ notification: @escaping () -> Void) {
        if pendingNotifications != nil { pendingNotifications?.append(notification) } else { notification() }
    }

    /// The state changes a batch made: one status snapshot first (so SNMP shows the new states
    /// before their traps leave), then each notification in order.
    func announcePendingNotifications() {
        guard let notifications = pendingNotifications else { return }
        pendingNotifications = nil
        guard !notifications.isEmpty else { return }
        publishStatus(now: MonotonicClock.now())
        for notification in notifications { notification() }
    }

    /// keepalived's send_instance_priority_notifies, after the engine settled the new priorities.
    /// Only instances the actions name can have changed (a change always logs), so a received
    /// advert costs one instance's check, not all of them.
    func reportPriorityChanges(_ actions: [Engine.Action]) {
        var seen = Set<InstanceID>()
        for case let .instance(id, _) in actions where seen.insert(id).inserted {
            guard let instance = byID[id] else { continue }
            let current = router(instance)
            guard current.effectivePriority != instance.reportedPriority else { continue }
            instance.reportedPriority = current.effectivePriority
            if instance.runtime.notifyPriorityChanges {
                onPriorityChange(instance.runtime.router.name, current.state, current.effectivePriority)
            }
        }
    }

    func perform(_ action: VirtualRouter.Action, on instance: RunningInstance, now: Instant) {
        let name = instance.runtime.router.name
        do {
            switch action {
            case let .sendAdvertisement(priority, sequenceNumber):
                send(instance, priority: priority, ipsecAHSequenceNumber: sequenceNumber)
                if logDetail && priority.rawValue == 0 { log("(\(name)) sent 0 priority") }
                // keepalived refreshes the neighbours' caches with the advert that follows the refresh time.
                if let refreshAt = instance.refreshAt, refreshAt <= now, router(instance).state == .master {
                    announce(instance, count: instance.runtime.garpRefreshRepeat)
                    instance.refreshAt = now.adding(instance.runtime.garpRefresh)
                }
            case .addAddresses:
                // keepalived sets the drop rule before it adds the addresses.
                updateFirewall(instance, add: true)
                apply(.add, instance.runtime.virtualAddresses + instance.runtime.excludedAddresses, on: instance.interface.index, instance: name)
                addRoutesAndRules(instance)
            case .removeAddresses:
                removeAddresses(instance, quiet: false)
            case let .announceAddresses(count):
                announce(instance, count: count)
            case let .armTimer(at, generation):
                instance.timer = (delayedExpiry(at, for: instance, now: now), generation)
            case .cancelTimer:
                instance.timer = nil
            case let .armAnnounceTimer(at, count):
                instance.delayedBursts.append((at, count))
            case let .transition(from, to):
                if to != .master {
                    instance.delayedBursts.removeAll()
                    pendingAnnouncements.removeAll { $0.instance === instance }
                }
                instance.refreshAt = to == .master && instance.runtime.garpRefresh > 0 ? now.adding(instance.runtime.garpRefresh) : nil
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                instance.lastTransition = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
                // Not yet told apart: priority (1) and preempted (2) read as master-no-response (3).
                if to == .master { instance.masterReason = 3 }
                statusDirty = (true, true)
                let priority = router(instance).effectivePriority
                if pendingNotifications == nil { publishStatus(now: MonotonicClock.now()) }
                notify { [onTransition] in onTransition(name, from, to, priority) }
            case .masterReceivedLowerPriority:
                onLowerPriorityMaster(name, router(instance).effectivePriority)
            case let .log(line):
                log(line)
            }
        }
    }
}
