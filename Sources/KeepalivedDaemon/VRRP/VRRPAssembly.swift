import KeepalivedConfig
import LinuxNet
import Notification
import VRRPCore

/// Builds what the VRRP service runs from a validated Configuration: instance keywords first, then
/// the global_defs defaults, then keepalived's built-in defaults.
enum VRRPAssembly {
    static func runtimes(_ configuration: Configuration) -> [VRRPInstanceRuntime] {
        let defaults = configuration.global.vrrp
        return configuration.vrrpInstances.compactMap { instance in
            guard let vrid = instance.vrid, let interface = instance.interface else { return nil }
            let family: AddressFamily = instance.family == .inet6 ? .ipv6 : .ipv4
            let version: VRRPCore.VRRPVersion = family == .ipv6 || instance.version == .v3 ? .v3 : .v2
            let priority = instance.priority?.rawValue ?? 100
            var router = VirtualRouterConfiguration(
                name: instance.name, vrid: VRRPCore.VRID(vrid.rawValue), version: version, family: family,
                basePriority: VRRPCore.Priority(priority),
                advertisementInterval: instance.advertisementInterval ?? 1_000_000,
                wantsMasterAtStart: instance.state == .master,
                noPreempt: instance.noPreempt,
                preemptDelay: instance.preemptDelay,
                downTimerAdverts: UInt64(instance.downTimerAdverts ?? Int(defaults.downTimerAdverts)),
                lowerPriorityNoAdvert: instance.lowerPriorityNoAdvert ?? defaults.lowerPriorityNoAdvert,
                higherPrioritySendAdvert: instance.higherPrioritySendAdvert ?? defaults.higherPrioritySendAdvert,
                garpMasterRepeat: Int(instance.garpMasterRepeat ?? defaults.garpMasterRepeat),
                garpMasterDelay: instance.garpMasterDelay ?? defaults.garpMasterDelay)
            let authentication: AuthenticationType
            switch instance.authentication?.type {
            case .pass?: authentication = .simplePassword
            case .ah?: authentication = .ipsecAH
            case nil: authentication = .none
            }
            router.ipsecAH = authentication == .ipsecAH
            // keepalived's defaults: the global garp_master_repeat / garp_master_delay; none in strict mode.
            let strict = instance.strictMode ?? defaults.strict
            router.garpLowerPriorityRepeat = strict ? 0
                : Int(instance.garpLowerPriorityRepeat ?? defaults.garpLowerPriorityRepeat ?? defaults.garpMasterRepeat)
            router.garpLowerPriorityDelay = strict ? 0
                : instance.garpLowerPriorityDelay ?? defaults.garpLowerPriorityDelay ?? defaults.garpMasterDelay
            var runtime = VRRPInstanceRuntime(
                router: router, interfaceName: interface,
                virtualAddresses: instance.virtualAddresses.map(address),
                excludedAddresses: instance.excludedAddresses.map(address),
                authenticationType: authentication,
                authenticationPassword: instance.authentication?.password ?? [],
                unicastPeers: instance.unicastPeers.map(\.address.bytes),
                sourceAddress: instance.sourceAddress?.bytes)
            runtime.dontTrackPrimary = instance.dontTrackPrimary
            for peer in instance.unicastPeers where peer.minTTL != 0 || peer.maxTTL != 255 {
                runtime.unicastPeerTTLs[peer.address.bytes] = Int(peer.minTTL)...Int(max(peer.minTTL, peer.maxTTL))
            }
            runtime.checkUnicastSource = configuration.global.vrrp.checkUnicastSource || instance.checkUnicastSource
                || !runtime.unicastPeerTTLs.isEmpty
            // keepalived 2.2.7 sets the flag for any valid value, "false" included.
            runtime.skipCheckAdvertAddresses = configuration.global.vrrp.skipCheckAdvertAddresses
                || instance.skipCheckAdvertisementAddresses != nil
            runtime.multicastGroup = (family == .ipv4 ? defaults.multicastGroup4 : defaults.multicastGroup6).bytes
            runtime.promoteSecondaries = instance.promoteSecondaries && instance.virtualMAC == nil
            runtime.configurationFault = instance.unicastConfigured && instance.unicastPeers.isEmpty && instance.unicastFaultNoPeer
            // The front end resolved both (strict mode's accept default included).
            runtime.accept = instance.accept ?? true
            runtime.strictMode = strict
            runtime.virtualRoutes = instance.virtualRoutes
            runtime.virtualRules = instance.virtualRules
            runtime.notifyDeleted = instance.notifyDeleted
            runtime.garpRefresh = instance.garpMasterRefresh ?? defaults.garpMasterRefresh
            runtime.garpRefreshRepeat = Int(instance.garpMasterRefreshRepeat ?? defaults.garpMasterRefreshRepeat)
            if let vmac = instance.virtualMAC, vmac.kind == .macvlan {
                var address = vmac.macAddress ?? VirtualMAC.address(vrid: vrid.rawValue, ipv6: family == .ipv6)
                if vmac.macEndsWithVRID, address.count == 6 { address[5] = vrid.rawValue }
                let name = vmac.interfaceName ?? "\(defaults.vmacPrefix ?? "vrrp").\(vrid.rawValue)"
                runtime.virtualMAC = .init(name: name, address: address)
                runtime.virtualMAC?.transmitOnBase = instance.vmacTransmitOnBase && !strict
            }
            runtime.smtpAlert = MailAlertPolicy.resolve(
                own: instance.smtpAlert, vrrpDefault: configuration.global.smtp.alertVRRP, globalDefault: configuration.global.smtp.alert)
            let group = configuration.syncGroups.first { $0.members.contains { $0.text == instance.name } }
            runtime.notifyPriorityChanges = instance.notifyPriorityChanges ?? group?.notifyPriorityChanges
                ?? defaults.notifyPriorityChanges
            runtime.trackers = bindings(
                interfaces: instance.trackInterfaces.map { ($0.name, $0.weight, $0.reverse) },
                scripts: instance.trackScripts, files: instance.trackFiles, processes: instance.trackProcesses,
                configuration: configuration)
            return runtime
        }
    }

    /// keepalived.conf: vrrp_sync_group, with the group's trackers applied to every member.
    static func syncGroups(_ configuration: Configuration) -> [Engine.SyncGroupConfiguration] {
        configuration.syncGroups.map { group in
            Engine.SyncGroupConfiguration(
                id: SyncGroupID(group.name), members: group.members.map { InstanceID($0.text) },
                trackers: bindings(
                    interfaces: group.trackInterfaces.map { ($0.name, $0.weight ?? 0, $0.reverse ?? false) },
                    scripts: group.trackScripts, files: group.trackFiles, processes: group.trackProcesses, configuration: configuration))
        }
    }

    /// keepalived.conf: track_file blocks with a file, after applying their init_file.
    static func files(_ configuration: Configuration, log: (String) -> Void) -> [TrackFileRuntime] {
        configuration.trackFiles.compactMap { file in
            guard let path = file.path else { return nil }
            if let initFile = file.initFile {
                TrackFileWatcher.initialise(path: path, name: file.name, value: initFile.value, overwrite: initFile.overwrite, log: log)
            }
            return TrackFileRuntime(name: file.name, path: path)
        }
    }

    /// keepalived.conf: vrrp_script blocks, with the user their command runs as.
    static func scripts(_ configuration: Configuration, log: (String) -> Void) -> [TrackScriptRuntime] {
        configuration.vrrpScripts.compactMap { script in
            guard let command = script.script else { return nil }
            var resolved = NotifyScript(arguments: command.arguments, user: script.user ?? command.user,
                                        group: script.group ?? command.group, location: command.location)
            resolved.arguments = command.arguments
            return TrackScriptRuntime(
                name: script.name, command: NotificationAssembly.resolve(resolved, global: configuration.global, log: log),
                interval: script.interval, timeout: script.timeout, rise: script.rise, fall: script.fall, initFail: script.initFail)
        }
    }

    /// Tracking entries with keepalived's defaults: a track_script without its own weight takes the
    /// vrrp_script's weight and reverse.
    static func bindings(
        interfaces: [(name: String, weight: Int, reverse: Bool)], scripts: [TrackedObject], files: [TrackedObject],
        processes: [TrackedObject] = [], configuration: Configuration
    ) -> [TrackingBinding] {
        var result = interfaces.map { TrackingBinding(.interface($0.name), weight: $0.weight, reverse: $0.reverse) }
        for tracked in scripts {
            guard let script = configuration.vrrpScripts.first(where: { $0.name == tracked.name }) else { continue }
            result.append(TrackingBinding(
                .script(tracked.name), weight: tracked.weight ?? script.weight, reverse: tracked.reverse ?? script.weightReverse))
        }
        for tracked in files {
            guard let file = configuration.trackFiles.first(where: { $0.name == tracked.name }) else { continue }
            result.append(TrackingBinding(
                .file(tracked.name), weight: tracked.weight ?? file.weight, reverse: tracked.reverse ?? file.weightReverse))
        }
        for tracked in processes {
            guard let process = configuration.trackProcesses.first(where: { $0.name == tracked.name }) else { continue }
            result.append(TrackingBinding(
                .process(tracked.name), weight: tracked.weight ?? process.weight, reverse: tracked.reverse ?? process.weightReverse))
        }
        return result
    }

    /// keepalived.conf: vrrp_track_process blocks with a process.
    static func processes(_ configuration: Configuration) -> [TrackProcessRuntime] {
        configuration.trackProcesses.compactMap { process in
            guard let name = process.process else { return nil }
            let match: TrackProcessRuntime.ParameterMatch = switch process.parameterMatch {
            case .none: .none
            case .exact: .exact
            case .initial: .initial
            case .partial: .partial
            }
            return TrackProcessRuntime(
                name: process.name, process: name, parameters: process.parameters, parameterMatch: match, fullCommand: process.fullCommand,
                quorum: process.quorum, quorumMax: process.quorumMax, forkDelay: process.forkDelay, terminateDelay: process.terminateDelay)
        }
    }

    /// keepalived.conf: nftables, nftables_priority, nftables_counters, nftables_ifindex: the VRRP
    /// firewall's table, nil when no instance drops or has a VMAC (keepalived creates nothing then).
    /// Without `nftables` such an instance turns it on under keepalived's default name, with its
    /// log line.
    static func firewall(_ configuration: Configuration, runtimes: [VRRPInstanceRuntime], log: (String) -> Void) -> NFTablesScript? {
        guard runtimes.contains(where: { $0.firewallDrop || $0.virtualMAC != nil }) else { return nil }
        let settings = configuration.global.vrrp
        if settings.nftablesTable == nil { log("use_vmac or no_accept/strict specified, but no firewall configured - using nftables") }
        return NFTablesScript(table: settings.nftablesTable ?? "keepalived", priority: settings.nftablesPriority ?? -1,
                              counters: settings.nftablesCounters, useIfindex: settings.nftablesUseIfindex)
    }

    /// A virtual_ipaddress line with its options, as keepalived adds it (the static_ipaddress rules).
    static func address(_ vip: KeepalivedConfig.VirtualAddress) -> VRRPInstanceRuntime.VirtualAddress {
        var address = VRRPInstanceRuntime.VirtualAddress(address: vip.prefix.address.bytes, prefixLength: UInt8(vip.prefix.length))
        let request = vip.request(delete: false, interfaceIndex: 0)
        address.interfaceName = vip.interface
        address.scope = request.scope
        address.broadcast = request.broadcast
        address.label = request.label
        address.peer = vip.peer?.bytes
        address.flags = request.flags
        address.preferredLifetime = request.preferredLifetime
        address.noTrack = vip.noTrack
        return address
    }
}
