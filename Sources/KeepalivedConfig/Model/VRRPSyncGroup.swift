/// keepalived.conf: vrrp_sync_group
public struct VRRPSyncGroup: Sendable {
    public var name: String
    /// keepalived.conf: group { INSTANCE ... } (names as written; resolved by VRRP validation)
    public var members: [Token] = []
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
