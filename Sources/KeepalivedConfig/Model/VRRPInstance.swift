/// keepalived.conf: vrrp_instance
public struct VRRPInstance: Sendable { public init() {} }
