import LinuxNet
import NetlinkCodec
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// keepalived's reload (SIGHUP), on the VRRP thread: the configuration was read and checked on
/// the main thread; here it replaces the running one. An instance that survives (same interface,
/// VRID, family and unicast mode) keeps its state, timer, counters, socket and addresses, so a
/// stable master neither flaps nor misses an advert; only what changed is touched.
extension VRRPService {
    /// What a reload runs, built from the new configuration off the VRRP thread.
    public struct ReloadRequest: Sendable {
        public var instances: [VRRPInstanceRuntime]
        public var syncGroups: [Engine.SyncGroupConfiguration]
        public var scripts: [TrackScriptRuntime]
        public var files: [TrackFileRuntime]
        public var processes: [TrackProcessRuntime]
        /// keepalived.conf: nftables*: the firewall to start if none runs yet (a running one is kept).
        var firewall: NFTablesScript?
        /// static_ipaddress, static_routes, static_rules of the new configuration.
        public var statics: StaticDataPlane?
        /// keepalived.conf: the vrrp_* process settings of the new configuration.
        var tuning: ThreadTuning?

        public init(instances: [VRRPInstanceRuntime], syncGroups: [Engine.SyncGroupConfiguration],
                    scripts: [TrackScriptRuntime], files: [TrackFileRuntime], processes: [TrackProcessRuntime] = []) {
            self.processes = processes
            self.instances = instances
            self.syncGroups = syncGroups
            self.scripts = scripts
            self.files = files
        }
    }

    /// Hands a reload to the VRRP thread (returns at once).
    public func requestReload(_ request: ReloadRequest) {
        pendingReload.withLock { $0.append(request) }
        send(.reload)
    }

    /// keepalived's vrrp_exist: the same interface, VRID, family and unicast mode (and, unicasting,
    /// the same source address).
    static func sameIdentity(_ a: VRRPInstanceRuntime, _ b: VRRPInstanceRuntime) -> Bool {
        a.interfaceName == b.interfaceName && a.router.vrid == b.router.vrid && a.router.family == b.router.family
            && a.unicastPeers.isEmpty == b.unicastPeers.isEmpty && (a.unicastPeers.isEmpty || a.sourceAddress == b.sourceAddress)
    }

    func applyReload(_ request: ReloadRequest) {
        if let next = request.tuning {
            tuning?.replace(with: next)
            tuning = next
        }
        let now = MonotonicClock.now()
        if firewall == nil, let script = request.firewall { firewall = NFTablesFirewall(script: script, log: log) }
        var next: [RunningInstance] = []
        var continuing: [InstanceID: InstanceID] = [:]
        var counts = (kept: 0, changed: 0, added: 0)
        var claimed = Set<ObjectIdentifier>()
        for runtime in request.instances {
            let old = instances.first { !claimed.contains(ObjectIdentifier($0)) && Self.sameIdentity($0.runtime, runtime) }
            if let old { claimed.insert(ObjectIdentifier(old)) }
            if let old, old.runtime == runtime {
                next.append(old)
                continuing[old.id] = old.id
                counts.kept += 1
                continue
            }
            do {
                let fresh = try Self.makeInstance(runtime, log: log)
                if let old {
                    fresh.continueFrom(old)
                    continuing[fresh.id] = old.id
                    counts.changed += 1
                } else {
                    counts.added += 1
                }
                next.append(fresh)
            } catch {
                log("(\(runtime.router.name)) reload: instance not started: \(error)")
            }
        }

        Self.lendSources(to: next, book: &sources)
        ownAddresses = Self.ownAddresses(next)
        // Trackers: scripts keep their schedule (and a run in progress) when unchanged.
        let setup = Self.tracking(instances: next, syncGroups: request.syncGroups, scripts: request.scripts, files: request.files,
                                  processes: request.processes,
                                  now: now, log: log)
        var schedules: [TrackScriptSchedule] = []
        for schedule in setup.schedules {
            if let old = scripts.first(where: { $0.script == schedule.script }) { schedules.append(old) } else { schedules.append(schedule) }
        }
        for old in scripts where !schedules.contains(where: { $0 === old }) {
            if let running = old.running { kill(-running.pid, SIGKILL) }
        }
        let reload = engine.reloaded(
            with: Self.engineConfiguration(next, syncGroups: request.syncGroups, trackers: setup.trackers), continuing: continuing, now: now)

        // Removed instances stop as at shutdown (priority 0 from a master, addresses released) and
        // are reported FAULT, or DELETED with notify_deleted, as keepalived's clear_diff_vrrp does.
        for (id, actions) in reload.removed {
            guard let old = byID[id], let router = engine.routers[id] else { continue }
            for action in actions {
                if case .transition = action { continue }
                perform(action, on: old, now: now)
            }
            if let vmac = old.runtime.virtualMAC, !next.contains(where: { $0.runtime.virtualMAC?.name == vmac.name }) {
                VirtualMAC.delete(name: vmac.name)
            }
            if old.runtime.notifyDeleted || router.state != .fault {
                onTransition(old.runtime.router.name, router.state, old.runtime.notifyDeleted ? .deleted : .fault, router.effectivePriority)
            }
        }
        // A surviving master whose addresses changed: release the dropped ones, add and announce the new.
        for instance in next {
            guard let oldID = continuing[instance.id], let old = byID[oldID], old !== instance,
                  engine.routers[oldID]?.addressesInstalled == true else { continue }
            carryRoutesAndRules(from: old, to: instance)
            let before = Set(old.runtime.virtualAddresses + old.runtime.excludedAddresses)
            let after = Set(instance.runtime.virtualAddresses + instance.runtime.excludedAddresses)
            // keepalived's reload: the drop entries follow the accept mode and the addresses.
            updateFirewall(old, add: false, only: instance.runtime.firewallDrop ? before.subtracting(after) : before)
            updateFirewall(instance, add: true)
            if before == after && old.interface.index == instance.interface.index { continue }
            apply(.delete, before.subtracting(after), on: old.interface.index, instance: instance.runtime.router.name)
            apply(.add, after.subtracting(before), on: instance.interface.index, instance: instance.runtime.router.name)
        }

        let vmacsBefore = Set(instances.flatMap(vmacEntries)), vmacsAfter = Set(next.flatMap(vmacEntries))
        firewall?.updateVMAC(add: false, Array(vmacsBefore.subtracting(vmacsAfter)))
        firewall?.updateVMAC(add: true, Array(vmacsAfter.subtracting(vmacsBefore)))
        instances = next
        byID = Dictionary(uniqueKeysWithValues: next.map { ($0.id, $0) })
        engine = reload.engine
        scripts = schedules
        if setup.watcher?.runtimes != fileWatcher?.runtimes { fileWatcher = setup.watcher }
        if setup.processWatcher?.runtimes != processWatcher?.runtimes { processWatcher = setup.processWatcher }
        for tracker in setup.trackers {
            if case let .interface(name) = tracker.id, linkStates[name] == nil { linkStates[name] = tracker.status == .ok }
        }
        descriptorsStale = true
        statusDirty = (true, true)
        perform(reload.actions, now: now)
        reportUnchanged(reload.actions)
        if let fresh = request.statics { reloadStatics(fresh) }
        watchRoutesIfNeeded()
        log("Reload finished: \(counts.kept) instance(s) unchanged, \(counts.changed) changed, \(counts.added) added, \(reload.removed.count) removed")
    }

}

extension VRRPService {
    /// fifo_write_vrrp_states_on_reload: keepalived's vrrp_init_state writes the FIFO line of every
    /// group, then every instance, a reload left where it was; a master resumes by another path
    /// that writes nothing.
    func reportUnchanged(_ actions: [Engine.Action]) {
        guard let report = onUnchangedByReload else { return }
        var moved = Set<InstanceID>(), movedGroups = Set<SyncGroupID>()
        for action in actions {
            switch action {
            case let .instance(id, .transition): moved.insert(id)
            case let .groupTransition(group, _, _): movedGroups.insert(group)
            default: break
            }
        }
        for id in engine.syncGroupIDs where !movedGroups.contains(id) {
            report(id.rawValue, true, engine.syncGroups[id]!.state, Priority(0))
        }
        for id in engine.instanceIDs where !moved.contains(id) {
            guard let router = engine.routers[id], router.state != .master else { continue }
            report(router.configuration.name, false, router.state, router.effectivePriority)
        }
    }
}

extension VRRPService.RunningInstance {
    /// A changed instance takes over the running one's data-plane bookkeeping.
    func continueFrom(_ old: VRRPService.RunningInstance) {
        timer = old.timer
        delayedBursts = old.delayedBursts
        lastTransition = old.lastTransition
        drops = old.drops
        reportedPriority = old.reportedPriority
        activeSince = old.activeSince
        masterReason = old.masterReason
        protocolErrorReason = old.protocolErrorReason
    }
}
