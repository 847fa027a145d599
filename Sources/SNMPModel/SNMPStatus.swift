import NetworkTypes

/// Everything the three MIBs show, as one immutable snapshot the daemon publishes after each change.
/// Lists keep configuration order: keepalived's table indexes are 1-based positions in these lists.
public struct SNMPStatus: Sendable, Hashable {
    /// KEEPALIVED-MIB `version`, e.g. "Keepalived v2.2.7".
    public var version: String
    /// keepalived.conf: router_id (KEEPALIVED-MIB `routerId`); nil leaves the scalar absent.
    public var routerId: String?
    /// The other global scalars.
    public var global: Global
    /// keepalived.conf: vrrp_sync_group blocks, in configuration order.
    public var syncGroups: [SyncGroup]
    /// keepalived.conf: vrrp_instance blocks, in configuration order.
    public var instances: [Instance]
    /// keepalived.conf: vrrp_script blocks, in configuration order.
    public var scripts: [Script]
    /// keepalived.conf: track_file / vrrp_track_file blocks that something tracks, in configuration order.
    public var files: [File]
    /// keepalived.conf: static_ipaddress (vrrpAddressTable rows under instance index 0).
    public var staticAddresses: [Address]
    /// The clock for up-time columns, in centiseconds on the daemon's monotonic clock.
    public var clock: Clock
    /// The health checker's part (KEEPALIVED-MIB check subtree); nil when no checker runs.
    public var checker: SNMPCheckerStatus?

    public init(
        version: String = "Keepalived v2.2.7", routerId: String? = nil, global: Global = Global(),
        syncGroups: [SyncGroup] = [], instances: [Instance] = [], scripts: [Script] = [],
        files: [File] = [], staticAddresses: [Address] = [], clock: Clock = Clock(),
        checker: SNMPCheckerStatus? = nil
    ) {
        self.version = version
        self.routerId = routerId
        self.global = global
        self.syncGroups = syncGroups
        self.instances = instances
        self.scripts = scripts
        self.files = files
        self.staticAddresses = staticAddresses
        self.clock = clock
        self.checker = checker
    }

    /// A tracked file (vrrpFileTable).
    public struct File: Sendable, Hashable {
        public var name: String
        public var path: String
        /// The value last read from the file.
        public var value: Int64
        /// keepalived.conf: weight (default 1) and reverse of the track_file block.
        public var weight: Int
        public var weightReverse: Bool
        public init(name: String, path: String, value: Int64 = 0, weight: Int = 1, weightReverse: Bool = false) {
            self.name = name; self.path = path; self.value = value; self.weight = weight; self.weightReverse = weightReverse
        }
    }

    /// Times for vrrpOperVirtualRouterUpTime and vrrpv3OperationsUpTime.
    public struct Clock: Sendable, Hashable {
        /// Now, in centiseconds.
        public var now: UInt64
        /// When the SNMP agent started (TimeStamp columns count from here), in centiseconds.
        public var agentStart: UInt64
        public init(now: UInt64 = 0, agentStart: UInt64 = 0) { self.now = now; self.agentStart = agentStart }
    }
}
