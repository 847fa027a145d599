/// One `nexthop` of a multipath route (keepalived's parse_nexthops).
public struct RouteNexthop: Sendable, Hashable {
    /// keepalived.conf: nexthop via [inet|inet6] ADDR
    public var gateway: IPAddress?
    /// keepalived.conf: nexthop dev DEV
    public var interface: String?
    /// keepalived.conf: nexthop weight 1-256
    public var weight: Int?
    /// keepalived.conf: nexthop onlink
    public var onLink = false
    /// keepalived.conf: nexthop encap ...
    public var encap: RouteEncap?
    /// keepalived.conf: nexthop realms [FROM/]TO
    public var realms: UInt32?

    public init(gateway: IPAddress? = nil) { self.gateway = gateway }
}

/// Lightweight tunnel encapsulation of a route or nexthop (keepalived.conf: encap TYPE ...).
public enum RouteEncap: Sendable, Hashable {
    /// encap ip [id N] [dst ADDR] [src ADDR] [tos DSFIELD] [ttl N] [flags N]
    case ip(IPTunnel)
    /// encap ip6 [id N] [dst ADDR] [src ADDR] [tc DSFIELD] [hoplimit N] [flags N]
    case ip6(IPTunnel)
    /// encap mpls LABEL[/LABEL...]
    case mpls(labels: [UInt32])
    /// encap ila LOCATOR (four 16-bit hex groups)
    case ila(locator: UInt64)

    /// The ip/ip6 tunnel parameters; for ip6, `tos` is the traffic class and `ttl` the hop limit.
    public struct IPTunnel: Sendable, Hashable {
        public var id: UInt64?
        public var destination: IPAddress?
        public var source: IPAddress?
        public var tos: UInt8?
        public var ttl: UInt8?
        public var flags: UInt16?
        public init() {}
    }
}
