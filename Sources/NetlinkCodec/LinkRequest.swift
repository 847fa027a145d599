/// RTM_NEWLINK / RTM_DELLINK requests (struct ifinfomsg + attributes) for keepalived's VMACs: a
/// private-mode macvlan carrying the VRRP virtual MAC on top of the instance's interface.
public enum LinkRequest {
    static let IFLA_LINK: UInt16 = 5
    static let IFLA_LINKINFO: UInt16 = 18
    static let IFLA_INFO_KIND: UInt16 = 1
    static let IFLA_INFO_DATA: UInt16 = 2
    static let IFLA_MACVLAN_MODE: UInt16 = 1
    static let MACVLAN_MODE_PRIVATE: UInt32 = 1
    static let IFLA_AF_SPEC: UInt16 = 26
    static let IFLA_INET6_ADDR_GEN_MODE: UInt16 = 8
    static let IN6_ADDR_GEN_MODE_NONE: UInt8 = 1

    /// ifinfomsg: family, pad, type, index, flags, change.
    static func header(index: Int32 = 0, flags: UInt32 = 0, change: UInt32 = 0) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0, 0]
        bytes.appendHost(UInt32(bitPattern: index))
        bytes.appendHost(flags)
        bytes.appendHost(change)
        return bytes
    }

    static func nested(_ type: UInt16, _ children: [RouteAttribute]) -> RouteAttribute {
        RouteAttribute(type: type, value: children.flatMap { $0.encoded() })
    }

    /// Creates `name`, a private macvlan on `base` with `mac` (NLM_F_CREATE | NLM_F_EXCL).
    public static func createMACVLAN(name: String, base: UInt32, mac: [UInt8], sequence: UInt32) -> NetlinkMessage {
        var payload = header()
        payload += RouteAttribute.uint32(IFLA_LINK, base).encoded()
        payload += RouteAttribute.string(NetlinkConstants.IFLA_IFNAME, name).encoded()
        payload += RouteAttribute(type: NetlinkConstants.IFLA_ADDRESS, value: mac).encoded()
        payload += nested(IFLA_LINKINFO, [
            RouteAttribute(type: IFLA_INFO_KIND, value: Array("macvlan".utf8)),
            nested(IFLA_INFO_DATA, [RouteAttribute.uint32(IFLA_MACVLAN_MODE, MACVLAN_MODE_PRIVATE)]),
        ]).encoded()
        let flags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL
        return NetlinkMessage(type: NetlinkConstants.RTM_NEWLINK, flags: flags, sequence: sequence, payload: payload)
    }

    /// No automatic IPv6 link-local address on the interface (RFC 5798 §7.4: the VMAC must not source one).
    public static func disableAddressGeneration(index: UInt32, sequence: UInt32) -> NetlinkMessage {
        var payload = header(index: Int32(bitPattern: index))
        payload += nested(IFLA_AF_SPEC, [nested(UInt16(NetlinkConstants.AF_INET6), [RouteAttribute(type: IFLA_INET6_ADDR_GEN_MODE, value: [IN6_ADDR_GEN_MODE_NONE])])]).encoded()
        return NetlinkMessage(type: NetlinkConstants.RTM_NEWLINK, flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK,
                              sequence: sequence, payload: payload)
    }

    /// Sets the interface up (or down).
    public static func setUp(index: UInt32, _ up: Bool = true, sequence: UInt32) -> NetlinkMessage {
        let payload = header(index: Int32(bitPattern: index), flags: up ? NetlinkConstants.IFF_UP : 0, change: NetlinkConstants.IFF_UP)
        return NetlinkMessage(type: NetlinkConstants.RTM_NEWLINK, flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK,
                              sequence: sequence, payload: payload)
    }

    /// Deletes the interface.
    public static func delete(index: UInt32, sequence: UInt32) -> NetlinkMessage {
        NetlinkMessage(type: NetlinkConstants.RTM_DELLINK, flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK,
                       sequence: sequence, payload: header(index: Int32(bitPattern: index)))
    }
}
