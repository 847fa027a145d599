/// keepalived.conf: global_defs and the top-level process keywords (net_namespace, instance, ...).
public struct GlobalDefinitions: Sendable {
    /// Where `global_defs` first opened, if it appears at all.
    public var location: SourceLocation?

    // MARK: Identity and processes

    /// keepalived.conf: router_id (default: the host name, filled in by the daemon when nil)
    public var routerID: String?
    /// keepalived.conf: process_name (nil: keepalived's own name)
    public var processName: String?
    /// keepalived.conf: vrrp_process_name (process_names sets "keepalived_vrrp")
    public var vrrpProcessName: String?
    /// keepalived.conf: checker_process_name, lvs_process_name (deprecated)
    public var checkerProcessName: String?
    /// keepalived.conf: bfd_process_name
    public var bfdProcessName: String?
    /// keepalived.conf: net_namespace (root level; also implies use_pid_dir)
    public var networkNamespace: String?
    /// keepalived.conf: net_namespace_ipvs (root level; "" means the default namespace)
    public var networkNamespaceIPVS: String?
    /// keepalived.conf: namespace_with_ipsets (root level)
    public var namespaceWithIPSets = false
    /// keepalived.conf: instance (root level; also implies use_pid_dir)
    public var instanceName: String?
    /// keepalived.conf: use_pid_dir (root level), or implied by net_namespace / instance
    public var usePIDDirectory = false
    /// keepalived.conf: child_wait_time (root level), seconds; nil leaves keepalived's default
    public var childWaitTime: UInt32?
    /// keepalived.conf: linkbeat_use_polling (root level)
    public var linkbeatUsePolling = false
    /// keepalived.conf: linkbeat_interfaces { IFNAME [MII|ETHTOOL|IOCTL] } (root level)
    public var linkbeatInterfaces: [LinkbeatInterface] = []
    /// keepalived.conf: interface_up_down_delays { IFNAME DOWN [UP] } (root level)
    public var interfaceUpDownDelays: [InterfaceUpDownDelay] = []
    /// keepalived.conf: data_use_instance
    public var dataUseInstance = false
    /// keepalived.conf: max_auto_priority (nil unset; -1 disables; 0...99 SCHED_RR priority)
    public var maxAutoPriority: Int?
    /// keepalived.conf: min_auto_priority_delay, microseconds (default 1 s)
    public var minAutoPriorityDelay: UInt64 = 1_000_000
    /// keepalived.conf: vrrp_priority, vrrp_no_swap, vrrp_rt_priority, vrrp_cpu_affinity, vrrp_rlimit_rttime
    public var vrrpProcess = ProcessTuning()
    /// keepalived.conf: checker_priority, checker_no_swap, checker_rt_priority, checker_cpu_affinity, checker_rlimit_rttime
    public var checkerProcess = ProcessTuning()
    /// keepalived.conf: bfd_priority, bfd_no_swap, bfd_rt_priority, bfd_cpu_affinity, bfd_rlimit_rttime
    public var bfdProcess = ProcessTuning()
    /// keepalived.conf: umask (nil: keepalived's default, or -m on the command line)
    public var umask: UInt32?
    /// keepalived.conf: random_seed
    public var randomSeed: UInt32?

    // MARK: Scripts

    /// keepalived.conf: script_user (USER [GROUP])
    public var scriptUser: String?
    public var scriptGroup: String?
    /// keepalived.conf: enable_script_security
    public var enableScriptSecurity = false
    /// keepalived.conf: startup_script
    public var startupScript: NotifyScript?
    /// keepalived.conf: startup_script_timeout, seconds (10 once a startup script is given)
    public var startupScriptTimeout: UInt32?
    /// keepalived.conf: shutdown_script
    public var shutdownScript: NotifyScript?
    /// keepalived.conf: shutdown_script_timeout, seconds (10 once a shutdown script is given)
    public var shutdownScriptTimeout: UInt32?

    // MARK: Areas

    /// keepalived.conf: notification_email, notification_email_from, smtp_* and the smtp_alert flags
    public var smtp = SMTPSettings()
    /// keepalived.conf: notify_fifo, notify_fifo_script
    public var notifyFIFO = NotifyFIFO()
    /// keepalived.conf: vrrp_notify_fifo, vrrp_notify_fifo_script
    public var vrrpNotifyFIFO = NotifyFIFO()
    /// keepalived.conf: lvs_notify_fifo, lvs_notify_fifo_script
    public var lvsNotifyFIFO = NotifyFIFO()
    /// keepalived.conf: snmp_socket, enable_traps, enable_snmp_*, enable_dbus, dbus_service_name
    public var snmp = SNMPSettings()
    /// keepalived.conf: the vrrp_* defaults, garp tuning, nftables and VMAC prefixes
    public var vrrp = VRRPGlobalDefaults()
    /// keepalived.conf: lvs_* globals, lvs_sync_daemon, nftables_ipvs*, checker flags
    public var lvs = LVSGlobals()
    /// keepalived.conf: *_netlink_*_rcv_bufs[_force], process_monitor_rcv_bufs[_force]
    public var netlinkBuffers = NetlinkBuffers()
    /// keepalived.conf: reload_check_config, reload_time_file, reload_repeat, reload_file,
    /// include_check, config_save_dir, tmp_config_directory
    public var reload = ReloadSettings()

    public init() {}
}

/// keepalived.conf: one line of linkbeat_interfaces.
public struct LinkbeatInterface: Sendable, Hashable {
    /// How the link state is polled.
    public enum Method: String, Sendable, Hashable { case `default`, mii = "MII", ethtool = "ETHTOOL", ioctl = "IOCTL" }
    public var interface: String
    public var method: Method
    public var location: SourceLocation
}

/// keepalived.conf: one line of interface_up_down_delays (delays in microseconds).
public struct InterfaceUpDownDelay: Sendable, Hashable {
    public var interface: String
    /// Time the link must stay down before keepalived acts, µs.
    public var downDelay: UInt64
    /// Time the link must stay up before keepalived acts, µs (0 when not given).
    public var upDelay: UInt64
    public var location: SourceLocation
}

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

/// keepalived.conf: a notify FIFO (`*notify_fifo PATH [USER [GROUP]]`) and its reader script.
public struct NotifyFIFO: Sendable, Hashable {
    public var path: String?
    public var user: String?
    public var group: String?
    /// keepalived.conf: *notify_fifo_script
    public var script: NotifyScript?
    public var location: SourceLocation?
    public init() {}
}

/// keepalived.conf: reload and configuration-reading settings.
public struct ReloadSettings: Sendable, Hashable {
    /// keepalived.conf: reload_check_config [FILE] ("/dev/null" without a file)
    public var checkConfigLog: String?
    /// keepalived.conf: reload_time_file FILE
    public var timeFile: String?
    /// keepalived.conf: reload_repeat
    public var repeatReload = false
    /// Where reload_file points.
    public enum ReloadFile: Sendable, Hashable { case standard, path(String) }
    /// keepalived.conf: reload_file [FILE] (`.standard` is keepalived's pid-dir default)
    public var reloadFile: ReloadFile?
    /// keepalived.conf: include_check [[+|-]read|match|wildcard_match|brace_match ...]
    public var includeCheck: IncludeChecks?
    /// keepalived.conf: config_save_dir DIR (trailing '/' removed)
    public var configSaveDirectory: String?
    /// keepalived.conf: tmp_config_directory DIR
    public var temporaryConfigDirectory: String?
    public init() {}
}
