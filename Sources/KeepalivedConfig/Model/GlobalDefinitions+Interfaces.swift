/// keepalived.conf: one line of linkbeat_interfaces.
public struct LinkbeatInterface: Sendable, Hashable {
    /// How the link state is polled.
    public enum Method: String, Sendable, Hashable { case `default`, mii = "MII", ethtool = "ETHTOOL", ioctl = "IOCTL" }
    public var interface: String
    public var method: Method
    public var location: SourceLocation
}

/// keepalived.conf: one line of interface_up_down_delays (delays in microseconds).
public struct InterfaceUpDownDelay: Sendable, Hashable {
    public var interface: String
    /// Time the link must stay down before keepalived acts, µs.
    public var downDelay: UInt64
    /// Time the link must stay up before keepalived acts, µs (0 when not given).
    public var upDelay: UInt64
    public var location: SourceLocation
}
