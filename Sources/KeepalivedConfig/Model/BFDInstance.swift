/// keepalived.conf: bfd_instance NAME { ... } — a BFD session whose state VRRP instances and
/// real servers can track.
public struct BFDInstance: Sendable {
    /// keepalived.conf: bfd_instance NAME (at most 31 characters)
    public var name: String
    public var location: SourceLocation
    /// keepalived.conf: neighbor_ip (neighbour_ip) ADDRESS
    public var neighbor: IPAddress?
    /// keepalived.conf: source_ip ADDRESS
    public var source: IPAddress?
    /// keepalived.conf: min_rx MILLISECONDS (3 decimals), in microseconds; default 10 ms.
    public var minRx: UInt64 = 10_000
    /// keepalived.conf: min_tx MILLISECONDS, in microseconds; default 10 ms.
    public var minTx: UInt64 = 10_000
    /// keepalived.conf: idle_tx MILLISECONDS, in microseconds; default 1000 ms.
    public var idleTx: UInt64 = 1_000_000
    /// keepalived.conf: multiplier 1..255; default 5.
    public var multiplier: Int = 5
    /// keepalived.conf: passive
    public var passive = false
    /// keepalived.conf: ttl (hoplimit) 1..255; nil means 255 (keepalived's BFD_CONTROL_TTL/HOPLIMIT).
    public var ttl: Int?
    /// keepalived.conf: max_hops -1..255; default 0.
    public var maxHops: Int = 0
    /// keepalived.conf: weight -253..253 [reverse] (for the VRRP trackers); default 0.
    public var weight: Int = 0
    /// keepalived.conf: weight N reverse
    public var weightReverse = false
    /// keepalived.conf: vrrp — send events to VRRP (with `checker`, only to those named).
    public var notifyVRRP = false
    /// keepalived.conf: checker — send events to the checkers.
    public var notifyChecker = false

    /// False once keepalived's BFD process drops the instance (bad or missing addresses); the
    /// VRRP process still knows it by name, so `track_bfd` still resolves.
    public var isEnabled = true

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
