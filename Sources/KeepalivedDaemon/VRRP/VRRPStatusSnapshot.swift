import VRRPCore

/// What the VRRP thread shows the rest of the daemon: an immutable copy of the Engine's state plus
/// the data plane's counters. SNMP, metrics and dumps read it; none of them waits on the VRRP thread.
public struct VRRPStatusSnapshot: Sendable {
    /// The Engine's routers (copy-on-write: taking one costs nothing until the Engine next changes).
    public var routers: [InstanceID: VirtualRouter]
    public var syncGroups: [SyncGroupID: SyncGroup]
    public var trackers: [TrackerID: TrackerState]
    /// Packets dropped, by instance name and reason.
    public var drops: [String: [DropReason: UInt64]]
    /// When each instance started, on the monotonic clock (the SNMP up-time columns count from it).
    public var activeSince: [String: Instant]
    /// Why each instance last became master (VRRPv3-MIB NewMasterReason: 0 not master, 1 priority,
    /// 2 preempted, 3 master no response).
    public var masterReasons: [String: Int]
    /// Each instance's last protocol error (VRRPv3-MIB ProtoErrReason: 0 none, 1 TTL, 2 version, 3 checksum).
    public var protocolErrorReasons: [String: Int]
    /// The advert source address each instance uses.
    public var sourceAddresses: [String: [UInt8]]
    public var taken: Instant
}
