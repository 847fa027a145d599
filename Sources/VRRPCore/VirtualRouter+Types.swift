extension VirtualRouter {
    /// What happened to the instance.
    public enum Input: Sendable, Hashable {
        /// The daemon starts the instance; `isUp` is false when a fault (interface down, failing
        /// tracker) holds it (keepalived's vrrp_init_state). `faultAnnounced`: the fault was
        /// already logged with its reason (keepalived's vrrp_complete_init), so the start line is
        /// keepalived's "entering FAULT state" rather than "Entering FAULT STATE (init)".
        /// `groupBackup`: a member of a sync group that starts in BACKUP; only such a member with
        /// `state MASTER` checks one advert interval for another master before taking over
        /// (keepalived 2.2.7's vrrp_init_state); anyone else below 255 waits Master_Down_Interval.
        case start(isUp: Bool, faultAnnounced: Bool = false, groupBackup: Bool = false)
        /// An advertisement that passed every receive check (ReceiveCheck), from `source`.
        case advertisementReceived(Advertisement, source: [UInt8])
        /// The instance timer armed with `generation` fired.
        case timerExpired(generation: UInt64)
        /// The fault condition changed (own interface, unweighted trackers).
        case faultChanged(isFaulty: Bool)
        /// Trackers moved the effective priority (never for an address owner).
        case effectivePriorityChanged(Priority)
        /// A manager set the configured priority (SNMP vrrpInstanceBasePriority); the Engine then
        /// moves the effective priority with it.
        case basePriorityChanged(Priority)
        /// A manager turned preemption on or off (SNMP vrrpInstancePreempt: keepalived.conf's nopreempt).
        case preemptionChanged(enabled: Bool)
        /// Orderly shutdown (SIGTERM).
        case stop
        /// Sync group: this backup's down timer ran out but another member does not want MASTER
        /// yet, so it keeps waiting with wantstate MASTER and a fresh down timer
        /// (keepalived's vrrp_sync_can_goto_master refusing).
        case syncGroupHold
        /// Sync group: every member wants MASTER and another member has just become master, so
        /// this backup follows at once (keepalived's vrrp_sync_master).
        case syncGroupMaster
        /// Sync group: another member left MASTER for BACKUP, so this master follows without a
        /// priority 0 advert (keepalived's vrrp_sync_backup).
        case syncGroupBackup
        /// Someone else deleted one of this master's virtual addresses: it steps down with a
        /// priority 0 advert and its addresses released, and comes back after Skew_Time unless a
        /// better router answers first (keepalived's set_vrrp_backup).
        case virtualAddressDeleted
    }

    /// What the executor must do, in this order.
    public enum Action: Sendable, Hashable {
        /// Send one advertisement with this priority (0 to give up mastership); with AH, in an AH
        /// header carrying `sequenceNumber`.
        case sendAdvertisement(Priority, sequenceNumber: UInt32? = nil)
        /// Install the virtual addresses (and routes and rules).
        case addAddresses
        /// Remove the virtual addresses (and routes and rules).
        case removeAddresses
        /// Gratuitous ARP / unsolicited NA for every virtual address, `count` times each.
        case announceAddresses(count: Int)
        /// (Re)arm the instance timer; an expiry with another generation is stale.
        case armTimer(at: Instant, generation: UInt64)
        /// Stop the instance timer.
        case cancelTimer
        /// Arm a delayed gratuitous-ARP burst of `count` rounds (garp_master_delay after becoming
        /// master, garp_lower_prio_delay after hearing a lower priority).
        case armAnnounceTimer(at: Instant, count: Int)
        /// The state changed: log it the way operators grep for, notify scripts, FIFO, SNMP, mail.
        case transition(from: VRRPState, to: VRRPState)
        /// A log line worded as keepalived words it.
        case log(String)
        /// This master heard a lower-priority router advertising (keepalived's MASTER_RX_LOWER_PRI
        /// event: notify_master_rx_lower_pri and a FIFO line), after answering it.
        case masterReceivedLowerPriority
    }

    /// Counters shaped like keepalived's per-instance statistics (and the MIB columns).
    public struct Statistics: Sendable, Hashable {
        public var becomeMaster: UInt64 = 0
        public var releaseMaster: UInt64 = 0
        public var advertisementsSent: UInt64 = 0
        public var priorityZeroSent: UInt64 = 0
        public var priorityZeroReceived: UInt64 = 0
        public var advertisementsReceived: UInt64 = 0
        public init() {}
    }
}
