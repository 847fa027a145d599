/// An address line of static_ipaddress, virtual_ipaddress or virtual_ipaddress_excluded.
public struct VirtualAddress: Sendable {
    /// ADDR[/PREFIX]
    public var prefix: IPPrefix
    public var location: SourceLocation
    public init(prefix: IPPrefix, location: SourceLocation) { self.prefix = prefix; self.location = location }
}
