import NetworkTypes

/// What the KEEPALIVED-MIB check subtree shows: the checker's configuration in configuration order
/// (table indexes are positions in these lists) with its run-time state and the IPVS counters.
public struct SNMPCheckerStatus: Sendable, Hashable {
    /// keepalived.conf: virtual_server_group blocks.
    public var groups: [Group]
    /// keepalived.conf: virtual_server blocks.
    public var virtualServers: [VirtualServer]
    /// keepalived.conf: lvs_sync_daemon (nil when not configured).
    public var syncDaemon: SyncDaemon?
    /// keepalived.conf: lvs_timeouts tcp, tcpfin, udp, in seconds (nil or 0: the scalar is absent).
    public var tcpTimeout: UInt32?
    public var tcpFinTimeout: UInt32?
    public var udpTimeout: UInt32?

    public init(groups: [Group] = [], virtualServers: [VirtualServer] = [], syncDaemon: SyncDaemon? = nil,
                tcpTimeout: UInt32? = nil, tcpFinTimeout: UInt32? = nil, udpTimeout: UInt32? = nil) {
        self.groups = groups
        self.virtualServers = virtualServers
        self.syncDaemon = syncDaemon
        self.tcpTimeout = tcpTimeout
        self.tcpFinTimeout = tcpFinTimeout
        self.udpTimeout = udpTimeout
    }

    /// One virtual_server_group.
    public struct Group: Sendable, Hashable {
        /// One line of the group.
        public enum Member: Sendable, Hashable {
            /// `fwmark N`
            case fwmark(UInt32)
            /// `IP [PORT]` (first == last) or a range; port 0 for none.
            case addresses(first: IPAddress, last: IPAddress, port: UInt16)
        }
        public var name: String
        /// In file order; the MIB lists the fwmarks first, as keepalived keeps them apart.
        public var members: [Member]
        public init(name: String, members: [Member] = []) { self.name = name; self.members = members }
    }

    /// keepalived.conf: lvs_sync_daemon IFNAME [inst VRRP] [id N] [maxlen N] [port N] [ttl N] [group ADDR]
    public struct SyncDaemon: Sendable, Hashable {
        public var interface: String
        public var vrrpInstance: String?
        /// keepalived.conf: id (an unset one is 0, or UInt32.max with a VRRP instance named: read as INTEGER, -1).
        public var syncID: UInt32
        public var maxLength: UInt32
        public var port: UInt32
        public var ttl: UInt32
        public var group: IPAddress?
        public init(interface: String, vrrpInstance: String? = nil, syncID: UInt32 = 0, maxLength: UInt32 = 0,
                    port: UInt32 = 0, ttl: UInt32 = 0, group: IPAddress? = nil) {
            self.interface = interface; self.vrrpInstance = vrrpInstance; self.syncID = syncID
            self.maxLength = maxLength; self.port = port; self.ttl = ttl; self.group = group
        }
    }

    /// `lvs_method` with its tunnel settings, as the MIB numbers them.
    public struct Forwarding: Sendable, Hashable {
        /// virtualServerLoadBalancingKind: nat(1), dr(2), tun(3).
        public var kind: Int
        /// Tunnel type: ipip(1), gue(2), gre(3) (meaningful with tun only).
        public var tunnelType: Int
        /// The GUE port.
        public var tunnelPort: UInt16
        /// Tunnel checksum: nocsum(1), csum(2), remcsum(3).
        public var tunnelChecksum: Int
        public init(kind: Int, tunnelType: Int = 1, tunnelPort: UInt16 = 0, tunnelChecksum: Int = 1) {
            self.kind = kind; self.tunnelType = tunnelType; self.tunnelPort = tunnelPort; self.tunnelChecksum = tunnelChecksum
        }
        static let tunnel = 3
        static let ipip = 1
        static let gue = 2
    }
}
