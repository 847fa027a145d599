/// keepalived.conf: a process's scheduling knobs (vrrp_*, checker_*, bfd_*).
public struct ProcessTuning: Sendable, Hashable {
    /// keepalived.conf: *_priority, nice value -20...19 (0: unchanged)
    public var nicePriority: Int = 0
    /// keepalived.conf: *_no_swap
    public var noSwap = false
    /// keepalived.conf: *_rt_priority, SCHED_RR 1...99 (nil: not real time)
    public var realtimePriority: Int?
    /// keepalived.conf: *_cpu_affinity, CPU ids (empty: no affinity)
    public var cpuAffinity: [Int] = []
    /// keepalived.conf: *_rlimit_rttime (deprecated *_rlimit_rtime), µs of RLIMIT_RTTIME (default 10000)
    public var realtimeLimit: UInt32 = 10_000
    public init() {}
}

/// global_defs: netlink socket receive buffers (bytes; nil keeps the kernel default).
public struct NetlinkBuffers: Sendable, Hashable {
    /// keepalived.conf: vrrp_netlink_cmd_rcv_bufs
    public var vrrpCommand: UInt32?
    /// keepalived.conf: vrrp_netlink_cmd_rcv_bufs_force
    public var vrrpCommandForce = false
    /// keepalived.conf: vrrp_netlink_monitor_rcv_bufs
    public var vrrpMonitor: UInt32?
    /// keepalived.conf: vrrp_netlink_monitor_rcv_bufs_force
    public var vrrpMonitorForce = false
    /// keepalived.conf: process_monitor_rcv_bufs
    public var processMonitor: UInt32?
    /// keepalived.conf: process_monitor_rcv_bufs_force
    public var processMonitorForce = false
    /// keepalived.conf: lvs_netlink_cmd_rcv_bufs
    public var lvsCommand: UInt32?
    /// keepalived.conf: lvs_netlink_cmd_rcv_bufs_force
    public var lvsCommandForce = false
    /// keepalived.conf: lvs_netlink_monitor_rcv_bufs
    public var lvsMonitor: UInt32?
    /// keepalived.conf: lvs_netlink_monitor_rcv_bufs_force
    public var lvsMonitorForce = false
    public init() {}
}
