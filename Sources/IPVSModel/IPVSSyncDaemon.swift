/// The kernel's connection synchronisation daemon (`ipvsadm --start-daemon`, IPVS_CMD_NEW_DAEMON).
import NetworkTypes

/// IP_VS_STATE_MASTER / IP_VS_STATE_BACKUP: which of the two sync threads.
public enum IPVSSyncState: UInt32, Sendable, Hashable, CaseIterable {
    /// Sends the connection table to the backups.
    case master = 1
    /// Receives it.
    case backup = 2
}

/// keepalived.conf: lvs_sync_daemon IFNAME [inst VRRP] [id N] [maxlen N] [port N] [ttl N] [group ADDR].
/// Unset options (nil) are not sent, so the kernel's defaults apply.
public struct IPVSSyncDaemon: Sendable, Hashable {
    public var state: IPVSSyncState
    /// IPVS_DAEMON_ATTR_MCAST_IFN
    public var interface: String
    /// IPVS_DAEMON_ATTR_SYNC_ID
    public var syncID: UInt32
    /// IPVS_DAEMON_ATTR_SYNC_MAXLEN: the UDP payload size.
    public var maxLength: UInt16?
    /// IPVS_DAEMON_ATTR_MCAST_PORT
    public var port: UInt16?
    /// IPVS_DAEMON_ATTR_MCAST_TTL
    public var ttl: UInt8?
    /// IPVS_DAEMON_ATTR_MCAST_GROUP or _GROUP6
    public var group: IPAddress?

    public init(state: IPVSSyncState, interface: String, syncID: UInt32, maxLength: UInt16? = nil, port: UInt16? = nil,
                ttl: UInt8? = nil, group: IPAddress? = nil) {
        self.state = state
        self.interface = interface
        self.syncID = syncID
        self.maxLength = maxLength
        self.port = port
        self.ttl = ttl
        self.group = group
    }

    /// The same daemon in the other state.
    public func with(state: IPVSSyncState) -> IPVSSyncDaemon {
        var copy = self
        copy.state = state
        return copy
    }
}
