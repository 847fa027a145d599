/// RTM_NEWROUTE / RTM_DELROUTE requests (struct rtmsg + attributes), laid out as keepalived 2.2.7
/// lays them out (its attribute order, RTA_METRICS and RTA_MULTIPATH last).
public struct RouteRequest: Sendable, Hashable {
    /// What the request does; an add says how it meets routes already there.
    public enum Operation: Sendable, Hashable {
        /// NLM_F_CREATE: before any route with the same key (`ip route prepend`, keepalived's default).
        case prepend
        /// NLM_F_CREATE | NLM_F_EXCL: fails if the route exists (`ip route add`).
        case add
        /// NLM_F_CREATE | NLM_F_APPEND: after routes with the same key (`ip route append`).
        case append
        /// NLM_F_CREATE | NLM_F_REPLACE (`ip route replace`).
        case replace
        case delete
    }

    /// One `nexthop` of RTA_MULTIPATH (struct rtnexthop + its attributes).
    public struct Nexthop: Sendable, Hashable {
        /// 4 or 16 bytes; RTA_GATEWAY in the route's family, RTA_VIA otherwise.
        public var gateway: [UInt8]?
        public var interfaceIndex: UInt32 = 0
        /// rtnh_hops: the weight minus one.
        public var hops: UInt8 = 0
        /// RTNH_F_* (RTNH_F_ONLINK).
        public var flags: UInt8 = 0
        /// RTA_FLOW
        public var realms: UInt32?
        /// RTA_ENCAP / RTA_ENCAP_TYPE (after RTA_FLOW, as keepalived writes them)
        public var encap: RouteEncapsulation?
        public init(gateway: [UInt8]? = nil) { self.gateway = gateway }
    }

    public var operation: Operation
    /// AF_INET or AF_INET6.
    public var family: UInt8
    /// RTA_DST and rtm_dst_len: 4 or 16 bytes (zeros for a default route).
    public var destination: [UInt8]?
    public var destinationLength: UInt8 = 0
    /// RTA_SRC and rtm_src_len (`from PREFIX`).
    public var source: [UInt8]?
    public var sourceLength: UInt8 = 0
    /// RTA_PREFSRC (`src ADDR`).
    public var preferredSource: [UInt8]?
    /// RTA_GATEWAY (`via`), or RTA_VIA when its family differs from the route's.
    public var gateway: [UInt8]?
    /// RTA_OIF
    public var outputInterface: UInt32?
    /// rtm_table, or RTA_TABLE (with rtm_table RT_TABLE_UNSPEC) past 255.
    public var table: UInt32 = UInt32(NetlinkConstants.RT_TABLE_MAIN)
    /// rtm_protocol (keepalived: RTPROT_KEEPALIVED unless configured).
    public var routeProtocol: UInt8 = RouteRequest.keepalivedProtocol
    /// rtm_scope; nil: universe for an add, nowhere for a delete.
    public var scope: UInt8?
    /// rtm_type; nil: unicast for an add, any (0) for a delete.
    public var type: UInt8?
    /// rtm_tos
    public var tos: UInt8 = 0
    /// rtm_flags (RTNH_F_ONLINK)
    public var flags: UInt32 = 0
    /// RTA_PRIORITY (`metric`)
    public var metric: UInt32?
    /// RTA_FLOW (`realms`)
    public var realms: UInt32?
    /// RTA_EXPIRES (seconds)
    public var expires: UInt32?
    /// RTA_PREF (IPv6 router preference)
    public var preference: UInt8?
    /// RTA_TTL_PROPAGATE
    public var ttlPropagate: UInt8?
    /// RTA_METRICS entries (RTAX_*, value), in the order they are to be sent; RTAX_LOCK goes last.
    public var metrics: [Metric] = []
    /// RTAX_CC_ALGO (`congctl`), sent first within RTA_METRICS.
    public var congestionControl: String?
    /// RTAX_LOCK: 1 << RTAX_* for each locked metric.
    public var lockedMetrics: UInt32 = 0
    /// RTA_MULTIPATH
    public var nexthops: [Nexthop] = []
    /// RTA_ENCAP / RTA_ENCAP_TYPE (after the gateway, before RTA_OIF, as keepalived writes them)
    public var encap: RouteEncapsulation?

    /// RTPROT_KEEPALIVED: the protocol keepalived gives its routes (and watches them by).
    public static let keepalivedProtocol: UInt8 = 18

    public init(operation: Operation, family: UInt8) {
        self.operation = operation
        self.family = family
    }

    /// One RTA_METRICS entry: an RTAX_* number and its 32-bit value.
    public struct Metric: Sendable, Hashable {
        public var type: UInt16
        public var value: UInt32
        public init(_ type: UInt16, _ value: UInt32) { self.type = type; self.value = value }
    }

    public func message(sequence: UInt32) -> NetlinkMessage {
        let isDelete = operation == .delete
        var header: [UInt8] = [
            family, destination == nil ? 0 : destinationLength, source == nil ? 0 : sourceLength, tos,
            table < 256 ? UInt8(table) : NetlinkConstants.RT_TABLE_UNSPEC, routeProtocol,
            scope ?? (isDelete ? NetlinkConstants.RT_SCOPE_NOWHERE : NetlinkConstants.RT_SCOPE_UNIVERSE),
            type ?? (isDelete ? 0 : 1),
        ]
        header.appendHost(flags)
        var attributes: [RouteAttribute] = []
        if table >= 256 { attributes.append(.uint32(NetlinkConstants.RTA_TABLE, table)) }
        if let destination { attributes.append(RouteAttribute(type: NetlinkConstants.RTA_DST, value: destination)) }
        if let source { attributes.append(RouteAttribute(type: NetlinkConstants.RTA_SRC, value: source)) }
        if let preferredSource { attributes.append(RouteAttribute(type: NetlinkConstants.RTA_PREFSRC, value: preferredSource)) }
        if let gateway { attributes.append(Self.gatewayAttribute(gateway, routeFamily: family)) }
        if let encap { attributes += encap.attributes }
        if let outputInterface { attributes.append(.uint32(NetlinkConstants.RTA_OIF, outputInterface)) }
        if let metric { attributes.append(.uint32(NetlinkConstants.RTA_PRIORITY, metric)) }
        if let realms { attributes.append(.uint32(NetlinkConstants.RTA_FLOW, realms)) }
        if let expires { attributes.append(.uint32(NetlinkConstants.RTA_EXPIRES, expires)) }
        if let preference { attributes.append(.uint8(NetlinkConstants.RTA_PREF, preference)) }
        if let ttlPropagate { attributes.append(.uint8(NetlinkConstants.RTA_TTL_PROPAGATE, ttlPropagate)) }
        var metricAttributes: [RouteAttribute] = []
        if let congestionControl { metricAttributes.append(RouteAttribute(type: NetlinkConstants.RTAX_CC_ALGO, value: Array(congestionControl.utf8))) }
        metricAttributes += metrics.map { RouteAttribute.uint32($0.type, $0.value) }
        if !metricAttributes.isEmpty {
            if lockedMetrics != 0 { metricAttributes.append(.uint32(NetlinkConstants.RTAX_LOCK, lockedMetrics)) }
            attributes.append(RouteAttribute(type: NetlinkConstants.RTA_METRICS, value: metricAttributes.flatMap { $0.encoded() }))
        }
        if !nexthops.isEmpty {
            attributes.append(RouteAttribute(type: NetlinkConstants.RTA_MULTIPATH, value: nexthops.flatMap { encoded($0) }))
        }
        let flags: UInt16 = switch operation {
        case .prepend: NetlinkConstants.NLM_F_CREATE
        case .add: NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL
        case .append: NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_APPEND
        case .replace: NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_REPLACE
        case .delete: 0
        }
        return NetlinkMessage(
            type: isDelete ? NetlinkConstants.RTM_DELROUTE : NetlinkConstants.RTM_NEWROUTE,
            flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | flags, sequence: sequence,
            payload: header + attributes.flatMap { $0.encoded() })
    }

    /// struct rtnexthop (length, flags, hops, ifindex) followed by its attributes.
    private func encoded(_ nexthop: Nexthop) -> [UInt8] {
        var attributes: [RouteAttribute] = []
        if let gateway = nexthop.gateway { attributes.append(Self.gatewayAttribute(gateway, routeFamily: family)) }
        if let realms = nexthop.realms { attributes.append(.uint32(NetlinkConstants.RTA_FLOW, realms)) }
        if let encap = nexthop.encap { attributes += encap.attributes }
        let body = attributes.flatMap { $0.encoded() }
        var bytes: [UInt8] = []
        bytes.appendHost(UInt16(8 + body.count))
        bytes += [nexthop.flags, nexthop.hops]
        bytes.appendHost(nexthop.interfaceIndex)
        return bytes + body
    }

    /// RTA_GATEWAY in the route's own family; RTA_VIA (struct rtvia: family, address) otherwise.
    private static func gatewayAttribute(_ gateway: [UInt8], routeFamily: UInt8) -> RouteAttribute {
        let gatewayFamily = gateway.count == 4 ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6
        if gatewayFamily == routeFamily { return RouteAttribute(type: NetlinkConstants.RTA_GATEWAY, value: gateway) }
        var value: [UInt8] = []
        value.appendHost(UInt16(gatewayFamily))
        return RouteAttribute(type: NetlinkConstants.RTA_VIA, value: value + gateway)
    }
}
