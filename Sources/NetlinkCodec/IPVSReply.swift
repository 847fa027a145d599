/// Reading the IPVS family's replies: service and destination dump entries and GET_INFO.
import IPVSModel
import NetworkTypes

/// Why a reply could not be read. Each names the first thing that was wrong.
public enum IPVSDecodeError: Error, Sendable, Hashable {
    /// Not a generic netlink message of the expected command.
    case unexpectedMessage(type: UInt16, command: UInt8?)
    /// A required attribute is absent or too short.
    case missingAttribute(String)
    case unknownAddressFamily(UInt16)
    case unknownProtocol(UInt16)
    case unknownForwardingMethod(UInt32)
}

/// IPVS_CMD_GET_INFO's answer.
public struct IPVSInfo: Sendable, Hashable {
    /// IP_VS_VERSION_CODE, e.g. 0x010201.
    public var version: UInt32
    public var connectionTableSize: UInt32

    /// `1.2.1`, as `ipvsadm` prints it.
    public var versionString: String { "\(version >> 16).\(version >> 8 & 0xff).\(version & 0xff)" }
}

public enum IPVSReply {
    /// A GET_SERVICE dump entry (command NEW_SERVICE, one nested IPVS_CMD_ATTR_SERVICE).
    public static func service(_ message: NetlinkMessage) throws(IPVSDecodeError) -> IPVSService {
        let nested = try nestedAttributes(message, command: IPVSConstants.IPVS_CMD_NEW_SERVICE, attribute: IPVSConstants.IPVS_CMD_ATTR_SERVICE, name: "IPVS_CMD_ATTR_SERVICE")
        func find(_ type: UInt16) -> RouteAttribute? { nested.first { $0.type == type } }
        guard let af = find(IPVSConstants.IPVS_SVC_ATTR_AF)?.uint16Value else { throw .missingAttribute("IPVS_SVC_ATTR_AF") }
        let family = try addressFamily(af)
        let key: IPVSServiceKey
        if let mark = find(IPVSConstants.IPVS_SVC_ATTR_FWMARK)?.uint32Value, mark != 0 {
            key = .firewallMark(mark, family: family)
        } else {
            guard let number = find(IPVSConstants.IPVS_SVC_ATTR_PROTOCOL)?.uint16Value else { throw .missingAttribute("IPVS_SVC_ATTR_PROTOCOL") }
            guard let proto = IPVSProtocol(rawValue: number) else { throw .unknownProtocol(number) }
            guard let field = find(IPVSConstants.IPVS_SVC_ATTR_ADDR), let address = address(field.value, family: family) else {
                throw .missingAttribute("IPVS_SVC_ATTR_ADDR")
            }
            guard let port = find(IPVSConstants.IPVS_SVC_ATTR_PORT)?.bigEndian16Value else { throw .missingAttribute("IPVS_SVC_ATTR_PORT") }
            key = .address(proto, address, port: port)
        }
        guard let scheduler = find(IPVSConstants.IPVS_SVC_ATTR_SCHED_NAME)?.stringValue else { throw .missingAttribute("IPVS_SVC_ATTR_SCHED_NAME") }
        guard let flags = find(IPVSConstants.IPVS_SVC_ATTR_FLAGS)?.uint32Value else { throw .missingAttribute("IPVS_SVC_ATTR_FLAGS") }
        guard let timeout = find(IPVSConstants.IPVS_SVC_ATTR_TIMEOUT)?.uint32Value else { throw .missingAttribute("IPVS_SVC_ATTR_TIMEOUT") }
        guard let mask = find(IPVSConstants.IPVS_SVC_ATTR_NETMASK) else { throw .missingAttribute("IPVS_SVC_ATTR_NETMASK") }
        let netmask = family == .inet ? mask.bigEndian32Value : mask.uint32Value
        guard let netmask else { throw .missingAttribute("IPVS_SVC_ATTR_NETMASK") }
        let engine = find(IPVSConstants.IPVS_SVC_ATTR_PE_NAME)?.stringValue
        return IPVSService(
            key: key, scheduler: scheduler, flags: IPVSServiceFlags(rawValue: flags), timeout: timeout, netmask: netmask,
            persistenceEngine: engine?.isEmpty == false ? engine : nil)
    }

    /// A GET_DEST dump entry (command NEW_DEST, one nested IPVS_CMD_ATTR_DEST). Kernels before 4.x send
    /// no address family for the destination: it is then the service's.
    public static func destination(_ message: NetlinkMessage, serviceFamily: IPAddress.Family) throws(IPVSDecodeError) -> IPVSDestination {
        let nested = try nestedAttributes(message, command: IPVSConstants.IPVS_CMD_NEW_DEST, attribute: IPVSConstants.IPVS_CMD_ATTR_DEST, name: "IPVS_CMD_ATTR_DEST")
        func find(_ type: UInt16) -> RouteAttribute? { nested.first { $0.type == type } }
        func number(_ type: UInt16, _ name: String) throws(IPVSDecodeError) -> UInt32 {
            guard let value = find(type)?.uint32Value else { throw .missingAttribute(name) }
            return value
        }
        var family = serviceFamily
        if let af = find(IPVSConstants.IPVS_DEST_ATTR_ADDR_FAMILY)?.uint16Value { family = try addressFamily(af) }
        guard let field = find(IPVSConstants.IPVS_DEST_ATTR_ADDR), let address = address(field.value, family: family) else {
            throw .missingAttribute("IPVS_DEST_ATTR_ADDR")
        }
        guard let port = find(IPVSConstants.IPVS_DEST_ATTR_PORT)?.bigEndian16Value else { throw .missingAttribute("IPVS_DEST_ATTR_PORT") }
        let method = try number(IPVSConstants.IPVS_DEST_ATTR_FWD_METHOD, "IPVS_DEST_ATTR_FWD_METHOD")
        guard let forwarding = IPVSForwardingMethod(rawValue: method & 0x7) else { throw .unknownForwardingMethod(method) }
        var destination = IPVSDestination(
            address: address, port: port, forwarding: forwarding,
            weight: Int32(bitPattern: try number(IPVSConstants.IPVS_DEST_ATTR_WEIGHT, "IPVS_DEST_ATTR_WEIGHT")),
            upperThreshold: try number(IPVSConstants.IPVS_DEST_ATTR_U_THRESH, "IPVS_DEST_ATTR_U_THRESH"),
            lowerThreshold: try number(IPVSConstants.IPVS_DEST_ATTR_L_THRESH, "IPVS_DEST_ATTR_L_THRESH"))
        // Linux 5.2+ reports the tunnel settings of every destination (ipip, 0, none when not a tunnel).
        destination.tunnel = IPVSTunnel(
            type: find(IPVSConstants.IPVS_DEST_ATTR_TUN_TYPE)?.uint8Value.flatMap(IPVSTunnelType.init(rawValue:)) ?? .ipip,
            port: find(IPVSConstants.IPVS_DEST_ATTR_TUN_PORT)?.bigEndian16Value ?? 0,
            flags: IPVSTunnelFlags(rawValue: find(IPVSConstants.IPVS_DEST_ATTR_TUN_FLAGS)?.uint16Value ?? 0))
        destination.activeConnections = find(IPVSConstants.IPVS_DEST_ATTR_ACTIVE_CONNS)?.uint32Value ?? 0
        destination.inactiveConnections = find(IPVSConstants.IPVS_DEST_ATTR_INACT_CONNS)?.uint32Value ?? 0
        destination.persistentConnections = find(IPVSConstants.IPVS_DEST_ATTR_PERSIST_CONNS)?.uint32Value ?? 0
        return destination
    }

    /// The SET_INFO message that answers GET_INFO.
    public static func info(_ message: NetlinkMessage) throws(IPVSDecodeError) -> IPVSInfo {
        guard let reply = GenericNetlinkMessage(message), reply.command == IPVSConstants.IPVS_CMD_SET_INFO else {
            throw .unexpectedMessage(type: message.type, command: message.payload.first)
        }
        guard let version = reply.attribute(IPVSConstants.IPVS_INFO_ATTR_VERSION)?.uint32Value else { throw .missingAttribute("IPVS_INFO_ATTR_VERSION") }
        let size = reply.attribute(IPVSConstants.IPVS_INFO_ATTR_CONN_TAB_SIZE)?.uint32Value ?? 0
        return IPVSInfo(version: version, connectionTableSize: size)
    }

    /// The SET_CONFIG message that answers GET_CONFIG: the three connection timeouts.
    public static func timeouts(_ message: NetlinkMessage) throws(IPVSDecodeError) -> IPVSTimeouts {
        guard let reply = GenericNetlinkMessage(message), reply.command == IPVSConstants.IPVS_CMD_SET_CONFIG else {
            throw .unexpectedMessage(type: message.type, command: message.payload.first)
        }
        func value(_ type: UInt16) -> UInt32 { reply.attribute(type)?.uint32Value ?? 0 }
        return IPVSTimeouts(tcp: value(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_TCP), tcpFin: value(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_TCP_FIN),
                            udp: value(IPVSConstants.IPVS_CMD_ATTR_TIMEOUT_UDP))
    }

    static func nestedAttributes(_ message: NetlinkMessage, command: UInt8, attribute: UInt16, name: String) throws(IPVSDecodeError) -> [RouteAttribute] {
        guard let reply = GenericNetlinkMessage(message), reply.command == command else {
            throw .unexpectedMessage(type: message.type, command: message.payload.first)
        }
        guard let outer = reply.attribute(attribute) else { throw .missingAttribute(name) }
        return outer.children
    }

    static func addressFamily(_ value: UInt16) throws(IPVSDecodeError) -> IPAddress.Family {
        switch value {
        case UInt16(NetlinkConstants.AF_INET): return .inet
        case UInt16(NetlinkConstants.AF_INET6): return .inet6
        default: throw .unknownAddressFamily(value)
        }
    }

    static func address(_ field: [UInt8], family: IPAddress.Family) -> IPAddress? {
        let length = family == .inet ? 4 : 16
        guard field.count >= length else { return nil }
        return IPAddress(bytes: Array(field.prefix(length)))
    }
}
