/// keepalived.conf: virtual_server
public struct VirtualServer: Sendable { public init() {} }
/// keepalived.conf: virtual_server_group
public struct VirtualServerGroup: Sendable { public init() {} }
/// keepalived.conf: SSL
public struct SSLSettings: Sendable { public init() {} }
