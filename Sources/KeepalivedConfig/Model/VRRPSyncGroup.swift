/// keepalived.conf: vrrp_sync_group
public struct VRRPSyncGroup: Sendable { public init() {} }
