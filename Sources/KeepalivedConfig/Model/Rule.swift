/// A rule line of static_rules or virtual_rules (keepalived's alloc_rule), in the words of
/// `ip rule`: `[inet|inet6] [not] [from PREFIX] [to PREFIX] [preference N] [tos DSFIELD]
/// [fwmark MARK[/MASK]] [dev|iif DEV] [oif DEV] [uidrange A-B] [ipproto P] [sport A[-B]]
/// [dport A[-B]] [tunnel-id N] [protocol N] [realms R] [suppress_prefixlength N]
/// [suppress_ifgroup G] ACTION [no_track] [track_group G]`, ACTION being `table|lookup TABLE`,
/// `goto N`, `nop`, `l3mdev`, or `[type] blackhole|prohibit|unreachable`.
public struct Rule: Sendable, Hashable {
    public var location: SourceLocation
    /// inet or inet6: given, or taken from the addresses; inet if none.
    public var family: IPAddress.Family = .inet
    /// keepalived.conf: not
    public var invert = false
    /// keepalived.conf: from PREFIX
    public var from: RouteDestination?
    /// keepalived.conf: to PREFIX
    public var to: RouteDestination?
    /// keepalived.conf: preference / order / priority N. keepalived numbers rules without one
    /// downwards from 16384, separately for IPv4 and IPv6, and says so.
    public var priority: UInt32 = 0
    /// Whether the preference was written in the rule.
    public var priorityGiven = false
    /// keepalived.conf: tos / dsfield DSFIELD
    public var tos: UInt8?
    /// keepalived.conf: fwmark MARK[/MASK]
    public var fwmark: UInt32?
    public var fwmask: UInt32?
    /// keepalived.conf: dev / iif DEV
    public var inputInterface: String?
    /// keepalived.conf: oif DEV
    public var outputInterface: String?
    /// keepalived.conf: realms [FROM/]TO
    public var realms: UInt32?
    /// keepalived.conf: suppress_prefixlength / sup_pl N
    public var suppressPrefixLength: Int32?
    /// keepalived.conf: suppress_ifgroup / sup_group GROUP
    public var suppressInterfaceGroup: UInt32?
    /// keepalived.conf: tunnel-id N
    public var tunnelID: UInt64?
    /// keepalived.conf: uidrange START-END
    public var uidRange: ClosedRange<UInt32>?
    /// keepalived.conf: protocol N. Tracked rules always get keepalived's own (18).
    public var ruleProtocol: UInt8?
    /// keepalived.conf: ipproto NAME|N
    public var ipProtocol: UInt8?
    /// keepalived.conf: sport START[-END]
    public var sourcePorts: ClosedRange<UInt16>?
    /// keepalived.conf: dport START[-END]
    public var destinationPorts: ClosedRange<UInt16>?
    /// The rule's action.
    public var action: Action = .table(254)
    /// keepalived.conf: no_track
    public var noTrack = false
    /// keepalived.conf: track_group GROUP (static_rules only)
    public var trackGroup: String?

    public init(location: SourceLocation) { self.location = location }

    /// What a matching packet does (FR_ACT_*).
    public enum Action: Sendable, Hashable {
        /// table / lookup TABLE
        case table(UInt32)
        /// l3mdev: the table of the packet's L3 master device
        case l3mdev
        /// goto PREFERENCE
        case goto(UInt32)
        case nop
        case blackhole
        case unreachable
        case prohibit
    }

    /// RULE_START_PRIORITY
    public static let firstAutomaticPriority: UInt32 = 16384
}
