/// global_defs: defaults every vrrp_instance starts from, and VRRP process-wide switches.
public struct VRRPGlobalDefaults: Sendable, Hashable {
    /// keepalived.conf: vrrp_mcast_group4 (default 224.0.0.18)
    public var multicastGroup4 = IPAddress("224.0.0.18")!
    /// keepalived.conf: vrrp_mcast_group6 (default ff02::12)
    public var multicastGroup6 = IPAddress("ff02::12")!
    /// keepalived.conf: vrrp_garp_master_delay SECONDS, µs (default 5 s)
    public var garpMasterDelay: UInt64 = 5_000_000
    /// keepalived.conf: vrrp_garp_master_repeat (default 5)
    public var garpMasterRepeat: UInt32 = 5
    /// keepalived.conf: vrrp_garp_master_refresh SECONDS, µs (0: no refresh)
    public var garpMasterRefresh: UInt64 = 0
    /// keepalived.conf: vrrp_garp_master_refresh_repeat (default 1)
    public var garpMasterRefreshRepeat: UInt32 = 1
    /// keepalived.conf: vrrp_garp_lower_prio_delay SECONDS, µs (nil: as vrrp_garp_master_delay)
    public var garpLowerPriorityDelay: UInt64?
    /// keepalived.conf: vrrp_garp_lower_prio_repeat (nil: as vrrp_garp_master_repeat)
    public var garpLowerPriorityRepeat: UInt32?
    /// keepalived.conf: vrrp_down_timer_adverts 1...100 (default 3)
    public var downTimerAdverts: UInt32 = 3
    /// keepalived.conf: vrrp_garp_interval SECONDS, µs (0: no delay between GARPs)
    public var garpInterval: UInt64 = 0
    /// keepalived.conf: vrrp_gna_interval SECONDS, µs (0: no delay between NAs)
    public var gnaInterval: UInt64 = 0
    /// keepalived.conf: vrrp_garp_extra_if [all] SECONDS (deprecated vrrp_vmac_garp_intvl); 0 unset
    public var garpExtraInterfaceInterval: UInt32 = 0
    /// keepalived.conf: vrrp_garp_extra_if all
    public var garpExtraAllInterfaces = false
    /// keepalived.conf: vrrp_lower_prio_no_advert [BOOL]
    public var lowerPriorityNoAdvert = false
    /// keepalived.conf: vrrp_higher_prio_send_advert [BOOL]
    public var higherPrioritySendAdvert = false
    /// keepalived.conf: vrrp_version 2|3 (default 2)
    public var version = 2
    /// keepalived.conf: vrrp_check_unicast_src
    public var checkUnicastSource = false
    /// keepalived.conf: vrrp_skip_check_adv_addr
    public var skipCheckAdvertAddresses = false
    /// keepalived.conf: vrrp_strict
    public var strict = false
    /// keepalived.conf: nftables [TABLE], also vrrp_iptables in a build without iptables
    /// (table "keepalived" when no name is given)
    public var nftablesTable: String?
    /// keepalived.conf: nftables_priority (nil: keepalived's -1, i.e. the built-in priority)
    public var nftablesPriority: Int32?
    /// keepalived.conf: nftables_ifindex
    public var nftablesUseIfindex = false
    /// keepalived.conf: nftables_counters
    public var nftablesCounters = false
    /// keepalived.conf: dynamic_interfaces [allow_if_changes]
    public var dynamicInterfaces = false
    /// keepalived.conf: dynamic_interfaces allow_if_changes
    public var allowInterfaceChanges = false
    /// keepalived.conf: default_interface
    public var defaultInterface: String?
    /// keepalived.conf: disable_local_igmp
    public var disableLocalIGMP = false
    /// keepalived.conf: vrrp_notify_priority_changes [BOOL]
    public var notifyPriorityChanges = false
    /// keepalived.conf: fifo_write_vrrp_states_on_reload
    public var fifoWriteStatesOnReload = false
    /// keepalived.conf: vrrp_rx_bufs_policy MTU|ADVERT|SIZE
    public enum ReceiveBufferPolicy: Sendable, Hashable { case mtu, advert, size(UInt32) }
    /// keepalived.conf: vrrp_rx_bufs_policy (nil: kernel default)
    public var receiveBufferPolicy: ReceiveBufferPolicy?
    /// keepalived.conf: vrrp_rx_bufs_multiplier (default 3)
    public var receiveBufferMultiplier: UInt32 = 3
    /// keepalived.conf: vrrp_startup_delay SECONDS, µs (0: none)
    public var startupDelay: UInt64 = 0
    /// keepalived.conf: log_unknown_vrids
    public var logUnknownVRIDs = false
    /// keepalived.conf: vmac_prefix (interface name prefix for VMACs)
    public var vmacPrefix: String?
    /// keepalived.conf: vmac_addr_prefix
    public var vmacAddressPrefix: String?
    public init() {}
}
