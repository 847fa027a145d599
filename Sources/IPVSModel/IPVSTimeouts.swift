/// The kernel's IPVS connection timeouts (`ipvsadm --set`, IPVS_CMD_SET_CONFIG).

/// keepalived.conf: lvs_timeouts tcp N tcpfin N udp N, in seconds; 0 leaves that one as it is.
public struct IPVSTimeouts: Sendable, Hashable {
    /// IPVS_CMD_ATTR_TIMEOUT_TCP: established TCP connections.
    public var tcp: UInt32
    /// IPVS_CMD_ATTR_TIMEOUT_TCP_FIN: TCP after the FIN.
    public var tcpFin: UInt32
    /// IPVS_CMD_ATTR_TIMEOUT_UDP
    public var udp: UInt32

    public init(tcp: UInt32 = 0, tcpFin: UInt32 = 0, udp: UInt32 = 0) {
        self.tcp = tcp
        self.tcpFin = tcpFin
        self.udp = udp
    }

    /// True when no timeout is asked for.
    public var isEmpty: Bool { tcp == 0 && tcpFin == 0 && udp == 0 }

    /// These timeouts with each unset (0) one taken from `current`, as keepalived's ipvs_set_timeout
    /// fills the ones the configuration does not give from the values it read at start.
    public func filled(from current: IPVSTimeouts) -> IPVSTimeouts {
        IPVSTimeouts(tcp: tcp != 0 ? tcp : current.tcp, tcpFin: tcpFin != 0 ? tcpFin : current.tcpFin,
                     udp: udp != 0 ? udp : current.udp)
    }
}
