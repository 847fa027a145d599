/// The RTA_METRICS values of a route line, each with its `lock` where `ip route` allows one.
public struct RouteMetrics: Sendable, Hashable {
    /// keepalived.conf: mtu [lock] N
    public var mtu: UInt32?
    /// keepalived.conf: hoplimit N
    public var hopLimit: UInt8?
    /// keepalived.conf: advmss [lock] N
    public var advmss: UInt32?
    /// keepalived.conf: rtt [lock] TIME, in 1/8 ms (a bare number is already in those units;
    /// `Ns`/`Nms` are converted). Clamped to 0.2-120 s as keepalived does.
    public var rtt: UInt32?
    /// keepalived.conf: rttvar [lock] TIME, in 1/4 ms.
    public var rttvar: UInt32?
    /// keepalived.conf: reordering [lock] N
    public var reordering: UInt32?
    /// keepalived.conf: window N
    public var window: UInt32?
    /// keepalived.conf: cwnd [lock] N
    public var cwnd: UInt32?
    /// keepalived.conf: ssthresh [lock] N
    public var ssthresh: UInt32?
    /// keepalived.conf: rto_min [lock] TIME, in ms.
    public var rtoMin: UInt32?
    /// keepalived.conf: initcwnd N
    public var initcwnd: UInt32?
    /// keepalived.conf: initrwnd N
    public var initrwnd: UInt32?
    /// keepalived.conf: features ecn
    public var ecn = false
    /// keepalived.conf: quickack 0|1
    public var quickAck: Bool?
    /// keepalived.conf: congctl [lock] NAME
    public var congestionControl: String?
    /// keepalived.conf: fastopen_no_cookie 0|1
    public var fastOpenNoCookie: Bool?
    /// The metrics given with `lock`.
    public var locked: Set<Lockable> = []

    public init() {}

    /// The metrics `lock` applies to.
    public enum Lockable: String, Sendable, Hashable, CaseIterable {
        case mtu, advmss, rtt, rttvar, reordering, cwnd, ssthresh, rtoMin = "rto_min", congctl
    }
}
