/// What one virtual router (a vrrp_instance) needs from the configuration to run the protocol.
public struct VirtualRouterConfiguration: Sendable, Hashable {
    public var name: String
    public var vrid: VRID
    public var version: VRRPVersion
    public var family: AddressFamily
    /// keepalived.conf: priority
    public var basePriority: Priority
    /// keepalived.conf: advert_int, in microseconds.
    public var advertisementInterval: UInt64
    /// keepalived.conf: state MASTER
    public var wantsMasterAtStart: Bool
    /// keepalived.conf: nopreempt (RFC 5798 Preempt_Mode false)
    public var noPreempt: Bool
    /// keepalived.conf: preempt_delay, in microseconds.
    public var preemptDelay: UInt64
    /// keepalived.conf: down_timer_adverts (3 in the RFC).
    public var downTimerAdverts: UInt64
    /// keepalived.conf: lower_prio_no_advert
    public var lowerPriorityNoAdvert: Bool
    /// keepalived.conf: higher_prio_send_advert
    public var higherPrioritySendAdvert: Bool
    /// Our advert source address, for the equal-priority tie-break (RFC 5798 §6.4.3).
    public var sourceAddress: [UInt8]
    /// keepalived.conf: garp_master_repeat
    public var garpMasterRepeat: Int
    /// keepalived.conf: garp_master_delay, in microseconds (0: no second burst).
    public var garpMasterDelay: UInt64
    /// keepalived.conf: garp_lower_prio_repeat (0: a master hearing a lower priority sends no
    /// gratuitous ARPs / NAs; the daemon fills in keepalived's default, the global garp_master_repeat).
    public var garpLowerPriorityRepeat = 0
    /// keepalived.conf: garp_lower_prio_delay, in microseconds (0: no second burst).
    public var garpLowerPriorityDelay: UInt64 = 0
    /// keepalived.conf: auth_type AH (the instance keeps an AH sequence counter and numbers its adverts).
    public var ipsecAH: Bool

    public init(
        name: String, vrid: VRID, version: VRRPVersion = .v2, family: AddressFamily = .ipv4, basePriority: Priority = Priority(100),
        advertisementInterval: UInt64 = 1_000_000, wantsMasterAtStart: Bool = false, noPreempt: Bool = false,
        preemptDelay: UInt64 = 0, downTimerAdverts: UInt64 = 3, lowerPriorityNoAdvert: Bool = false,
        higherPrioritySendAdvert: Bool = false, sourceAddress: [UInt8] = [], garpMasterRepeat: Int = 5,
        garpMasterDelay: UInt64 = 5_000_000, ipsecAH: Bool = false
    ) {
        self.name = name
        self.vrid = vrid
        self.version = version
        self.family = family
        self.basePriority = basePriority
        self.advertisementInterval = advertisementInterval
        self.wantsMasterAtStart = wantsMasterAtStart
        self.noPreempt = noPreempt
        self.preemptDelay = preemptDelay
        self.downTimerAdverts = downTimerAdverts
        self.lowerPriorityNoAdvert = lowerPriorityNoAdvert
        self.higherPrioritySendAdvert = higherPrioritySendAdvert
        self.sourceAddress = sourceAddress
        self.garpMasterRepeat = garpMasterRepeat
        self.garpMasterDelay = garpMasterDelay
        self.ipsecAH = ipsecAH
    }
}
