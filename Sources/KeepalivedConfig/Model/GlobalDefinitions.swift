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
    /// The default script user could not be set: script_user named an unknown user or group, or
    /// keepalived_script is missing while script security is on. keepalived then ignores every
    /// script and FIFO that relies on the default user.
    public var defaultScriptUserFailed = false
    /// keepalived's default_script_uid_set: the default user has been decided (by script_user or by
    /// the first script that needed it), so later lines do not decide it again.
    var defaultScriptUserDecided = false
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
