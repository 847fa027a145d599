/// Requests to the IPVS generic netlink family, encoded the way the kernel's ip_vs_ctl parses them.
import IPVSModel
import NetworkTypes

/// One IPVS command.
public enum IPVSRequest: Sendable, Hashable {
    case newService(IPVSService)
    case setService(IPVSService)
    case deleteService(IPVSServiceKey)
    case newDestination(IPVSServiceKey, IPVSDestination)
    case setDestination(IPVSServiceKey, IPVSDestination)
    case deleteDestination(IPVSServiceKey, IPVSDestinationKey)
    /// A dump of every service.
    case getServices
    /// A dump of one service's destinations.
    case getDestinations(IPVSServiceKey)
    case getInfo
    /// Removes every service and destination.
    case flush
    /// The connection timeouts (answered with IPVS_CMD_SET_CONFIG).
    case getTimeouts
    /// Sets all three timeouts (keepalived always sends the three).
    case setTimeouts(IPVSTimeouts)
    /// Starts a sync daemon.
    case newDaemon(IPVSSyncDaemon)
    /// Stops the sync daemon of that state (keepalived also names its sync id).
    case deleteDaemon(IPVSSyncState, syncID: UInt32)

    /// True for the requests answered with a dump (terminated by NLMSG_DONE).
    public var isDump: Bool {
        switch self {
        case .getServices, .getDestinations: true
        default: false
        }
    }

    public var command: UInt8 {
        switch self {
        case .newService: IPVSConstants.IPVS_CMD_NEW_SERVICE
        case .setService: IPVSConstants.IPVS_CMD_SET_SERVICE
        case .deleteService: IPVSConstants.IPVS_CMD_DEL_SERVICE
        case .newDestination: IPVSConstants.IPVS_CMD_NEW_DEST
        case .setDestination: IPVSConstants.IPVS_CMD_SET_DEST
        case .deleteDestination: IPVSConstants.IPVS_CMD_DEL_DEST
        case .getServices: IPVSConstants.IPVS_CMD_GET_SERVICE
        case .getDestinations: IPVSConstants.IPVS_CMD_GET_DEST
        case .getInfo: IPVSConstants.IPVS_CMD_GET_INFO
        case .flush: IPVSConstants.IPVS_CMD_FLUSH
        case .getTimeouts: IPVSConstants.IPVS_CMD_GET_CONFIG
        case .setTimeouts: IPVSConstants.IPVS_CMD_SET_CONFIG
        case .newDaemon: IPVSConstants.IPVS_CMD_NEW_DAEMON
        case .deleteDaemon: IPVSConstants.IPVS_CMD_DEL_DAEMON
        }
    }

    public var attributes: [RouteAttribute] {
        switch self {
        case let .newService(service), let .setService(service):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_SERVICE, IPVSRequest.serviceAttributes(service))]
        case let .deleteService(key), let .getDestinations(key):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_SERVICE, IPVSRequest.keyAttributes(key))]
        case let .newDestination(key, destination), let .setDestination(key, destination):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_SERVICE, IPVSRequest.keyAttributes(key)),
             .nested(IPVSConstants.IPVS_CMD_ATTR_DEST, IPVSRequest.destinationAttributes(destination))]
        case let .deleteDestination(key, destination):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_SERVICE, IPVSRequest.keyAttributes(key)),
             .nested(IPVSConstants.IPVS_CMD_ATTR_DEST, IPVSRequest.destinationKeyAttributes(destination))]
        case .getServices, .getInfo, .flush, .getTimeouts:
            []
        case let .setTimeouts(timeouts):
            [.uint32(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_TCP, timeouts.tcp),
             .uint32(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin),
             .uint32(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_UDP, timeouts.udp)]
        case let .newDaemon(daemon):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_DAEMON, IPVSRequest.daemonAttributes(daemon))]
        case let .deleteDaemon(state, syncID):
            [.nested(IPVSConstants.IPVS_CMD_ATTR_DAEMON, [
                .uint32(IPVSConstants.IPVS_DAEMON_ATTR_STATE, state.rawValue),
                .uint32(IPVSConstants.IPVS_DAEMON_ATTR_SYNC_ID, syncID)])]
        }
    }

    /// The request as a netlink message: acknowledged, or a dump request.
    public func message(familyID: UInt16, sequence: UInt32) -> NetlinkMessage {
        let flags = NetlinkConstants.NLM_F_REQUEST | (isDump ? NetlinkConstants.NLM_F_DUMP : NetlinkConstants.NLM_F_ACK)
        return GenericNetlinkMessage(
            familyID: familyID, command: command, version: IPVSConstants.version, flags: flags, sequence: sequence,
            attributes: attributes
        ).netlinkMessage
    }

    /// AF, then the fwmark or protocol/address/port: enough for the kernel to find the service.
    static func keyAttributes(_ key: IPVSServiceKey) -> [RouteAttribute] {
        var attributes: [RouteAttribute] = [.uint16(IPVSConstants.IPVS_SVC_ATTR_AF, addressFamily(key.family))]
        switch key {
        case let .address(proto, address, port):
            attributes.append(.uint16(IPVSConstants.IPVS_SVC_ATTR_PROTOCOL, proto.rawValue))
            attributes.append(RouteAttribute(type: IPVSConstants.IPVS_SVC_ATTR_ADDR, value: addressField(address)))
            attributes.append(.bigEndian16(IPVSConstants.IPVS_SVC_ATTR_PORT, port))
        case let .firewallMark(mark, _):
            attributes.append(.uint32(IPVSConstants.IPVS_SVC_ATTR_FWMARK, mark))
        }
        return attributes
    }

    /// The full entry NEW_SERVICE and SET_SERVICE need: scheduler, flags (with an all-ones mask), timeout, netmask.
    static func serviceAttributes(_ service: IPVSService) -> [RouteAttribute] {
        var attributes = keyAttributes(service.key)
        attributes.append(.string(IPVSConstants.IPVS_SVC_ATTR_SCHED_NAME, service.scheduler))
        if let engine = service.persistenceEngine, !engine.isEmpty {
            attributes.append(.string(IPVSConstants.IPVS_SVC_ATTR_PE_NAME, engine))
        }
        var flags: [UInt8] = []
        flags.appendHost(service.flags.subtracting(.hashed).rawValue)
        flags.appendHost(UInt32.max)
        attributes.append(RouteAttribute(type: IPVSConstants.IPVS_SVC_ATTR_FLAGS, value: flags))
        attributes.append(.uint32(IPVSConstants.IPVS_SVC_ATTR_TIMEOUT, service.timeout))
        attributes.append(netmaskAttribute(service.netmask, family: service.key.family))
        return attributes
    }

    static func destinationKeyAttributes(_ key: IPVSDestinationKey) -> [RouteAttribute] {
        [.uint16(IPVSConstants.IPVS_DEST_ATTR_ADDR_FAMILY, addressFamily(key.address.family)),
         RouteAttribute(type: IPVSConstants.IPVS_DEST_ATTR_ADDR, value: addressField(key.address)),
         .bigEndian16(IPVSConstants.IPVS_DEST_ATTR_PORT, key.port)]
    }

    /// The full entry NEW_DEST and SET_DEST need: forwarding method, weight, for a tunnel its type
    /// (with the port for GUE and the checksum flags for GUE and GRE, as keepalived's libipvs sends
    /// them), both thresholds.
    static func destinationAttributes(_ destination: IPVSDestination) -> [RouteAttribute] {
        var attributes = destinationKeyAttributes(destination.key) + [
            .uint32(IPVSConstants.IPVS_DEST_ATTR_FWD_METHOD, destination.forwarding.rawValue),
            .uint32(IPVSConstants.IPVS_DEST_ATTR_WEIGHT, UInt32(bitPattern: destination.weight)),
        ]
        if destination.forwarding == .tunnel {
            let tunnel = destination.tunnel
            attributes.append(.uint8(IPVSConstants.IPVS_DEST_ATTR_TUN_TYPE, tunnel.type.rawValue))
            if tunnel.type == .gue { attributes.append(.bigEndian16(IPVSConstants.IPVS_DEST_ATTR_TUN_PORT, tunnel.port)) }
            if tunnel.type != .ipip { attributes.append(.uint16(IPVSConstants.IPVS_DEST_ATTR_TUN_FLAGS, tunnel.flags.rawValue)) }
        }
        return attributes + [
            .uint32(IPVSConstants.IPVS_DEST_ATTR_U_THRESH, destination.upperThreshold),
            .uint32(IPVSConstants.IPVS_DEST_ATTR_L_THRESH, destination.lowerThreshold),
        ]
    }

    /// NEW_DAEMON's settings in keepalived's order; options left unset are not sent. An IPv4 group
    /// travels as its four bytes in network order, an IPv6 one as IPVS_DAEMON_ATTR_MCAST_GROUP6.
    static func daemonAttributes(_ daemon: IPVSSyncDaemon) -> [RouteAttribute] {
        var attributes: [RouteAttribute] = [
            .uint32(IPVSConstants.IPVS_DAEMON_ATTR_STATE, daemon.state.rawValue),
            .string(IPVSConstants.IPVS_DAEMON_ATTR_MCAST_IFN, daemon.interface),
            .uint32(IPVSConstants.IPVS_DAEMON_ATTR_SYNC_ID, daemon.syncID),
        ]
        if let length = daemon.maxLength { attributes.append(.uint16(IPVSConstants.IPVS_DAEMON_ATTR_SYNC_MAXLEN, length)) }
        if let port = daemon.port { attributes.append(.uint16(IPVSConstants.IPVS_DAEMON_ATTR_MCAST_PORT, port)) }
        if let ttl = daemon.ttl { attributes.append(.uint8(IPVSConstants.IPVS_DAEMON_ATTR_MCAST_TTL, ttl)) }
        if let group = daemon.group {
            let type = group.family == .inet ? IPVSConstants.IPVS_DAEMON_ATTR_MCAST_GROUP : IPVSConstants.IPVS_DAEMON_ATTR_MCAST_GROUP6
            attributes.append(RouteAttribute(type: type, value: group.bytes))
        }
        return attributes
    }

    /// IPv4 masks travel in network order (a __be32); IPv6 sends the prefix length as a plain number.
    static func netmaskAttribute(_ netmask: UInt32, family: IPAddress.Family) -> RouteAttribute {
        guard family == .inet else { return .uint32(IPVSConstants.IPVS_SVC_ATTR_NETMASK, netmask) }
        return RouteAttribute(
            type: IPVSConstants.IPVS_SVC_ATTR_NETMASK,
            value: [UInt8(netmask >> 24), UInt8(netmask >> 16 & 0xff), UInt8(netmask >> 8 & 0xff), UInt8(netmask & 0xff)])
    }

    static func addressFamily(_ family: IPAddress.Family) -> UInt16 {
        UInt16(family == .inet ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6)
    }

    /// The address at the start of a zeroed 16-byte union nf_inet_addr.
    static func addressField(_ address: IPAddress) -> [UInt8] {
        let bytes = address.bytes
        return bytes + [UInt8](repeating: 0, count: IPVSConstants.addressFieldLength - bytes.count)
    }
}

extension IPVSRequest {
    /// The command that makes one table change.
    public init(_ change: IPVSChange) {
        switch change {
        case let .addService(service): self = .newService(service)
        case let .updateService(service): self = .setService(service)
        case let .removeService(key): self = .deleteService(key)
        case let .addDestination(key, destination): self = .newDestination(key, destination)
        case let .updateDestination(key, destination): self = .setDestination(key, destination)
        case let .removeDestination(key, destination): self = .deleteDestination(key, destination)
        case .flush: self = .flush
        }
    }
}
