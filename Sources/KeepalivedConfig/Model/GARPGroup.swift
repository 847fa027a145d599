/// keepalived.conf: garp_group { ... } — gratuitous ARP / unsolicited NA pacing shared by a
/// set of interfaces.
public struct GARPGroup: Sendable {
    public var location: SourceLocation
    /// keepalived.conf: garp_interval SECONDS (decimal), in microseconds.
    public var garpInterval: UInt64?
    /// keepalived.conf: gna_interval SECONDS (decimal), in microseconds.
    public var gnaInterval: UInt64?
    /// keepalived.conf: interface NAME and interfaces { NAME ... }
    public var interfaces: [String] = []
    /// The aggregation group number keepalived gives an `interfaces` block (0: none).
    public var aggregationGroup = 0

    public init(location: SourceLocation) { self.location = location }
}
