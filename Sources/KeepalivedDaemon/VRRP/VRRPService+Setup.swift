import Glibc
import LinuxNet
import VRRPCore

extension VRRPService {
    /// The trackers a set of instances and sync groups needs, with their starting states, the
    /// vrrp_script schedules and the track_file watcher.
    struct TrackingSetup {
        var trackers: [TrackerState] = []
        var schedules: [TrackScriptSchedule] = []
        var watcher: TrackFileWatcher?
        var processWatcher: ProcessWatcher?
    }

    /// Interfaces start as the kernel reports them; scripts as keepalived's rise/fall/init_fail say;
    /// files with the value read now. A script or file that nothing tracks is never run or read.
    static func tracking(
        instances: [RunningInstance], syncGroups: [Engine.SyncGroupConfiguration], scripts: [TrackScriptRuntime],
        files: [TrackFileRuntime], processes: [TrackProcessRuntime] = [], now: Instant, log: @escaping Logger
    ) -> TrackingSetup {
        var setup = TrackingSetup()
        let bindings = instances.flatMap(\.runtime.trackers) + syncGroups.flatMap(\.trackers)
        // An instance follows its configured interface (a VMAC's base) going down and up.
        var interfaceNames = Set(instances.map(\.runtime.interfaceName))
        for binding in bindings { if case let .interface(name) = binding.tracker { interfaceNames.insert(name) } }
        for name in interfaceNames.sorted() {
            setup.trackers.append(.upDown(.interface(name), up: Interfaces.lookup(name)?.isUp ?? false))
        }
        setup.trackers += instances.compactMap(sourceTracker)
        setup.trackers += instances.filter(\.runtime.configurationFault).map {
            .upDown(.configuration(instance: $0.runtime.router.name), up: false)
        }
        let tracked = Set(bindings.map(\.tracker))
        for script in scripts where tracked.contains(.script(script.name)) {
            setup.trackers.append(.script(script.name, rise: script.rise, fall: script.fall, initFail: script.initFail))
            setup.schedules.append(TrackScriptSchedule(script: script, firstRun: now))
        }
        let watched = files.filter { tracked.contains(.file($0.name)) }
        if !watched.isEmpty {
            // keepalived reads every tracked file once before the instances start.
            let watcher = TrackFileWatcher(watched, log: log)
            setup.trackers += watcher.initialValues.map { TrackerState.file($0.name, value: $0.value) }
            setup.watcher = watcher
        }
        let followed = processes.filter { tracked.contains(.process($0.name)) }
        if !followed.isEmpty {
            // keepalived counts the running processes once before the instances start.
            let watcher = ProcessWatcher(followed, log: log)
            setup.trackers += watcher.initialStates.map { TrackerState.upDown(.process($0.name), up: $0.up) }
            setup.processWatcher = watcher
        }
        return setup
    }

    /// Opens an instance's data plane: on its interface, or on its VMAC, created (or kept, when one
    /// with the right address is already there) on that interface.
    static func makeInstance(_ runtime: VRRPInstanceRuntime, log: Logger) throws(SystemCallError) -> RunningInstance {
        guard let base = Interfaces.lookup(runtime.interfaceName) else {
            throw SystemCallError("if_nametoindex(\(runtime.interfaceName))", errno: ENODEV)
        }
        guard let vmac = runtime.virtualMAC else { return try RunningInstance(runtime: runtime, interface: base) }
        if Interfaces.lookup(vmac.name)?.hardwareAddress != vmac.address {
            _ = try VirtualMAC.create(name: vmac.name, base: base, mac: vmac.address, ipv4: runtime.router.family == .ipv4)
            log("(\(runtime.router.name)) Success creating VMAC interface \(vmac.name)")
        }
        guard let interface = Interfaces.lookup(vmac.name) else { throw SystemCallError("if_nametoindex(\(vmac.name))", errno: ENODEV) }
        return try RunningInstance(runtime: runtime, interface: interface, base: base,
                                   defaultSource: runtime.router.family == .ipv4 ? base.primaryIPv4 : base.linkLocalIPv6)
    }

    static func engineConfiguration(
        _ instances: [RunningInstance], syncGroups: [Engine.SyncGroupConfiguration], trackers: [TrackerState]
    ) -> Engine.Configuration {
        Engine.Configuration(
            instances: instances.map {
                Engine.InstanceConfiguration(
                    router: $0.routerConfiguration, interface: $0.runtime.interfaceName, dontTrackPrimary: $0.runtime.dontTrackPrimary,
                    trackers: ownBindings($0) + $0.runtime.trackers)
            },
            syncGroups: syncGroups, trackers: trackers)
    }

    /// The objects only this instance depends on: its advert source taken from its interface, a
    /// configuration it cannot run with.
    static func ownBindings(_ instance: RunningInstance) -> [TrackingBinding] {
        let name = instance.runtime.router.name
        return (instance.sourceKey == nil ? [] : [TrackingBinding(.sourceAddress(instance: name))])
            + (instance.runtime.configurationFault ? [TrackingBinding(.configuration(instance: name))] : [])
    }
}
