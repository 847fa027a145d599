/// An IPVS destination (real server) of a virtual service.
import NetworkTypes

/// IP_VS_CONN_F_* forwarding methods.
public enum IPVSForwardingMethod: UInt32, Sendable, Hashable, CaseIterable {
    /// NAT (`ipvsadm -m`, keepalived `NAT`).
    case masquerade = 0
    /// The director itself.
    case localNode = 1
    /// IP-in-IP (`-i`, keepalived `TUN`).
    case tunnel = 2
    /// Direct routing (`-g`, keepalived `DR`).
    case directRoute = 3
    /// Cache bypass.
    case bypass = 4

    /// The Forward column of `ipvsadm -Ln`.
    public var ipvsadmName: String {
        switch self {
        case .masquerade: "Masq"
        case .localNode: "Local"
        case .tunnel: "Tunnel"
        case .directRoute: "Route"
        case .bypass: "Bypass"
        }
    }
}

/// What identifies a destination within its service.
public struct IPVSDestinationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    public var description: String {
        address.family == .inet6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }

    public static func < (lhs: IPVSDestinationKey, rhs: IPVSDestinationKey) -> Bool {
        (lhs.address, lhs.port) < (rhs.address, rhs.port)
    }
}

/// One destination's settings (IPVS_DEST_ATTR_*); the connection counts only come back in dumps.
public struct IPVSDestination: Sendable, Hashable {
    public var key: IPVSDestinationKey
    public var forwarding: IPVSForwardingMethod
    /// 0 keeps the destination in the table but sends it no new connections.
    public var weight: Int32
    /// Upper connection threshold; 0 for none.
    public var upperThreshold: UInt32
    /// Lower connection threshold; 0 for none.
    public var lowerThreshold: UInt32
    /// keepalived.conf: lvs_method TUN type ... (sent only with the tunnel method).
    public var tunnel: IPVSTunnel
    /// Counters reported by the kernel; ignored when programming.
    public var activeConnections: UInt32 = 0
    public var inactiveConnections: UInt32 = 0
    public var persistentConnections: UInt32 = 0

    public init(
        address: IPAddress, port: UInt16, forwarding: IPVSForwardingMethod = .masquerade, weight: Int32 = 1,
        upperThreshold: UInt32 = 0, lowerThreshold: UInt32 = 0, tunnel: IPVSTunnel = .ipip
    ) {
        key = IPVSDestinationKey(address: address, port: port)
        self.forwarding = forwarding
        self.weight = weight
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
        self.tunnel = tunnel
    }

    public var address: IPAddress { key.address }
    public var port: UInt16 { key.port }

    /// The settings only, counters zeroed, for comparing a dump with a wish.
    public var comparable: IPVSDestination {
        var copy = self
        copy.activeConnections = 0
        copy.inactiveConnections = 0
        copy.persistentConnections = 0
        return copy
    }
}
