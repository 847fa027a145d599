/// keepalived.conf: vrrp_instance
public struct VRRPInstance: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
