import Glibc
import KeepalivedConfig
import LinuxNet
import NetworkTypes
import SNMPModel
import VRRPCore

/// The MIBs' view of the daemon: the configured part is built once at start; each VRRP status
/// snapshot then fills in states, priorities and counters.
enum SNMPStatusAssembly {
    /// Everything the configuration decides, in configuration order (table indexes are positions).
    static func base(_ configuration: Configuration, runtimes: [VRRPInstanceRuntime]) -> SNMPStatus {
        let global = configuration.global
        let groupOf = Dictionary(configuration.syncGroups.flatMap { group in group.members.map { ($0.text, group.name) } },
                                 uniquingKeysWith: { first, _ in first })
        var interfaces: [String: SNMPStatus.Interface?] = [:]
        func interface(_ name: String) -> SNMPStatus.Interface? {
            if let known = interfaces[name] { return known }
            let found = Interfaces.lookup(name).map {
                SNMPStatus.Interface(name: name, ifIndex: $0.index, macAddress: $0.hardwareAddress,
                                     primaryIPv4: $0.primaryIPv4.flatMap(IPAddress.init(bytes:)),
                                     linkLocalIPv6: $0.linkLocalIPv6.flatMap(IPAddress.init(bytes:)))
            }
            interfaces[name] = found
            return found
        }
        let tracked = Set(configuration.vrrpInstances.flatMap { $0.trackScripts.map(\.name) }
            + configuration.syncGroups.flatMap { $0.trackScripts.map(\.name) })
        let runtimeByName = Dictionary(runtimes.map { ($0.router.name, $0) }, uniquingKeysWith: { first, _ in first })
        var instances: [SNMPStatus.Instance] = configuration.vrrpInstances.compactMap { instance in
            guard let runtime = runtimeByName[instance.name] else { return nil }
            let router = runtime.router
            let ifName = runtime.interfaceName
            var ifp = interface(ifName)
            // With use_vmac the instance's interface is the VMAC; the RFC tables index by its base.
            if let vmac = runtime.virtualMAC, let base = ifp, let info = Interfaces.lookup(vmac.name) {
                ifp = SNMPStatus.Interface(name: vmac.name, ifIndex: info.index, baseIfIndex: base.ifIndex, macAddress: info.hardwareAddress,
                                          primaryIPv4: base.primaryIPv4, linkLocalIPv6: base.linkLocalIPv6)
            }
            func address(_ vip: KeepalivedConfig.VirtualAddress) -> SNMPStatus.Address {
                let device = vip.interface ?? ifName
                return SNMPStatus.Address(
                    vip.prefix.address, prefixLength: vip.prefix.length, broadcast: vip.broadcastAddress, scope: Int(vip.scope),
                    ifIndex: interface(device)?.ifIndex ?? 0, ifName: device, label: vip.label, peer: vip.peer)
            }
            let initial: VrrpState = instance.state == .master ? .master : .backup
            let family: IPAddress.Family = router.family == .ipv6 ? .inet6 : .inet
            return SNMPStatus.Instance(
                name: instance.name, vrid: router.vrid.rawValue, vrrpVersion: Int(router.version.rawValue), family: family,
                state: .initialize, initialState: initial, wantedState: initial,
                basePriority: Int(router.basePriority.rawValue), effectivePriority: Int(router.basePriority.rawValue),
                interface: ifp,
                trackedInterfaces: instance.trackInterfaces.map { .init(name: $0.name, weight: $0.weight, weightReverse: $0.reverse) },
                trackedScripts: instance.trackScripts.map { tracked in
                    let script = configuration.vrrpScripts.first { $0.name == tracked.name }
                    return .init(name: tracked.name, weight: tracked.weight ?? script?.weight ?? 0,
                                 weightReverse: tracked.reverse ?? script?.weightReverse ?? false)
                },
                advertInterval: router.advertisementInterval, preempt: !router.noPreempt, preemptDelay: router.preemptDelay,
                authType: Int(runtime.authenticationType.rawValue), lvsSyncInterface: instance.lvsSyncDaemonInterface,
                syncGroup: groupOf[instance.name], garpDelay: router.garpMasterDelay,
                smtpAlert: instance.smtpAlert ?? global.smtp.alertVRRP ?? global.smtp.alert ?? false,
                notifyExec: [instance.notifyMaster, instance.notifyBackup, instance.notifyFault, instance.notifyStop, instance.notify]
                    .contains { $0 != nil },
                notifyMaster: commandLine(instance.notifyMaster), notifyBackup: commandLine(instance.notifyBackup),
                notifyFault: commandLine(instance.notifyFault), notifyStop: commandLine(instance.notifyStop),
                notify: commandLine(instance.notify), notifyDeletedScript: commandLine(instance.notifyDeletedScript),
                notifyMasterRxLowerPri: commandLine(instance.notifyMasterReceivedLowerPriority),
                accept: instance.accept ?? !global.vrrp.strict, promoteSecondaries: instance.promoteSecondaries,
                linkbeatPolling: instance.linkbeatUsePolling, notifyDeleted: instance.notifyDeleted,
                unicast: !instance.unicastPeers.isEmpty, multicastAddress: instance.multicastDestination,
                vips: instance.virtualAddresses.map(address), excludedVips: instance.excludedAddresses.map(address))
        }
        for index in instances.indices {
            instances[index].trackedFiles = configuration.vrrpInstances.first { $0.name == instances[index].name }?.trackFiles.map(\.name) ?? []
        }
        let trackedFiles = Set(configuration.vrrpInstances.flatMap { $0.trackFiles.map(\.name) }
            + configuration.syncGroups.flatMap { $0.trackFiles.map(\.name) })
        return SNMPStatus(
            version: "Keepalived v2.2.7 (01/16,2022)",
            routerId: global.routerID ?? hostName(),
            global: SNMPStatus.Global(
                smtpServer: smtpAddress(global.smtp.server), smtpServerPort: smtpPort(global.smtp.server),
                smtpConnectTimeout: UInt32((global.smtp.connectTimeout ?? (global.smtp.server == nil ? 0 : 30_000_000)) / 1_000_000),
                emailFrom: global.smtp.emailFrom, emails: global.smtp.notificationEmails,
                emailFaults: !global.smtp.noEmailFaults, smtpAlert: global.smtp.alert, smtpAlertVrrp: global.smtp.alertVRRP,
                smtpAlertChecker: global.smtp.alertChecker, trapsEnabled: global.snmp.enableTraps,
                linkbeatPolling: global.linkbeatUsePolling, dynamicInterfaces: global.vrrp.dynamicInterfaces),
            syncGroups: configuration.syncGroups.map { group in
                SNMPStatus.SyncGroup(
                    name: group.name, members: group.members.map(\.text), trackingWeight: group.trackingWeight,
                    smtpAlert: group.smtpAlert ?? global.smtp.alertVRRP ?? global.smtp.alert ?? false,
                    notifyExec: [group.notifyMaster, group.notifyBackup, group.notifyFault, group.notifyStop, group.notify]
                        .contains { $0 != nil },
                    notifyMaster: commandLine(group.notifyMaster), notifyBackup: commandLine(group.notifyBackup),
                    notifyFault: commandLine(group.notifyFault), notifyStop: commandLine(group.notifyStop),
                    notify: commandLine(group.notify))
            },
            instances: instances,
            // keepalived frees the vrrp_scripts nothing tracks before the MIB sees them.
            scripts: configuration.vrrpScripts.filter { tracked.contains($0.name) }.map { script in
                SNMPStatus.Script(
                    name: script.name, command: commandLine(script.script) ?? "", interval: Int(script.interval / 1_000_000),
                    weight: script.weight, weightReverse: script.weightReverse, rise: UInt32(clamping: script.rise),
                    fall: UInt32(clamping: script.fall))
            },
            files: configuration.trackFiles.filter { trackedFiles.contains($0.name) }.compactMap { file in
                file.path.map { SNMPStatus.File(name: file.name, path: $0, weight: file.weight, weightReverse: file.weightReverse) }
            })
    }

    /// One instance of the configured base with the VRRP thread's latest state (a trap needs only
    /// its own instance: assembling all of them for each of 500 transitions would be quadratic).
    static func instance(_ base: SNMPStatus.Instance, _ snapshot: VRRPStatusSnapshot) -> SNMPStatus.Instance {
        let name = base.name
        guard let router = snapshot.routers[InstanceID(name)] else { return base }
        var instance = base
        instance.state = VrrpState(router.state)
        instance.wantedState = VrrpState(router.wantState)
        instance.effectivePriority = Int(router.effectivePriority.rawValue)
        // A manager may have changed these (SNMP SET).
        instance.basePriority = Int(router.configuration.basePriority.rawValue)
        instance.preempt = !router.configuration.noPreempt
        instance.vipsSet = router.addressesInstalled
        for vip in instance.vips.indices { instance.vips[vip].isSet = router.addressesInstalled }
        for vip in instance.excludedVips.indices { instance.excludedVips[vip].isSet = router.addressesInstalled }
        instance.masterAddress = router.state == .master ? nil : router.masterAddress.flatMap(IPAddress.init(bytes:))
        instance.sourceAddress = snapshot.sourceAddresses[name].flatMap(IPAddress.init(bytes:))
        instance.activeSince = (snapshot.activeSince[name]?.microseconds ?? 0) / 10_000
        instance.statistics = statistics(router.statistics, drops: snapshot.drops[name] ?? [:],
                                         masterReason: snapshot.masterReasons[name] ?? 0)
        instance.statistics.protoErrReason = snapshot.protocolErrorReasons[name] ?? 0
        return instance
    }

    /// The instance named `name`, assembled as `status` would assemble it.
    static func instance(named name: String, _ base: SNMPStatus, _ snapshot: VRRPStatusSnapshot?) -> SNMPStatus.Instance? {
        guard let configured = base.instances.first(where: { $0.name == name }) else { return nil }
        return snapshot.map { instance(configured, $0) } ?? configured
    }

    /// The base with a VRRP snapshot's states, priorities and counters; `agentStart` and the
    /// snapshot's time in centiseconds on the monotonic clock.
    static func status(_ base: SNMPStatus, _ snapshot: VRRPStatusSnapshot?, agentStart: Instant) -> SNMPStatus {
        var status = base
        let now = snapshot?.taken ?? agentStart
        status.clock = .init(now: now.microseconds / 10_000, agentStart: agentStart.microseconds / 10_000)
        guard let snapshot else { return status }
        for index in status.instances.indices { status.instances[index] = instance(status.instances[index], snapshot) }
        for index in status.syncGroups.indices {
            if let group = snapshot.syncGroups[SyncGroupID(status.syncGroups[index].name)] {
                status.syncGroups[index].state = VrrpState(group.state)
            }
        }
        for index in status.files.indices {
            if case let .value(value)? = snapshot.trackers[.file(status.files[index].name)]?.status { status.files[index].value = value }
        }
        for index in status.scripts.indices {
            guard let tracker = snapshot.trackers[.script(status.scripts[index].name)] else { continue }
            status.scripts[index].result = switch tracker.status {
            case .pending: .initializing
            case .ok: .good
            case .failed: .bad
            case .value: .good
            }
        }
        return status
    }

    static func statistics(_ counters: VirtualRouter.Statistics, drops: [DropReason: UInt64], masterReason: Int) -> SNMPStatus.Statistics {
        var result = SNMPStatus.Statistics()
        func count(_ reason: DropReason) -> UInt64 { drops[reason] ?? 0 }
        result.advertRcvd = counters.advertisementsReceived
        result.becomeMaster = UInt32(truncatingIfNeeded: counters.becomeMaster)
        result.packetLenErr = count(.packetLengthError)
        result.advertIntervalErr = count(.intervalMismatch)
        result.ipTtlErr = count(.ttlError)
        result.invalidTypeRcvd = count(.invalidType)
        result.addrListErr = count(.addressListError)
        result.invalidAuthtype = UInt32(truncatingIfNeeded: count(.invalidAuthType))
        result.authtypeMismatch = UInt32(truncatingIfNeeded: count(.authTypeMismatch))
        result.authFailure = UInt32(truncatingIfNeeded: count(.authFailure))
        result.priZeroRcvd = counters.priorityZeroReceived
        result.priZeroSent = counters.priorityZeroSent
        result.chkErr = UInt32(truncatingIfNeeded: count(.checksumError))
        result.versErr = UInt32(truncatingIfNeeded: count(.versionError))
        result.masterReason = masterReason
        return result
    }

    /// A notify or script command as keepalived prints it.
    static func commandLine(_ script: NotifyScript?) -> String? {
        script.map { ScriptText.keepalived($0.arguments) }
    }

    static func hostName() -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func smtpAddress(_ server: SMTPSettings.Server?) -> IPAddress? {
        if case let .address(address, _)? = server { return address }
        return nil
    }

    private static func smtpPort(_ server: SMTPSettings.Server?) -> UInt16 {
        switch server {
        case let .address(_, port)?, let .hostname(_, port)?: port
        case nil: 0
        }
    }
}

extension VrrpState {
    /// The KEEPALIVED-MIB state of a VRRP state: stop reads shutdown.
    init(_ state: VRRPCore.VRRPState) {
        switch state {
        case .initialize: self = .initialize
        case .backup: self = .backup
        case .master: self = .master
        case .fault: self = .fault
        case .stop: self = .shutdown
        case .deleted: self = .deleted
        }
    }
}
