/// The Engine's identifiers, configuration, inputs and actions.

/// Names a vrrp_instance inside one Engine (keepalived's iname).
public struct InstanceID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// Names a vrrp_sync_group (keepalived's gname).
public struct SyncGroupID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

extension Engine {
    /// One vrrp_instance as the Engine runs it.
    public struct InstanceConfiguration: Sendable {
        public var id: InstanceID
        public var router: VirtualRouterConfiguration
        /// keepalived.conf: interface. Its link state is a fault reason unless `dontTrackPrimary`.
        public var interface: String?
        /// keepalived.conf: dont_track_primary
        public var dontTrackPrimary: Bool
        /// keepalived.conf: track_interface, track_script, track_file, track_process, track_bfd
        public var trackers: [TrackingBinding]

        public init(
            id: InstanceID? = nil, router: VirtualRouterConfiguration, interface: String? = nil, dontTrackPrimary: Bool = false,
            trackers: [TrackingBinding] = []
        ) {
            self.id = id ?? InstanceID(router.name)
            self.router = router
            self.interface = interface
            self.dontTrackPrimary = dontTrackPrimary
            self.trackers = trackers
        }

        /// Every binding the instance obeys: its own interface, its trackers.
        var bindings: [TrackingBinding] {
            var all: [TrackingBinding] = []
            if let interface, !dontTrackPrimary { all.append(TrackingBinding(.interface(interface))) }
            return all + trackers
        }
    }

    /// One vrrp_sync_group.
    public struct SyncGroupConfiguration: Sendable {
        public var id: SyncGroupID
        /// keepalived.conf: group { … }, in the configured order.
        public var members: [InstanceID]
        /// keepalived.conf: track_interface / track_script / track_file / track_process / track_bfd
        /// of the group; they apply to every member (keepalived wants their weight 0 unless
        /// sync_group_tracking_weight is set; the caller decides which bindings to give).
        public var trackers: [TrackingBinding]

        public init(id: SyncGroupID, members: [InstanceID], trackers: [TrackingBinding] = []) {
            self.id = id
            self.members = members
            self.trackers = trackers
        }
    }

    /// Everything the Engine runs.
    public struct Configuration: Sendable {
        public var instances: [InstanceConfiguration]
        public var syncGroups: [SyncGroupConfiguration]
        /// The tracked objects' states before the first result (vrrp_script rise/fall/init_fail,
        /// file values and link states read at startup). Objects not listed start as
        /// `TrackerState.initial(_:)` says.
        public var trackers: [TrackerState]

        public init(instances: [InstanceConfiguration], syncGroups: [SyncGroupConfiguration] = [], trackers: [TrackerState] = []) {
            self.instances = instances
            self.syncGroups = syncGroups
            self.trackers = trackers
        }
    }

    /// What happened.
    public enum Input: Sendable, Hashable {
        /// Start every instance (keepalived's vrrp_init_state).
        case start
        /// An advertisement for `instance` that passed every receive check, from `source`.
        case advertisementReceived(InstanceID, Advertisement, source: [UInt8])
        /// The timer `instance` armed with `generation` fired.
        case timerExpired(InstanceID, generation: UInt64)
        /// A probe of a tracked object finished (script exit, file read, process count, BFD event).
        case trackerResult(TrackerID, TrackerResult)
        /// A link went up or down (netlink RTM_NEWLINK).
        case interfaceChanged(String, isUp: Bool)
        /// The interface address an instance advertises from changed (netlink RTM_NEWADDR /
        /// RTM_DELADDR); nil: its interface has none of the instance's family left.
        case sourceAddressChanged(InstanceID, [UInt8]?)
        /// Someone else deleted a virtual address of `instance` (netlink RTM_DELADDR): a master
        /// steps down for Skew_Time, and so do its sync group's other masters.
        case virtualAddressDeleted(InstanceID)
        /// A manager changed one of the instance's settings over SNMP.
        case settingChanged(InstanceID, Setting)
        /// Orderly shutdown (SIGTERM).
        case stop
    }

    /// An instance setting a manager may change at run time (keepalived's SNMP write methods).
    public enum Setting: Sendable, Hashable {
        /// vrrpInstanceBasePriority (keepalived.conf: priority): the effective priority follows at
        /// once with the trackers' contributions kept; a master's next advert carries it.
        case basePriority(Priority)
        /// vrrpInstancePreempt (keepalived.conf: nopreempt, inverted).
        case preemption(enabled: Bool)
    }

    /// What the executor must do, in this order.
    public enum Action: Sendable, Hashable {
        /// An action of one instance's virtual router.
        case instance(InstanceID, VirtualRouter.Action)
        /// A sync group changed state: group notify scripts, FIFO GROUP line, SNMP trap, mail.
        case groupTransition(SyncGroupID, from: VRRPState, to: VRRPState)
        /// A log line not tied to one instance, worded as keepalived words it.
        case log(String)
    }
}
