import CheckerCore
import KeepalivedConfig
import NetworkTypes
import SNMPModel

/// The check subtree's view of the daemon: the configured part is built once; each checker
/// snapshot then fills in which servers are alive, their weights and each quorum.
enum SNMPCheckerAssembly {
    /// Everything the configuration decides, in configuration order (table indexes are positions).
    static func base(_ configuration: Configuration) -> SNMPCheckerStatus {
        let lvs = configuration.global.lvs, smtp = configuration.global.smtp
        return SNMPCheckerStatus(
            groups: configuration.virtualServerGroups.map { group in
                SNMPCheckerStatus.Group(name: group.name, members: group.entries.map { entry in
                    switch entry {
                    case let .fwmark(mark, _): .fwmark(mark)
                    case let .addresses(first, last, port): .addresses(first: first, last: last, port: port ?? 0)
                    }
                })
            },
            virtualServers: configuration.virtualServers.map { virtualServer($0, alertDefault: smtp.alertChecker ?? smtp.alert) },
            syncDaemon: lvs.syncDaemon.map { sync in
                // keepalived's checker sets an unset sync id to 0 only when it runs the sync daemon
                // itself (no VRRP instance named); otherwise it stays PARAMETER_UNSET, which reads -1.
                SNMPCheckerStatus.SyncDaemon(
                    interface: sync.interface, vrrpInstance: sync.vrrpInstance,
                    syncID: sync.syncID.map(UInt32.init) ?? (sync.vrrpInstance == nil ? 0 : UInt32.max),
                    maxLength: UInt32(sync.maxLength ?? 0), port: UInt32(sync.port ?? 0), ttl: UInt32(sync.ttl ?? 0),
                    group: sync.group)
            },
            tcpTimeout: lvs.tcpTimeout, tcpFinTimeout: lvs.tcpFinTimeout, udpTimeout: lvs.udpTimeout)
    }

    static func virtualServer(_ vs: VirtualServer, alertDefault: Bool?) -> SNMPCheckerStatus.VirtualServer {
        let service: SNMPCheckerStatus.VirtualServer.Service = switch vs.service {
        case let .address(address, port): .address(address, port: port ?? 0)
        case let .fwmark(mark): .fwmark(mark)
        case let .group(name): .group(name)
        }
        let serviceProtocol: SNMPCheckerStatus.VirtualServer.ServiceProtocol = switch vs.serviceProtocol {
        case .tcp?: .tcp
        case .udp?: .udp
        case .sctp?: .sctp
        case nil: .none
        }
        var result = SNMPCheckerStatus.VirtualServer(
            service: service, family: vs.family, serviceProtocol: serviceProtocol,
            scheduler: (vs.scheduler ?? .wlc).rawValue, forwarding: forwarding(vs.forwarding ?? ForwardingMethod(kind: .nat)))
        result.virtualhost = vs.virtualhost
        result.persistenceTimeout = vs.persistenceTimeout
        switch vs.persistenceGranularity {
        case .ipv4Mask(let mask)?:
            result.persistenceGranularity = mask.bytes.prefix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
        case .ipv6PrefixLength(let length)?:
            result.persistenceGranularity = UInt32(length)
        case nil:
            break
        }
        result.delayLoop = vs.delayLoop
        result.haSuspend = vs.haSuspend
        result.flags = vs.flags.rawValue
        result.alpha = vs.alpha
        result.omega = vs.omega
        result.quorum = vs.quorum
        result.quorumUpScript = SNMPStatusAssembly.commandLine(vs.quorumUp)
        result.quorumDownScript = SNMPStatusAssembly.commandLine(vs.quorumDown)
        result.hysteresis = vs.hysteresis
        result.inhibit = vs.inhibitOnFailure
        result.retry = vs.retry ?? 0
        result.delayBeforeRetry = vs.delayBeforeRetry ?? 0
        result.warmup = vs.warmup ?? 0
        result.weight = Int32(clamping: vs.weight)
        result.smtpAlert = vs.smtpAlert ?? alertDefault ?? false
        result.connectTimeout = vs.connectTimeout
        result.snmpName = vs.snmpName
        result.realServers = vs.realServers.map { realServer($0, alertDefault: alertDefault) }
        // keepalived: a sorry server has no checker settings of its own; they all read 0 or false.
        result.sorry = vs.sorryServer.map { sorry in
            SNMPCheckerStatus.RealServer(address: sorry.address, port: sorry.port ?? 0,
                                         forwarding: forwarding(sorry.forwarding ?? vs.forwarding ?? ForwardingMethod(kind: .nat)))
        }
        return result
    }

    /// A real server with its virtual server's defaults (the configuration has filled them in).
    static func realServer(_ rs: RealServer, alertDefault: Bool?) -> SNMPCheckerStatus.RealServer {
        var result = SNMPCheckerStatus.RealServer(address: rs.address, port: rs.port ?? 0,
                                                  forwarding: forwarding(rs.forwarding ?? ForwardingMethod(kind: .nat)))
        result.weight = Int32(clamping: rs.weight ?? 1)
        result.upperThreshold = rs.upperThreshold
        result.lowerThreshold = rs.lowerThreshold
        result.inhibit = rs.inhibitOnFailure ?? false
        result.notifyUp = SNMPStatusAssembly.commandLine(rs.notifyUp)
        result.notifyDown = SNMPStatusAssembly.commandLine(rs.notifyDown)
        result.virtualhost = rs.virtualhost
        result.alpha = rs.alpha ?? false
        result.retry = rs.retry ?? 0
        result.delayBeforeRetry = rs.delayBeforeRetry ?? 0
        result.warmup = rs.warmup ?? 0
        result.delayLoop = rs.delayLoop ?? 0
        // keepalived: a real server alerts by default, unlike everything else.
        result.smtpAlert = rs.smtpAlert ?? alertDefault ?? true
        result.connectTimeout = rs.connectTimeout ?? 0
        result.snmpName = rs.snmpName
        return result
    }

    static func forwarding(_ method: ForwardingMethod) -> SNMPCheckerStatus.Forwarding {
        let kind = switch method.kind {
        case .nat: 1
        case .directRouting: 2
        case .tunnel: 3
        }
        let type = switch method.tunnelType {
        case .ipip: 1
        case .gue: 2
        case .gre: 3
        }
        let checksum = switch method.tunnelChecksum {
        case .none: 1
        case .checksum: 2
        case .remote: 3
        }
        return SNMPCheckerStatus.Forwarding(kind: kind, tunnelType: type, tunnelPort: method.tunnelPort ?? 0, tunnelChecksum: checksum)
    }

    /// The base with a checker snapshot's run-time state (nil: before the checker's first decisions).
    static func status(_ base: SNMPCheckerStatus, _ snapshot: CheckerStatusSnapshot?) -> SNMPCheckerStatus {
        guard let snapshot else { return base }
        var status = base
        for (v, runtime) in zip(status.virtualServers.indices, snapshot.virtualServers) {
            status.virtualServers[v].alive = runtime.inService
            status.virtualServers[v].quorumUp = runtime.quorumUp
            for (r, server) in zip(status.virtualServers[v].realServers.indices, runtime.realServers) {
                status.virtualServers[v].realServers[r].alive = server.alive
                status.virtualServers[v].realServers[r].weight = Int32(clamping: server.weight)
                status.virtualServers[v].realServers[r].failedCheckers = UInt32(clamping: server.failedCheckers)
            }
        }
        return status
    }
}
