/// keepalived.conf: track_group
public struct TrackGroup: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
/// keepalived.conf: track_file
public struct TrackFile: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
/// keepalived.conf: vrrp_script
public struct VRRPScript: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
/// keepalived.conf: vrrp_track_process
public struct TrackProcess: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
/// keepalived.conf: bfd_instance
public struct BFDInstance: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
/// keepalived.conf: garp_group
public struct GARPGroup: Sendable {
    public var location: SourceLocation
    public init(location: SourceLocation) { self.location = location }
}
