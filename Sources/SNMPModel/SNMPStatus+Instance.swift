import NetworkTypes

extension SNMPStatus {
    /// One vrrp_instance as the MIBs show it.
    public struct Instance: Sendable, Hashable {
        /// keepalived.conf: vrrp_instance NAME.
        public var name: String
        /// keepalived.conf: virtual_router_id.
        public var vrid: UInt8
        /// keepalived.conf: version (2 or 3).
        public var vrrpVersion: Int
        /// Address family of the instance (from its VIPs / native_ipv6).
        public var family: IPAddress.Family
        /// Current state.
        public var state: VrrpState
        /// keepalived.conf: state (the configured initial state).
        public var initialState: VrrpState
        /// The state the instance aims for (keepalived's wantstate).
        public var wantedState: VrrpState
        /// keepalived.conf: priority.
        public var basePriority: Int
        /// Priority after tracking weights.
        public var effectivePriority: Int
        /// Whether the VIPs are installed.
        public var vipsSet: Bool
        /// keepalived.conf: interface; nil when it does not exist (primary-interface columns then read nothing).
        public var interface: Interface?
        /// keepalived.conf: track_interface.
        public var trackedInterfaces: [TrackedObject]
        /// keepalived.conf: track_script.
        public var trackedScripts: [TrackedObject]
        /// keepalived.conf: track_file (names; vrrpTrackedFileTable shows the files' own weights).
        public var trackedFiles: [String] = []
        /// keepalived.conf: advert_int, in microseconds.
        public var advertInterval: UInt64
        /// The inverse of keepalived.conf: nopreempt.
        public var preempt: Bool
        /// keepalived.conf: preempt_delay, in microseconds.
        public var preemptDelay: UInt64
        /// keepalived.conf: authentication auth_type: 0 none, 1 PASS, 2 AH.
        public var authType: Int
        /// keepalived.conf: lvs_sync_daemon_interface when this instance drives the sync daemon.
        public var lvsSyncInterface: String?
        /// The sync group this instance belongs to.
        public var syncGroup: String?
        /// keepalived.conf: garp_master_delay, in microseconds.
        public var garpDelay: UInt64
        /// keepalived.conf: smtp_alert.
        public var smtpAlert: Bool
        /// keepalived.conf: notify_* present (notify_exec).
        public var notifyExec: Bool
        /// keepalived.conf: notify_master, notify_backup, notify_fault, notify_stop, notify, notify_deleted,
        /// notify_master_rx_lower_pri, as keepalived prints the command line.
        public var notifyMaster: String?
        public var notifyBackup: String?
        public var notifyFault: String?
        public var notifyStop: String?
        public var notify: String?
        public var notifyDeletedScript: String?
        public var notifyMasterRxLowerPri: String?
        /// keepalived.conf: accept / no_accept (only shown for VRRPv3).
        public var accept: Bool
        /// keepalived.conf: promote_secondaries.
        public var promoteSecondaries: Bool
        /// keepalived.conf: linkbeat_use_polling.
        public var linkbeatPolling: Bool
        /// keepalived.conf: notify_deleted.
        public var notifyDeleted: Bool
        /// keepalived.conf: unicast_peer present (the multicast columns are then absent).
        public var unicast: Bool
        /// keepalived.conf: mcast_dst_address (default 224.0.0.18 / ff02::12).
        public var multicastAddress: IPAddress
        /// keepalived.conf: virtual_ipaddress.
        public var vips: [Address]
        /// keepalived.conf: virtual_ipaddress_excluded.
        public var excludedVips: [Address]
        /// Source address of the last advert from the master (keepalived's master_saddr).
        public var masterAddress: IPAddress?
        /// Our own source address (keepalived's saddr), sent in the new-master traps.
        public var sourceAddress: IPAddress?
        /// When the instance last entered backup or master, on `SNMPStatus.Clock` (keepalived's stats->uptime).
        public var activeSince: UInt64
        /// The protocol counters.
        public var statistics: Statistics

        public init(
            name: String, vrid: UInt8, vrrpVersion: Int = 2, family: IPAddress.Family = .inet,
            state: VrrpState = .initialize, initialState: VrrpState = .backup, wantedState: VrrpState = .backup,
            basePriority: Int = 100, effectivePriority: Int = 100, vipsSet: Bool = false, interface: Interface? = nil,
            trackedInterfaces: [TrackedObject] = [], trackedScripts: [TrackedObject] = [],
            advertInterval: UInt64 = 1_000_000, preempt: Bool = true, preemptDelay: UInt64 = 0, authType: Int = 0,
            lvsSyncInterface: String? = nil, syncGroup: String? = nil, garpDelay: UInt64 = 5_000_000,
            smtpAlert: Bool = false, notifyExec: Bool = false,
            notifyMaster: String? = nil, notifyBackup: String? = nil, notifyFault: String? = nil, notifyStop: String? = nil,
            notify: String? = nil, notifyDeletedScript: String? = nil, notifyMasterRxLowerPri: String? = nil,
            accept: Bool = false, promoteSecondaries: Bool = false, linkbeatPolling: Bool = false,
            notifyDeleted: Bool = false, unicast: Bool = false, multicastAddress: IPAddress? = nil,
            vips: [Address] = [], excludedVips: [Address] = [], masterAddress: IPAddress? = nil,
            sourceAddress: IPAddress? = nil, activeSince: UInt64 = 0, statistics: Statistics = Statistics()
        ) {
            self.name = name
            self.vrid = vrid
            self.vrrpVersion = vrrpVersion
            self.family = family
            self.state = state
            self.initialState = initialState
            self.wantedState = wantedState
            self.basePriority = basePriority
            self.effectivePriority = effectivePriority
            self.vipsSet = vipsSet
            self.interface = interface
            self.trackedInterfaces = trackedInterfaces
            self.trackedScripts = trackedScripts
            self.advertInterval = advertInterval
            self.preempt = preempt
            self.preemptDelay = preemptDelay
            self.authType = authType
            self.lvsSyncInterface = lvsSyncInterface
            self.syncGroup = syncGroup
            self.garpDelay = garpDelay
            self.smtpAlert = smtpAlert
            self.notifyExec = notifyExec
            self.notifyMaster = notifyMaster
            self.notifyBackup = notifyBackup
            self.notifyFault = notifyFault
            self.notifyStop = notifyStop
            self.notify = notify
            self.notifyDeletedScript = notifyDeletedScript
            self.notifyMasterRxLowerPri = notifyMasterRxLowerPri
            self.accept = accept
            self.promoteSecondaries = promoteSecondaries
            self.linkbeatPolling = linkbeatPolling
            self.notifyDeleted = notifyDeleted
            self.unicast = unicast
            self.multicastAddress = multicastAddress ?? (family == .inet ? IPAddress("224.0.0.18")! : IPAddress("ff02::12")!)
            self.vips = vips
            self.excludedVips = excludedVips
            self.masterAddress = masterAddress
            self.sourceAddress = sourceAddress
            self.activeSince = activeSince
            self.statistics = statistics
        }
    }

    /// The interface an instance runs on.
    public struct Interface: Sendable, Hashable {
        /// Interface name (vrrpInstancePrimaryInterface): the VMAC interface when one is used.
        public var name: String
        /// Kernel ifIndex of the base interface (the RFC tables' index).
        public var baseIfIndex: UInt32
        /// Kernel ifIndex of the interface itself (the VMAC's when used; vrrpv3ProtoError and auth traps use it).
        public var ifIndex: UInt32
        /// Hardware address (vrrpOperVirtualMacAddr): the VMAC if used, else the physical MAC.
        public var macAddress: [UInt8]
        /// The interface's primary IPv4 address (vrrpOperPrimaryIpAddr).
        public var primaryIPv4: IPAddress?
        /// The interface's IPv6 link-local address (vrrpv3OperationsPrimaryIpAddr for IPv6).
        public var linkLocalIPv6: IPAddress?

        public init(name: String, ifIndex: UInt32, baseIfIndex: UInt32? = nil, macAddress: [UInt8] = [0, 0, 0, 0, 0, 0],
                    primaryIPv4: IPAddress? = nil, linkLocalIPv6: IPAddress? = nil) {
            self.name = name
            self.ifIndex = ifIndex
            self.baseIfIndex = baseIfIndex ?? ifIndex
            self.macAddress = macAddress
            self.primaryIPv4 = primaryIPv4
            self.linkLocalIPv6 = linkLocalIPv6
        }
    }

    /// A track_interface or track_script entry of an instance (or sync group).
    public struct TrackedObject: Sendable, Hashable {
        public var name: String
        /// keepalived.conf: weight.
        public var weight: Int
        /// keepalived.conf: weight ... reverse.
        public var weightReverse: Bool
        public init(name: String, weight: Int = 0, weightReverse: Bool = false) {
            self.name = name; self.weight = weight; self.weightReverse = weightReverse
        }
    }
}
