/// A route line of static_routes or virtual_routes (keepalived's alloc_route), in the words of
/// `ip route`: `[TYPE] [to] DEST [inet|inet6] [src ADDR] [via|gw [inet|inet6] ADDR] [from PREFIX]
/// [dev|oif DEV] [table TABLE] [protocol PROTO] [scope SCOPE] [metric N] [tos DSFIELD] [realms R]
/// [onlink] [encap ...] [expires N] [pref low|medium|high|N] [ttl-propagate enabled|disabled]
/// [METRICS ...] [add|append|prepend] [no_track] [track_group G] [vrf VRF] [or ADDR] [nexthop ...]`
public struct Route: Sendable, Hashable {
    public var location: SourceLocation
    /// inet or inet6: given, or taken from the first address on the line; inet if none.
    public var family: IPAddress.Family = .inet
    /// keepalived.conf: [to] DEST | default | any | all | default6
    public var destination: RouteDestination = .any
    /// keepalived.conf: TYPE before the destination (unicast, local, blackhole, ... or a number)
    public var type: RouteType = .unicast
    /// keepalived.conf: src ADDR (the preferred source address)
    public var preferredSource: IPAddress?
    /// keepalived.conf: via ADDR (also the deprecated `gw`)
    public var gateway: IPAddress?
    /// keepalived.conf: from PREFIX (IPv6 source routing)
    public var sourcePrefix: RouteDestination?
    /// keepalived.conf: dev / oif DEV
    public var interface: String?
    /// keepalived.conf: table TABLE (rt_tables name or number); main (254) unless given, or the
    /// VRF's table with `vrf`.
    public var table: UInt32 = 254
    /// keepalived.conf: vrf VRF
    public var vrf: String?
    /// keepalived.conf: protocol PROTO. Tracked routes always get keepalived's own (18).
    public var routeProtocol: UInt8?
    /// keepalived.conf: scope SCOPE; nil means universe (0) not given explicitly.
    public var scope: UInt8?
    /// keepalived.conf: metric / priority / preference N
    public var metric: UInt32?
    /// keepalived.conf: tos / dsfield DSFIELD
    public var tos: UInt8?
    /// keepalived.conf: realms [FROM/]TO (FROM in the high 16 bits)
    public var realms: UInt32?
    /// keepalived.conf: onlink
    public var onLink = false
    /// keepalived.conf: encap ip|ip6|mpls|ila ...
    public var encap: RouteEncap?
    /// keepalived.conf: expires SECONDS (IPv6 only)
    public var expires: UInt32?
    /// keepalived.conf: pref low|medium|high|N (IPv6 router preference: low 3, medium 0, high 1)
    public var preference: UInt8?
    /// keepalived.conf: ttl-propagate enabled|disabled
    public var ttlPropagate: Bool?
    /// keepalived.conf: mtu, advmss, rtt, ... (the RTA_METRICS of the route)
    public var metrics = RouteMetrics()
    /// keepalived.conf: add | append | prepend
    public var installMode: InstallMode = .prepend
    /// keepalived.conf: nexthop ... (also the deprecated `or ADDR`)
    public var nexthops: [RouteNexthop] = []
    /// keepalived.conf: no_track (also set when a route has no dev to track)
    public var noTrack = false
    /// keepalived.conf: track_group GROUP (static_routes only)
    public var trackGroup: String?

    public init(location: SourceLocation) { self.location = location }

    /// How the route is handed to the kernel: keepalived's default is the kernel's (prepend).
    public enum InstallMode: Sendable, Hashable { case prepend, add, append }

    /// RTPROT_KEEPALIVED
    public static let keepalivedProtocol: UInt8 = 18
}

/// A route or rule prefix: `default`/`any`/`all` (every address of the family) or ADDR[/PREFIX].
public enum RouteDestination: Sendable, Hashable, CustomStringConvertible {
    case any
    case prefix(IPPrefix)

    public var description: String {
        switch self {
        case .any: "default"
        case let .prefix(prefix): prefix.description
        }
    }
}

/// A route type (rtm_type): a name from keepalived's list or any number 0-255.
public struct RouteType: RawRepresentable, Sendable, Hashable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unicast = RouteType(rawValue: 1)
    public static let local = RouteType(rawValue: 2)
    public static let broadcast = RouteType(rawValue: 3)
    public static let anycast = RouteType(rawValue: 4)
    public static let multicast = RouteType(rawValue: 5)
    public static let blackhole = RouteType(rawValue: 6)
    public static let unreachable = RouteType(rawValue: 7)
    public static let prohibit = RouteType(rawValue: 8)
    public static let `throw` = RouteType(rawValue: 9)
    public static let nat = RouteType(rawValue: 10)
    public static let xresolve = RouteType(rawValue: 11)

    /// keepalived's rtntypes table (find_rttables_rtntype), `brd` included.
    static let names: [String: RouteType] = [
        "local": .local, "nat": .nat, "broadcast": .broadcast, "brd": .broadcast, "anycast": .anycast,
        "multicast": .multicast, "prohibit": .prohibit, "unreachable": .unreachable, "blackhole": .blackhole,
        "xresolve": .xresolve, "unicast": .unicast, "throw": .throw,
    ]

    /// A type name, or a number 0-255 (strtoul base 0).
    init?(name: String) {
        if let type = Self.names[name] { self = type; return }
        let parsed = NumberText.strtoul(name, radix: 0)
        guard parsed.rest.isEmpty, name.first != "-", !parsed.overflow, parsed.value <= 255 else { return nil }
        self.init(rawValue: UInt8(parsed.value))
    }
}
