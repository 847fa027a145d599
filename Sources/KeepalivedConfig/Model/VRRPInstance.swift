/// One virtual router as configured: the typed content of a `vrrp_instance NAME { ... }` block.
///
/// Optional properties are "not configured": the post-parse checks (VRRPValidation) resolve them
/// to keepalived 2.2.7's defaults, which depend on other settings (priority on state, version on
/// address family, accept on strict mode...).
public struct VRRPInstance: Sendable {
    /// keepalived.conf: vrrp_instance NAME
    public var name: String
    public var location: SourceLocation

    // MARK: Identity and transport

    /// keepalived.conf: interface (nil if absent, missing on the host, or a loopback)
    public var interface: String?
    /// keepalived.conf: vrf
    public var vrf: String?
    /// keepalived.conf: virtual_router_id
    public var vrid: VRID?
    /// keepalived.conf: version (nil: global vrrp_version, or 3 for IPv6; set by validation)
    public var version: VRRPVersion?
    /// The address family deduced from the first address of the block (VIPs, peers, sources);
    /// validation defaults it to IPv4.
    public var family: IPAddress.Family?
    /// keepalived.conf: native_ipv6
    public var nativeIPv6 = false
    /// keepalived.conf: mcast_src_ip / unicast_src_ip
    public var sourceAddress: IPAddress?
    /// keepalived.conf: mcast_dst_ip
    public var multicastDestination: IPAddress?
    /// keepalived.conf: track_src_ip
    public var trackSourceAddress = false
    /// keepalived.conf: unicast_peer
    public var unicastPeers: [UnicastPeer] = []
    /// Any unicast keyword was given (unicast_peer, unicast_src_ip, unicast_fault_no_peer,
    /// check_unicast_src, old_unicast_checksum).
    public var unicastConfigured = false
    /// keepalived.conf: unicast_fault_no_peer
    public var unicastFaultNoPeer = false
    /// keepalived.conf: check_unicast_src (also set by a peer's min_ttl/max_ttl)
    public var checkUnicastSource = false
    /// keepalived.conf: old_unicast_checksum
    public var oldUnicastChecksum: UnicastChecksumCompatibility?
    /// keepalived.conf: unicast_ttl (IPv4 default 255 after validation; IPv6 leaves it to the kernel)
    public var unicastTTL: UInt8?
    /// keepalived.conf: use_vmac / use_ipvlan (with vmac_xmit_base, use_vmac_addr)
    public var virtualMAC: VirtualMACSettings?
    /// keepalived.conf: vmac_xmit_base
    public var vmacTransmitOnBase = false
    /// keepalived.conf: use_vmac_addr
    public var useVMACAddress = false
    /// keepalived.conf: kernel_rx_buf_size
    public var kernelReceiveBufferSize: UInt32?

    // MARK: Protocol

    /// keepalived.conf: state (nil: derived from the priority)
    public var state: VRRPState?
    /// keepalived.conf: priority (nil: 255 for state MASTER, otherwise 100)
    public var priority: Priority?
    /// keepalived.conf: advert_int, in microseconds (nil: 1 s)
    public var advertisementInterval: UInt64?
    /// keepalived.conf: authentication
    public var authentication: VRRPAuthentication?
    /// keepalived.conf: nopreempt / preempt
    public var noPreempt = false
    /// keepalived.conf: preempt_delay, in microseconds
    public var preemptDelay: UInt64 = 0
    /// keepalived.conf: accept / no_accept (nil: accept unless strict, always for the owner)
    public var accept: Bool?
    /// keepalived.conf: strict_mode (nil: global vrrp_strict)
    public var strictMode: Bool?
    /// keepalived.conf: skip_check_adv_addr (nil: global vrrp_skip_check_adv_addr)
    public var skipCheckAdvertisementAddresses: Bool?
    /// keepalived.conf: debug (0-4; accepted, no effect)
    public var debug = 0
    /// keepalived.conf: down_timer_adverts (1-100; nil: global vrrp_down_timer_adverts)
    public var downTimerAdverts: Int?
    /// keepalived.conf: lower_prio_no_advert
    public var lowerPriorityNoAdvert: Bool?
    /// keepalived.conf: higher_prio_send_advert
    public var higherPrioritySendAdvert: Bool?
    /// keepalived.conf: promote_secondaries
    public var promoteSecondaries = false
    /// keepalived.conf: linkbeat_use_polling (deprecated here)
    public var linkbeatUsePolling = false
    /// keepalived.conf: dont_track_primary
    public var dontTrackPrimary = false
    /// keepalived.conf: lvs_sync_daemon_interface (deprecated: global lvs_sync_daemon)
    public var lvsSyncDaemonInterface: String?

    // MARK: Addresses

    /// keepalived.conf: virtual_ipaddress
    public var virtualAddresses: [VirtualAddress] = []
    /// keepalived.conf: virtual_ipaddress_excluded
    public var excludedAddresses: [VirtualAddress] = []
    /// keepalived.conf: virtual_routes
    public var virtualRoutes: [Route] = []
    /// keepalived.conf: virtual_rules
    public var virtualRules: [Rule] = []

    // MARK: Tracking

    /// keepalived.conf: track_interface
    public var trackInterfaces: [TrackedInterface] = []
    /// keepalived.conf: track_script
    public var trackScripts: [TrackedObject] = []
    /// keepalived.conf: track_file
    public var trackFiles: [TrackedObject] = []
    /// keepalived.conf: track_process
    public var trackProcesses: [TrackedObject] = []
    /// keepalived.conf: track_bfd
    public var trackBFDs: [TrackedObject] = []
    /// The vrrp_sync_group this instance belongs to (set by validation).
    public var syncGroup: String?

    // MARK: Gratuitous ARP / NA (nil: the global vrrp_garp_* values)

    /// keepalived.conf: garp_master_delay, in microseconds
    public var garpMasterDelay: UInt64?
    /// keepalived.conf: garp_master_refresh, in microseconds
    public var garpMasterRefresh: UInt64?
    /// keepalived.conf: garp_master_repeat
    public var garpMasterRepeat: UInt32?
    /// keepalived.conf: garp_master_refresh_repeat
    public var garpMasterRefreshRepeat: UInt32?
    /// keepalived.conf: garp_lower_prio_delay, in microseconds
    public var garpLowerPriorityDelay: UInt64?
    /// keepalived.conf: garp_lower_prio_repeat
    public var garpLowerPriorityRepeat: UInt32?
    /// keepalived.conf: garp_extra_if (vmac_garp_intvl) SECONDS [all], in seconds
    public var garpExtraInterfaceInterval: UInt32?
    /// keepalived.conf: garp_extra_if ... all
    public var garpExtraInterfaceAll = false

    // MARK: Notification

    /// keepalived.conf: notify_master
    public var notifyMaster: NotifyScript?
    /// keepalived.conf: notify_backup
    public var notifyBackup: NotifyScript?
    /// keepalived.conf: notify_fault
    public var notifyFault: NotifyScript?
    /// keepalived.conf: notify_stop
    public var notifyStop: NotifyScript?
    /// keepalived.conf: notify_deleted [SCRIPT] (the keyword alone reports "DELETED" to notify)
    public var notifyDeleted = false
    public var notifyDeletedScript: NotifyScript?
    /// keepalived.conf: notify
    public var notify: NotifyScript?
    /// keepalived.conf: notify_master_rx_lower_pri
    public var notifyMasterReceivedLowerPriority: NotifyScript?
    /// keepalived.conf: smtp_alert (nil: global smtp_alert_vrrp / smtp_alert)
    public var smtpAlert: Bool?
    /// keepalived.conf: notify_priority_changes (nil: sync group, then global)
    public var notifyPriorityChanges: Bool?

    // MARK: Parse bookkeeping

    /// A `interface`, `vrf` or `track_interface` named an interface the host does not have
    /// (keepalived then refuses the configuration with CONFIG_BAD_IF).
    var namedMissingInterface = false
    /// mcast_src_ip/unicast_src_ip was accepted (keepalived's VRRP_FLAG_SADDR_FROM_CONFIG).
    var sourceFromConfig = false

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
