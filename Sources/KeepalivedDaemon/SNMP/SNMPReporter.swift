import CheckerCore
import IPVSModel
import KeepalivedConfig
import LinuxNet
import NetworkTypes
import SNMPAgentX
import SNMPModel
import Synchronization
import VRRPCore

/// The daemon's side of SNMP: turns VRRP and checker snapshots into MIB views for the AgentX thread
/// and state changes into keepalived's traps. Called on the VRRP and checker threads; never blocks
/// them (views are built lazily on the SNMP thread, traps are queued).
final class SNMPReporter: Sendable {
    private let agent: AgentXSubagent
    /// The configured part of the MIBs; a reload replaces it.
    private let base: Mutex<SNMPStatus>
    /// The configured part before the last reload: instances a reload removes report their last
    /// transition (FAULT, or DELETED with notify_deleted) after the new configuration is in place.
    private let replaced = Mutex<SNMPStatus?>(nil)
    private let mibs: SNMPMIBSet
    private let traps: (keepalived: Bool, rfcV2: Bool, rfcV3: Bool)
    private let agentStart: Instant
    private let latest = Mutex<VRRPStatusSnapshot?>(nil)
    /// The check subtree's configured part (nil: enable_snmp_checker is off or no checker runs),
    /// whether its traps go out, and the checker's latest snapshot.
    let checkerBase: SNMPCheckerStatus?
    let checkerTraps: Bool
    let checkerLatest = Mutex<CheckerStatusSnapshot?>(nil)
    /// Each virtual server's kernel services, whose counters the check subtree sums, and their reader.
    private let checkerServices: [[IPVSServiceKey]]
    private let statistics = IPVSStatisticsReader()

    /// nil when neither keepalived.conf nor `-x` turns SNMP on.
    init?(_ configuration: Configuration, runtimes: [VRRPInstanceRuntime], options: CommandLineOptions,
          log: @escaping @Sendable (String) -> Void) {
        let snmp = configuration.global.snmp
        let keepalived = snmp.enableKeepalivedMIB || options.snmp
        let rfcV2 = snmp.enableRFCv2 || options.snmp
        let rfcV3 = snmp.enableRFCv3 || options.snmp
        // keepalived: the check subtree is served by the checker process, which runs only with virtual servers.
        let checker = (snmp.enableChecker || options.snmp) && !configuration.virtualServers.isEmpty
        guard keepalived || rfcV2 || rfcV3 || checker else { return nil }
        mibs = SNMPMIBSet(keepalivedVRRP: keepalived, keepalivedGlobal: true, keepalivedCheck: checker, rfcV2: rfcV2, rfcV3: rfcV3)
        traps = (snmp.enableTraps && keepalived, snmp.enableTraps && rfcV2, snmp.enableTraps && rfcV3)
        checkerBase = checker ? SNMPCheckerAssembly.base(configuration) : nil
        checkerTraps = checker && snmp.enableTraps
        checkerServices = configuration.virtualServers.map { IPVSPlan.services($0, groups: configuration.virtualServerGroups).map(\.key) }
        base = Mutex(SNMPStatusAssembly.base(configuration, runtimes: runtimes))
        agentStart = MonotonicClock.now()
        var modules = [AgentXSubagent.Module(root: KeepalivedMIB.global, description: "Keepalived")]
        if keepalived { modules.append(.init(root: KeepalivedMIB.vrrp, description: "KEEPALIVED-VRRP")) }
        if checker { modules.append(.init(root: KeepalivedMIB.check, description: "Healthchecker")) }
        if rfcV2 { modules.append(.init(root: VRRPMIB.root, description: "VRRP")) }
        if rfcV3 { modules.append(.init(root: VRRPv3MIB.root, description: "VRRPV3")) }
        let socket = options.snmpAgentSocket ?? snmp.socket ?? "unix:/var/agentx/master"
        agent = AgentXSubagent(.init(socket: socket, modules: modules), log: log)
    }

    func start() {
        publish()
        agent.start()
    }

    /// Lets managers SET what keepalived 2.2.7 lets them: each change is posted to the thread that
    /// owns the state (VRRP or checker), which applies it; the SNMP thread never touches either.
    func acceptWrites(vrrp: VRRPService, checker: CheckerService?) {
        agent.acceptWrites { writes in
            for write in writes {
                switch write {
                case let .basePriority(instance, priority): vrrp.requestSetting(instance, .basePriority(Priority(priority)))
                case let .preempt(instance, enabled): vrrp.requestSetting(instance, .preemption(enabled: enabled))
                case let .realServerWeight(v, r, weight): checker?.managerSetWeight(weight, virtualServer: v, realServer: r)
                }
            }
        }
    }

    /// Stops the SNMP thread once the queued traps had their chance.
    func stop() { agent.stop() }

    /// The VRRP service's hooks into this reporter.
    var statusHandler: VRRPService.StatusHandler { { [self] snapshot in statusChanged(snapshot) } }
    var dropHandler: VRRPService.DropHandler { { [self] name, reason, source in dropped(name, reason: reason, source: source) } }

    /// A new VRRP snapshot (on the VRRP thread): stored for traps, published for the MIBs.
    func statusChanged(_ snapshot: VRRPStatusSnapshot) {
        latest.withLock { $0 = snapshot }
        publish()
    }

    /// A reload's configuration: the tables follow it from the next snapshot on (an instance keeps
    /// its index while its position in the configuration does, as in keepalived).
    func reconfigure(_ configuration: Configuration, runtimes: [VRRPInstanceRuntime]) {
        let old = base.withLock { base in
            let old = base
            base = SNMPStatusAssembly.base(configuration, runtimes: runtimes)
            return old
        }
        replaced.withLock { $0 = old }
    }

    /// Publishes the latest VRRP and checker snapshots; the view is built on the SNMP thread.
    func publish() {
        let base = base.withLock { $0 }, snapshot = latest.withLock { $0 }, mibs = mibs, agentStart = agentStart
        let checkerBase = checkerBase, checker = checkerLatest.withLock { $0 }
        let statistics = statistics, services = checkerServices
        // The IPVS counters change by themselves: a view showing them is rebuilt after STATS_REFRESH.
        agent.publish(maximumAge: checkerBase == nil ? nil : .microseconds(IPVSStatisticsReader.refresh)) {
            var status = SNMPStatusAssembly.status(base, snapshot, agentStart: agentStart)
            status.checker = checkerBase.map { base in
                var checker = SNMPCheckerAssembly.status(base, checker)
                if let table = statistics.read(now: MonotonicClock.now()) {
                    SNMPCheckerAssembly.addStatistics(table, services: services, to: &checker)
                }
                return checker
            }
            return mibs.view(status)
        }
    }

    private func current() -> SNMPStatus {
        SNMPStatusAssembly.status(base.withLock { $0 }, latest.withLock { $0 }, agentStart: agentStart)
    }

    /// keepalived.conf: router_id (the host name by default), as the traps carry it.
    var routerId: String { base.withLock { $0.routerId } ?? "" }

    /// Queues a trap for the SNMP thread.
    func send(_ notification: SNMPNotification) { agent.send(notification) }

    /// keepalived's traps for an instance's state change: vrrpInstanceStateChange, then on becoming
    /// master vrrpTrapNewMaster (RFC 2787) and vrrpv3NewMaster (RFC 6527).
    func instanceTransition(_ name: String, to state: VRRPCore.VRRPState) {
        guard traps.keepalived || traps.rfcV2 || traps.rfcV3 else { return }
        // Only this instance is assembled: this runs on the VRRP thread, once per transition.
        let base = self.base.withLock { $0 }
        let removed = replaced.withLock { $0 }.flatMap { old in old.instances.first { $0.name == name } }
        guard var instance = SNMPStatusAssembly.instance(named: name, base, latest.withLock { $0 }) ?? removed else { return }
        instance.state = VrrpState(state)
        let routerId = base.routerId ?? ""
        if traps.keepalived { agent.send(.instanceStateChange(instance, routerId: routerId)) }
        guard state == .master else { return }
        if traps.rfcV2, let trap = SNMPNotification.vrrpTrapNewMaster(instance) { agent.send(trap) }
        if traps.rfcV3, let trap = SNMPNotification.vrrpv3NewMaster(instance, replyV3ForV2: mibs.replyV3ForV2) { agent.send(trap) }
    }

    /// keepalived's error traps for a dropped advert: vrrpTrapAuthFailure (RFC 2787) for the
    /// authentication errors, vrrpv3ProtoError (RFC 6527) for TTL, version and checksum errors.
    func dropped(_ name: String, reason: DropReason, source: [UInt8]?) {
        let authError: SNMPNotification.AuthErrorType? = switch reason {
        case .invalidAuthType: .invalidAuthType
        case .authTypeMismatch: .authTypeMismatch
        case .authFailure: .authFailure
        default: nil
        }
        let protocolError = reason.protocolErrorReason
        guard (traps.rfcV2 && authError != nil) || (traps.rfcV3 && protocolError != nil) else { return }
        guard var instance = SNMPStatusAssembly.instance(named: name, base.withLock { $0 }, latest.withLock { $0 }) else { return }
        if traps.rfcV2, let authError, let source = source.flatMap(IPAddress.init(bytes:)),
           let trap = SNMPNotification.vrrpTrapAuthFailure(instance, source: source, error: authError) {
            agent.send(trap)
        }
        if traps.rfcV3, let protocolError {
            instance.statistics.protoErrReason = protocolError
            if let trap = SNMPNotification.vrrpv3ProtoError(instance, replyV3ForV2: mibs.replyV3ForV2) { agent.send(trap) }
        }
    }

    /// vrrpSyncGroupStateChange.
    func groupTransition(_ name: String, to state: VRRPCore.VRRPState) {
        guard traps.keepalived else { return }
        let status = current()
        guard var group = status.syncGroups.first(where: { $0.name == name }) else { return }
        group.state = VrrpState(state)
        agent.send(.syncGroupStateChange(group, routerId: status.routerId ?? ""))
    }
}
