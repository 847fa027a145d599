import KeepalivedConfig
import NetlinkCodec
import VRRPCore

/// Everything the VRRP service needs to run one instance: the protocol configuration plus the
/// data-plane details (interface, addresses, authentication).
public struct VRRPInstanceRuntime: Sendable, Hashable {
    public struct VirtualAddress: Sendable, Hashable {
        /// 4 or 16 bytes.
        public var address: [UInt8]
        public var prefixLength: UInt8
        /// keepalived.conf: dev DEV (nil: the instance's interface, or its VMAC).
        public var interfaceName: String?
        /// keepalived.conf: scope, brd, label, peer, and the flags and preferred lifetime of
        /// home, -nodad, mngtmpaddr, noprefixroute, autojoin and preferred_lft.
        public var scope: UInt8 = 0
        public var broadcast: [UInt8]?
        public var label: String?
        public var peer: [UInt8]?
        public var flags: UInt32 = 0
        public var preferredLifetime: UInt32?
        /// keepalived.conf: no_track (its deletion by someone else does not move the instance).
        public var noTrack = false

        public init(address: [UInt8], prefixLength: UInt8) {
            self.address = address
            self.prefixLength = prefixLength
            // Without configuration keepalived adds IPv6 VIPs without DAD, a /128 deprecated.
            if address.count == 16 {
                flags = 0x02
                preferredLifetime = prefixLength == 128 ? 0 : nil
            }
        }

        /// The RTM_NEWADDR / RTM_DELADDR request for it on `interfaceIndex`.
        public func request(_ operation: AddressRequest.Operation, interfaceIndex: UInt32) -> AddressRequest {
            var request = AddressRequest(operation: operation, interfaceIndex: interfaceIndex, address: address, prefixLength: prefixLength)
            request.scope = scope
            request.peer = peer
            guard operation == .add else { return request }
            request.broadcast = broadcast
            request.label = label
            request.flags = flags
            request.preferredLifetime = preferredLifetime
            return request
        }
    }

    public var router: VirtualRouterConfiguration
    public var interfaceName: String
    /// Carried in adverts.
    public var virtualAddresses: [VirtualAddress]
    /// Installed with the state but not advertised.
    public var excludedAddresses: [VirtualAddress]
    public var authenticationType: AuthenticationType
    /// Up to 8 bytes, zero padded.
    public var authenticationPassword: [UInt8]
    /// Unicast peers; empty means multicast.
    public var unicastPeers: [[UInt8]]
    /// keepalived.conf: unicast_src_ip / mcast_src_ip
    public var sourceAddress: [UInt8]?
    /// keepalived.conf: unicast_peer ADDR min_ttl/max_ttl (peers not listed accept any TTL).
    public var unicastPeerTTLs: [[UInt8]: ClosedRange<Int>] = [:]
    /// keepalived.conf: check_unicast_src / vrrp_check_unicast_src (also set by a peer's TTL range).
    public var checkUnicastSource = false
    /// keepalived.conf: skip_check_adv_addr / vrrp_skip_check_adv_addr
    public var skipCheckAdvertAddresses = false
    /// keepalived.conf: unicast_fault_no_peer with no unicast_peer: the instance stays in FAULT.
    public var configurationFault = false
    /// keepalived.conf: promote_secondaries (the interface's sysctl set while we run).
    public var promoteSecondaries = false
    /// keepalived.conf: vrrp_mcast_group4 / vrrp_mcast_group6 (nil: 224.0.0.18 / ff02::12).
    public var multicastGroup: [UInt8]?
    /// keepalived.conf: track_interface, track_script (with resolved weights)
    public var trackers: [TrackingBinding] = []
    /// keepalived.conf: dont_track_primary
    public var dontTrackPrimary = false
    /// keepalived.conf: notify_priority_changes (instance, else sync group, else vrrp_notify_priority_changes)
    public var notifyPriorityChanges = false
    /// keepalived.conf: notify_deleted (a reload that removes the instance reports DELETED, not FAULT)
    public var notifyDeleted = false
    /// keepalived.conf: garp_master_refresh (µs, 0: never) and garp_master_refresh_repeat.
    public var garpRefresh: UInt64 = 0
    public var garpRefreshRepeat = 1
    /// keepalived.conf: virtual_routes (added after the addresses on becoming master, removed before them)
    public var virtualRoutes: [Route] = []
    /// keepalived.conf: virtual_rules (added after the routes, removed first)
    public var virtualRules: [Rule] = []
    /// keepalived.conf: accept / no_accept (resolved: off by default with vrrp_strict / strict_mode).
    public var accept = true
    /// keepalived.conf: vrrp_strict / strict_mode
    public var strictMode = false
    /// Without accept mode, unless the address owner (priority 255), a master drops traffic to
    /// and from its addresses (NFTablesFirewall).
    public var firewallDrop: Bool { !accept && router.basePriority.rawValue != 255 }
    /// keepalived.conf: use_vmac: the macvlan the instance runs on instead of `interfaceName`.
    public var virtualMAC: VirtualMACInterface?

    /// A VMAC: its interface name and MAC address.
    public struct VirtualMACInterface: Sendable, Hashable {
        public var name: String
        public var address: [UInt8]
        /// keepalived.conf: vmac_xmit_base (adverts on the base interface, from its MAC).
        public var transmitOnBase = false
        public init(name: String, address: [UInt8]) { self.name = name; self.address = address }
    }
    /// keepalived.conf: smtp_alert (instance, else smtp_alert_vrrp, else smtp_alert); shown in the JSON dump.
    public var smtpAlert = false

    public init(
        router: VirtualRouterConfiguration, interfaceName: String, virtualAddresses: [VirtualAddress],
        excludedAddresses: [VirtualAddress] = [], authenticationType: AuthenticationType = .none,
        authenticationPassword: [UInt8] = [], unicastPeers: [[UInt8]] = [], sourceAddress: [UInt8]? = nil
    ) {
        self.router = router
        self.interfaceName = interfaceName
        self.virtualAddresses = virtualAddresses
        self.excludedAddresses = excludedAddresses
        self.authenticationType = authenticationType
        self.authenticationPassword = authenticationPassword
        self.unicastPeers = unicastPeers
        self.sourceAddress = sourceAddress
    }

    /// The 8 authentication bytes as they go on the wire (the password for PASS, zeros otherwise).
    var authenticationData: [UInt8] {
        authenticationType == .simplePassword ? authenticationKey : Array(repeating: 0, count: 8)
    }

    /// keepalived's auth_data: the password's first 8 bytes, zero padded (PASS compares it, AH keys
    /// its HMAC with it).
    var authenticationKey: [UInt8] {
        Array(authenticationPassword.prefix(8)) + Array(repeating: 0, count: Swift.max(0, 8 - authenticationPassword.count))
    }
}
