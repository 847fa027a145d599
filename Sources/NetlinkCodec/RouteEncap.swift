/// A route's lightweight-tunnel encapsulation (RTA_ENCAP, RTA_ENCAP_TYPE), laid out as keepalived
/// 2.2.7's add_encap writes it.
public enum RouteEncapsulation: Sendable, Hashable {
    /// LWTUNNEL_ENCAP_IP
    case ip(Tunnel)
    /// LWTUNNEL_ENCAP_IP6 (`tos` is the traffic class, `ttl` the hop limit)
    case ip6(Tunnel)
    /// LWTUNNEL_ENCAP_MPLS: the label stack, outermost first.
    case mpls(labels: [UInt32])
    /// LWTUNNEL_ENCAP_ILA
    case ila(locator: UInt64)

    public struct Tunnel: Sendable, Hashable {
        public var id: UInt64?
        public var destination: [UInt8]?
        public var source: [UInt8]?
        public var tos: UInt8?
        public var ttl: UInt8?
        public var flags: UInt16?
        public init() {}
    }

    /// RTA_ENCAP (nested) then RTA_ENCAP_TYPE.
    var attributes: [RouteAttribute] {
        let type: UInt16
        var nested: [RouteAttribute] = []
        switch self {
        case let .ip(tunnel), let .ip6(tunnel):
            type = if case .ip = self { 2 } else { 4 }
            // LWTUNNEL_IP(6)_ID (big-endian), _DST, _SRC, then TOS/TC (5) before TTL/HOPLIMIT (4), _FLAGS.
            if let id = tunnel.id { nested.append(RouteAttribute(type: 1, value: withUnsafeBytes(of: id.bigEndian) { Array($0) })) }
            if let destination = tunnel.destination { nested.append(RouteAttribute(type: 2, value: destination)) }
            if let source = tunnel.source { nested.append(RouteAttribute(type: 3, value: source)) }
            if let tos = tunnel.tos { nested.append(.uint8(5, tos)) }
            if let ttl = tunnel.ttl { nested.append(.uint8(4, ttl)) }
            if let flags = tunnel.flags {
                var value: [UInt8] = []
                value.appendHost(flags)
                nested.append(RouteAttribute(type: 6, value: value))
            }
        case let .mpls(labels):
            type = 1
            // MPLS_IPTUNNEL_DST: label entries (label << 12, bottom of stack on the last), big-endian.
            let entries = labels.enumerated().map { index, label in
                (label << 12 | (index == labels.count - 1 ? 0x100 : 0)).bigEndian
            }
            nested.append(RouteAttribute(type: 1, value: entries.flatMap { entry in withUnsafeBytes(of: entry) { Array($0) } }))
        case let .ila(locator):
            type = 3
            var value: [UInt8] = []
            value.appendHost(locator)
            nested.append(RouteAttribute(type: 1, value: value))
        }
        var typeValue: [UInt8] = []
        typeValue.appendHost(type)
        return [RouteAttribute(type: NetlinkConstants.RTA_ENCAP, value: nested.flatMap { $0.encoded() }),
                RouteAttribute(type: NetlinkConstants.RTA_ENCAP_TYPE, value: typeValue)]
    }
}
