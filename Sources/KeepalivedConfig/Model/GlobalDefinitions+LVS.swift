/// global_defs: IPVS (LVS) globals and the checker process's switches.
public struct LVSGlobals: Sendable, Hashable {
    /// keepalived.conf: lvs_timeouts [tcp N] [tcpfin N] [udp N], seconds (nil: unchanged)
    public var tcpTimeout: UInt32?
    public var tcpFinTimeout: UInt32?
    public var udpTimeout: UInt32?
    /// keepalived.conf: lvs_flush
    public var flush = false
    /// What lvs_flush_on_stop removes.
    public enum FlushOnStop: Sendable, Hashable { case none, full, virtualServers }
    /// keepalived.conf: lvs_flush_on_stop [VS] (deprecated lvs_flush_onstop)
    public var flushOnStop = FlushOnStop.none
    /// keepalived.conf: lvs_sync_daemon
    public var syncDaemon: SyncDaemon?
    /// keepalived.conf: nftables_ipvs [TABLE] (table "keepalived_ipvs" when no name is given)
    public var nftablesTable: String?
    /// keepalived.conf: nftables_ipvs_priority (nil: keepalived's -1)
    public var nftablesPriority: Int32?
    /// keepalived.conf: nftables_ipvs_start_fwmark (default 1000 once nftables_ipvs is set)
    public var nftablesStartFwmark: UInt32?
    /// keepalived.conf: checker_log_all_failures [BOOL]
    public var checkerLogAllFailures = false
    /// keepalived.conf: rs_init_notifies [BOOL]
    public var realServerInitNotifies = false

    /// keepalived.conf: lvs_sync_daemon IFNAME [inst VRRP] [id N] [maxlen N] [port N] [ttl N] [group ADDR]
    public struct SyncDaemon: Sendable, Hashable {
        public var interface: String
        /// The vrrp_instance whose state drives the sync daemon.
        public var vrrpInstance: String?
        /// 0...255 (nil: the instance's VRID)
        public var syncID: UInt8?
        public var maxLength: UInt16?
        public var port: UInt16?
        public var ttl: UInt8?
        public var group: IPAddress?
        public var location: SourceLocation
    }
    public init() {}
}
