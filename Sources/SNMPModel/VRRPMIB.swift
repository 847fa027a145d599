import NetworkTypes

/// VRRP-MIB (RFC 2787, mib-2 68) as keepalived 2.2.7 serves it: read-only, and only VRRPv2 IPv4 instances
/// with at least one VIP (keepalived built with RFC 6527 support hides v3 instances here).
public enum VRRPMIB {
    /// `.1.3.6.1.2.1.68`
    public static let root: OID = [1, 3, 6, 1, 2, 1, 68]
    /// vrrpOperations (68.1).
    public static let operations = root.appending(1)
    /// vrrpNodeVersion (68.1.1), vrrpNotificationCntl (68.1.2).
    public static let nodeVersion = operations.appending(1)
    public static let notificationCntl = operations.appending(2)
    /// vrrpOperEntry (68.1.3.1), vrrpAssoIpAddrEntry (68.1.4.1).
    public static let operEntry = operations.appending(3, 1)
    public static let assoIpAddrEntry = operations.appending(4, 1)
    /// vrrpTrapPacketSrc (68.1.5), vrrpTrapAuthErrorType (68.1.6): accessible-for-notify only.
    public static let trapPacketSrc = operations.appending(5)
    public static let trapAuthErrorType = operations.appending(6)
    /// vrrpStatistics (68.2): router-wide counters 1...3 and vrrpRouterStatsEntry (68.2.4.1).
    public static let statistics = root.appending(2)
    public static let routerStatsEntry = statistics.appending(4, 1)
    /// vrrpNotifications (68.0).
    public static let notifications = root.appending(0)

    /// keepalived's suitable_for_rfc2787.
    public static func isListed(_ vrrp: SNMPStatus.Instance) -> Bool {
        vrrp.vrrpVersion == 2 && vrrp.family == .inet && !vrrp.vips.isEmpty
    }

    /// The (ifIndex, VrId) row index: the base interface's ifIndex, 0 without an interface.
    public static func index(_ vrrp: SNMPStatus.Instance) -> [UInt32] {
        [vrrp.interface?.baseIfIndex ?? 0, UInt32(vrrp.vrid)]
    }

    /// The instances shown, first one wins when two share (ifIndex, VrId).
    static func listed(_ status: SNMPStatus) -> [SNMPStatus.Instance] {
        var seen = Set<[UInt32]>()
        return status.instances.filter { isListed($0) && seen.insert(index($0)).inserted }
    }

    static func ipv4(_ address: IPAddress?) -> SNMPValue {
        if let address, address.family == .inet { return .ipAddress(address.bytes) }
        return .ipAddress([0, 0, 0, 0])
    }

    public static func add(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        mib.register(root: root)
        mib.scalar(nodeVersion, .integer(2))
        mib.scalar(notificationCntl, .integer(status.global.trapsEnabled ? 1 : 2))
        for column: UInt32 in 2...15 { mib.declare(operEntry.appending(column)) }
        mib.declare(assoIpAddrEntry.appending(2))
        for column: UInt32 in 1...12 { mib.declare(routerStatsEntry.appending(column)) }
        let shown = listed(status)
        var checksum: UInt32 = 0, version: UInt32 = 0, vrid: UInt32 = 0
        for vrrp in shown {
            let index = index(vrrp)
            func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(operEntry.appending(column), index, value) }
            put(2, vrrp.interface.map { .octetString($0.macAddress) })
            put(3, .enumeration(vrrp.state.rfcValue))
            put(4, .integer(1))
            put(5, .enumeration(vrrp.basePriority))
            put(6, .enumeration(vrrp.vips.count))
            put(7, ipv4(vrrp.masterAddress))
            put(8, vrrp.interface.map { ipv4($0.primaryIPv4) })
            put(9, .enumeration(vrrp.authType + 1))
            // vrrpOperAuthKey (10) is never returned.
            put(11, .integer(Int32(truncatingIfNeeded: vrrp.advertInterval / 1_000_000)))
            put(12, KeepalivedMIB.truth(vrrp.preempt))
            put(13, .timeticks(upTime(vrrp, status.clock)))
            put(14, .integer(1))
            put(15, .integer(1))
            for vip in vrrp.vips where vip.address.family == .inet {
                mib.cell(assoIpAddrEntry.appending(2), index + vip.address.bytes.map(UInt32.init), .integer(1))
            }
            let s = vrrp.statistics
            let counters: [UInt64] = [
                UInt64(s.becomeMaster), s.advertRcvd, s.advertIntervalErr, UInt64(s.authFailure), s.ipTtlErr,
                s.priZeroRcvd, s.priZeroSent, s.invalidTypeRcvd, s.addrListErr, UInt64(s.invalidAuthtype),
                UInt64(s.authtypeMismatch), s.packetLenErr,
            ]
            for (c, value) in counters.enumerated() {
                mib.cell(routerStatsEntry.appending(UInt32(c + 1)), index, .counter32(UInt32(truncatingIfNeeded: value)))
            }
            checksum &+= s.chkErr
            version &+= s.versErr
            vrid &+= s.vridErr
        }
        mib.scalar(statistics.appending(1), .counter32(checksum))
        mib.scalar(statistics.appending(2), .counter32(version))
        mib.scalar(statistics.appending(3), .counter32(vrid))
    }

    /// vrrpOperVirtualRouterUpTime: a TimeStamp (agent start to becoming active), 0 unless backup or master.
    static func upTime(_ vrrp: SNMPStatus.Instance, _ clock: SNMPStatus.Clock) -> UInt32 {
        guard vrrp.state == .backup || vrrp.state == .master, vrrp.activeSince >= clock.agentStart else { return 0 }
        return UInt32(truncatingIfNeeded: vrrp.activeSince - clock.agentStart)
    }

    public static func view(_ status: SNMPStatus) -> MIBView {
        var mib = MIBBuilder()
        add(status, to: &mib)
        return mib.build()
    }
}
