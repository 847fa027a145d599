/// keepalived.conf: track_group
public struct TrackGroup: Sendable { public init() {} }
/// keepalived.conf: track_file
public struct TrackFile: Sendable { public init() {} }
/// keepalived.conf: vrrp_script
public struct VRRPScript: Sendable { public init() {} }
/// keepalived.conf: vrrp_track_process
public struct TrackProcess: Sendable { public init() {} }
/// keepalived.conf: bfd_instance
public struct BFDInstance: Sendable { public init() {} }
/// keepalived.conf: garp_group
public struct GARPGroup: Sendable { public init() {} }
