import KeepalivedConfig
import NetlinkCodec
import NetworkTypes

/// The rtnetlink requests keepalived 2.2.7 sends for a configured route, rule or static address;
/// interface names are resolved to indices by the caller's `index` at the time of sending.
extension Route {
    func request(delete: Bool, index: (String) -> UInt32?) -> RouteRequest {
        let familyCode = family == .inet ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6
        // keepalived 2.2.7: IPROUTE_BIT_ADD expands to the same bit as IPROUTE_BIT_TYPE, so a route
        // written with a type (blackhole, unreachable, ...) is added exclusively, and deleted with
        // its type, unless `append` (or `prepend`) came after it and cleared that bit.
        let typeBit = installMode == .add || (installMode == .prepend && type != .unicast)
        var request = RouteRequest(
            operation: delete ? .delete : installMode == .append ? .append : typeBit ? .add : .prepend, family: familyCode)
        if !delete || typeBit { request.type = type.rawValue }
        switch destination {
        case .any:
            request.destination = Array(repeating: 0, count: family == .inet ? 4 : 16)
        case let .prefix(prefix):
            request.destination = prefix.address.bytes
            request.destinationLength = UInt8(prefix.length)
        }
        if case let .prefix(prefix)? = sourcePrefix {
            request.source = prefix.address.bytes
            request.sourceLength = UInt8(prefix.length)
        }
        request.preferredSource = preferredSource?.bytes
        request.gateway = gateway?.bytes
        request.encap = encap?.netlink
        request.outputInterface = interface.flatMap(index)
        request.table = table
        request.routeProtocol = routeProtocol ?? Route.keepalivedProtocol
        request.scope = scope
        request.tos = tos ?? 0
        request.flags = onLink ? NetlinkConstants.RTNH_F_ONLINK : 0
        request.metric = metric
        request.realms = realms
        request.expires = expires
        request.preference = preference
        request.ttlPropagate = ttlPropagate.map { $0 ? 1 : 0 }
        (request.congestionControl, request.metrics, request.lockedMetrics) = metrics.netlink
        request.nexthops = nexthops.map { nexthop in
            var encoded = RouteRequest.Nexthop(gateway: nexthop.gateway?.bytes)
            encoded.interfaceIndex = nexthop.interface.flatMap(index) ?? 0
            encoded.hops = nexthop.weight.map { UInt8(truncatingIfNeeded: $0 - 1) } ?? 0
            encoded.flags = nexthop.onLink ? UInt8(NetlinkConstants.RTNH_F_ONLINK) : 0
            encoded.realms = nexthop.realms
            encoded.encap = nexthop.encap?.netlink
            return encoded
        }
        return request
    }
}

extension RouteEncap {
    /// encap ip|ip6|mpls|ila ... as RTA_ENCAP carries it.
    var netlink: RouteEncapsulation {
        switch self {
        case let .ip(tunnel): .ip(tunnel.netlink)
        case let .ip6(tunnel): .ip6(tunnel.netlink)
        case let .mpls(labels): .mpls(labels: labels)
        case let .ila(locator): .ila(locator: locator)
        }
    }
}

extension RouteEncap.IPTunnel {
    var netlink: RouteEncapsulation.Tunnel {
        var tunnel = RouteEncapsulation.Tunnel()
        tunnel.id = id
        tunnel.destination = destination?.bytes
        tunnel.source = source?.bytes
        tunnel.tos = tos
        tunnel.ttl = ttl
        tunnel.flags = flags
        return tunnel
    }
}

extension RouteMetrics {
    /// RTAX_CC_ALGO, the other RTA_METRICS entries in keepalived's order, and the RTAX_LOCK bits.
    var netlink: (String?, [RouteRequest.Metric], UInt32) {
        typealias C = NetlinkConstants
        let values: [(UInt16, UInt32?)] = [
            (C.RTAX_RTT, rtt), (C.RTAX_RTTVAR, rttvar), (C.RTAX_RTO_MIN, rtoMin), (C.RTAX_FEATURES, ecn ? 1 : nil),
            (C.RTAX_MTU, mtu), (C.RTAX_WINDOW, window), (C.RTAX_SSTHRESH, ssthresh), (C.RTAX_CWND, cwnd), (C.RTAX_ADVMSS, advmss),
            (C.RTAX_REORDERING, reordering), (C.RTAX_HOPLIMIT, hopLimit.map(UInt32.init)), (C.RTAX_INITCWND, initcwnd),
            (C.RTAX_INITRWND, initrwnd), (C.RTAX_QUICKACK, quickAck.map { $0 ? 1 : 0 }),
            (C.RTAX_FASTOPEN_NO_COOKIE, fastOpenNoCookie.map { $0 ? 1 : 0 }),
        ]
        let lockBits: [Lockable: UInt16] = [
            .mtu: C.RTAX_MTU, .advmss: C.RTAX_ADVMSS, .rtt: C.RTAX_RTT, .rttvar: C.RTAX_RTTVAR, .reordering: C.RTAX_REORDERING,
            .cwnd: C.RTAX_CWND, .ssthresh: C.RTAX_SSTHRESH, .rtoMin: C.RTAX_RTO_MIN, .congctl: C.RTAX_CC_ALGO,
        ]
        let lock = locked.reduce(UInt32(0)) { $0 | (1 << UInt32(lockBits[$1]!)) }
        return (congestionControl, values.compactMap { type, value in value.map { RouteRequest.Metric(type, $0) } }, lock)
    }
}

extension Rule {
    func request(delete: Bool) -> RuleRequest {
        var request = RuleRequest(operation: delete ? .delete : .add, family: family == .inet ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6)
        switch action {
        case let .table(table): request.table = table
        case .l3mdev: request.l3mdev = true
        case let .goto(target): request.action = .goto; request.gotoTarget = target
        case .nop: request.action = .nop
        case .blackhole: request.action = .blackhole
        case .unreachable: request.action = .unreachable
        case .prohibit: request.action = .prohibit
        }
        request.invert = invert
        request.tos = tos ?? 0
        (request.source, request.sourceLength) = Self.netlink(from, family: family)
        (request.destination, request.destinationLength) = Self.netlink(to, family: family)
        request.priority = priority
        request.fwmark = fwmark
        request.fwmask = fwmask
        request.realms = realms
        request.suppressPrefixLength = suppressPrefixLength
        request.suppressInterfaceGroup = suppressInterfaceGroup
        request.inputInterface = inputInterface
        request.outputInterface = outputInterface
        request.tunnelID = tunnelID
        request.uidRange = uidRange
        request.ruleProtocol = ruleProtocol
        request.ipProtocol = ipProtocol
        request.sourcePorts = sourcePorts
        request.destinationPorts = destinationPorts
        return request
    }

    /// `all`/`default` is the family's zero address with length 0, as keepalived sends it.
    private static func netlink(_ prefix: RouteDestination?, family: IPAddress.Family) -> ([UInt8]?, UInt8) {
        switch prefix {
        case nil: (nil, 0)
        case .any?: (Array(repeating: 0, count: family == .inet ? 4 : 16), 0)
        case let .prefix(prefix)?: (prefix.address.bytes, UInt8(prefix.length))
        }
    }
}

extension KeepalivedConfig.VirtualAddress {
    /// A static_ipaddress line as keepalived adds or deletes it.
    func request(delete: Bool, interfaceIndex: UInt32) -> AddressRequest {
        var request = AddressRequest(
            operation: delete ? .delete : .add, interfaceIndex: interfaceIndex, address: prefix.address.bytes, prefixLength: UInt8(prefix.length))
        request.scope = scope
        guard !delete else { return request }
        request.broadcast = broadcastAddress?.bytes
        request.label = label
        if home { request.flags |= 0x10 }
        if manageTemporaryAddresses { request.flags |= 0x100 }
        if noPrefixRoute { request.flags |= 0x200 }
        if autoJoin { request.flags |= 0x400 }
        if prefix.address.family == .inet6 {
            // keepalived: IPv6 addresses skip DAD unless `-nodad` (which asks for DAD) is given.
            if !duplicateAddressDetection { request.flags |= 0x02 }
            if let lifetime = preferredLifetime, lifetime != Self.foreverLifetime { request.preferredLifetime = lifetime }
        }
        return request
    }
}
