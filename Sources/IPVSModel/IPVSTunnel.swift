/// The encapsulation of a tunnelling destination (IPVS_DEST_ATTR_TUN_*, Linux 5.2 and 5.3).

/// IP_VS_CONN_F_TUNNEL_TYPE_*: how a TUN destination's packets are wrapped.
public enum IPVSTunnelType: UInt8, Sendable, Hashable, CaseIterable {
    /// IP-in-IP, the only kind older kernels know.
    case ipip = 0
    /// Generic UDP Encapsulation, to a UDP port.
    case gue = 1
    /// Generic Routing Encapsulation.
    case gre = 2

    /// The Tunnel type column of `ipvsadm -Ln --tun-info`.
    public var ipvsadmName: String {
        switch self {
        case .ipip: "ipip"
        case .gue: "gue"
        case .gre: "gre"
        }
    }
}

/// IP_VS_TUNNEL_ENCAP_FLAG_*: the checksum options of GUE and GRE (none is NOCSUM).
public struct IPVSTunnelFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// IP_VS_TUNNEL_ENCAP_FLAG_CSUM
    public static let checksum = IPVSTunnelFlags(rawValue: 1 << 0)
    /// IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM
    public static let remoteChecksum = IPVSTunnelFlags(rawValue: 1 << 1)
}

/// A TUN destination's encapsulation; the kernel reports ipip, port 0, no flags for every other kind.
public struct IPVSTunnel: Sendable, Hashable {
    public var type: IPVSTunnelType
    /// The GUE destination port (0 for ipip and gre).
    public var port: UInt16
    public var flags: IPVSTunnelFlags

    public init(type: IPVSTunnelType = .ipip, port: UInt16 = 0, flags: IPVSTunnelFlags = []) {
        self.type = type
        self.port = port
        self.flags = flags
    }

    /// Plain IP-in-IP: what a destination gets when nothing else is asked for.
    public static let ipip = IPVSTunnel()
}
