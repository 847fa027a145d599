import NetworkTypes

/// VRRPV3-MIB (RFC 6527, mib-2 207) as keepalived 2.2.7 serves it: read-only, instances with at least one VIP.
public enum VRRPv3MIB {
    /// `.1.3.6.1.2.1.207`
    public static let root: OID = [1, 3, 6, 1, 2, 1, 207]
    /// vrrpv3OperationsEntry (207.1.1.1.1) and vrrpv3AssociatedIpAddrEntry (207.1.1.2.1).
    public static let operationsEntry = root.appending(1, 1, 1, 1)
    public static let associatedIpAddrEntry = root.appending(1, 1, 2, 1)
    /// vrrpv3Statistics (207.1.2): router counters 1...3, discontinuity time 4, vrrpv3StatisticsEntry (5.1).
    public static let statistics = root.appending(1, 2)
    public static let statisticsEntry = statistics.appending(5, 1)
    /// vrrpv3Notifications (207.0).
    public static let notifications = root.appending(0)

    /// keepalived's suitable_for_rfc6527. Debian's keepalived is built with SNMP_V3_FOR_V2
    /// (`_SNMP_REPLY_V3_FOR_V2_`), which lists VRRPv2 instances here too; pass false for a v3-only view.
    public static func isListed(_ vrrp: SNMPStatus.Instance, replyV3ForV2: Bool = true) -> Bool {
        (replyV3ForV2 || vrrp.vrrpVersion == 3) && !vrrp.vips.isEmpty
    }

    /// InetAddressType of the instance: ipv4(1) or ipv6(2).
    static func addressType(_ vrrp: SNMPStatus.Instance) -> UInt32 { vrrp.family == .inet ? 1 : 2 }

    /// The (ifIndex, VrId, InetAddrType) row index, on the base interface.
    public static func index(_ vrrp: SNMPStatus.Instance) -> [UInt32] {
        [vrrp.interface?.baseIfIndex ?? 0, UInt32(vrrp.vrid), addressType(vrrp)]
    }

    static func bytes(_ address: IPAddress?, _ family: IPAddress.Family) -> [UInt8] {
        if let address, address.family == family { return address.bytes }
        return Array(repeating: 0, count: family == .inet ? 4 : 16)
    }

    public static func add(_ status: SNMPStatus, replyV3ForV2: Bool = true, to mib: inout MIBBuilder) {
        mib.register(root: root)
        for column: UInt32 in 3...13 { mib.declare(operationsEntry.appending(column)) }
        mib.declare(associatedIpAddrEntry.appending(2))
        for column: UInt32 in 1...13 { mib.declare(statisticsEntry.appending(column)) }
        var seen = Set<[UInt32]>()
        var checksum: UInt64 = 0, version: UInt64 = 0, vrid: UInt64 = 0
        for vrrp in status.instances where isListed(vrrp, replyV3ForV2: replyV3ForV2) && seen.insert(index(vrrp)).inserted {
            let index = index(vrrp)
            func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(operationsEntry.appending(column), index, value) }
            let primary: SNMPValue? = vrrp.interface.map {
                .octetString(bytes(vrrp.family == .inet ? $0.primaryIPv4 : $0.linkLocalIPv6, vrrp.family))
            }
            // keepalived: the last master seen, or our primary address while we are master.
            put(3, vrrp.state == .master ? primary : .octetString(bytes(vrrp.masterAddress, vrrp.family)))
            put(4, primary)
            put(5, vrrp.interface.map { .octetString($0.macAddress) })
            put(6, .enumeration(vrrp.state.rfcValue))
            put(7, .gauge32(UInt32(truncatingIfNeeded: vrrp.basePriority)))
            put(8, .enumeration(vrrp.vips.count))
            put(9, .integer(Int32(truncatingIfNeeded: vrrp.advertInterval / 10_000)))
            put(10, KeepalivedMIB.truth(vrrp.preempt))
            put(11, KeepalivedMIB.truth(vrrp.accept))
            put(12, .timeticks(upTime(vrrp, status.clock)))
            put(13, .integer(1))
            // keepalived: the address is appended as its raw 4 or 16 bytes, without a length arc.
            for vip in vrrp.vips where vip.address.family == vrrp.family {
                mib.cell(associatedIpAddrEntry.appending(2), index + vip.address.bytes.map(UInt32.init), .integer(1))
            }
            let s = vrrp.statistics
            func stat(_ column: UInt32, _ value: SNMPValue) { mib.cell(statisticsEntry.appending(column), index, value) }
            stat(1, .counter32(s.becomeMaster))
            stat(2, .enumeration(s.masterReason))
            stat(3, .counter64(s.advertRcvd))
            stat(4, .counter64(s.advertIntervalErr))
            stat(5, .counter64(s.ipTtlErr))
            stat(6, .enumeration(s.protoErrReason))
            stat(7, .counter64(s.priZeroRcvd))
            stat(8, .counter64(s.priZeroSent))
            stat(9, .counter64(s.invalidTypeRcvd))
            stat(10, .counter64(s.addrListErr))
            stat(11, .counter64(s.packetLenErr))
            stat(12, .timeticks(0))
            // vrrpv3StatisticsRefreshRate: the advert interval in milliseconds (centiseconds * 10).
            stat(13, .gauge32(UInt32(truncatingIfNeeded: vrrp.advertInterval / 10_000 * 10)))
            checksum &+= UInt64(s.chkErr)
            version &+= UInt64(s.versErr)
            vrid &+= UInt64(s.vridErr)
        }
        mib.scalar(statistics.appending(1), .counter64(checksum))
        mib.scalar(statistics.appending(2), .counter64(version))
        mib.scalar(statistics.appending(3), .counter64(vrid))
        mib.scalar(statistics.appending(4), .timeticks(0))
    }

    /// vrrpv3OperationsUpTime: time since the instance became backup or master, else 0.
    static func upTime(_ vrrp: SNMPStatus.Instance, _ clock: SNMPStatus.Clock) -> UInt32 {
        guard vrrp.state == .backup || vrrp.state == .master, clock.now >= vrrp.activeSince else { return 0 }
        return UInt32(truncatingIfNeeded: clock.now - vrrp.activeSince)
    }

    public static func view(_ status: SNMPStatus, replyV3ForV2: Bool = true) -> MIBView {
        var mib = MIBBuilder()
        add(status, replyV3ForV2: replyV3ForV2, to: &mib)
        return mib.build()
    }
}
