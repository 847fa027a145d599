import Testing
import NetworkTypes
@testable import SNMPModel

@Suite struct VRRPMIBTests {
    let view = VRRPMIB.view(Fixtures.status)

    func get(_ dotted: String) -> SNMPValue? { view.get(OID(dotted)!).value }

    /// Only v2 IPv4 instances with VIPs, indexed (base ifIndex, vrid): VI_1 (2.51) and VI_2 (3.52).
    @Test func operTableListsOnlyV2IPv4InstancesWithVIPs() {
        let rows = view.walk(from: VRRPMIB.operEntry.appending(3)).map { Array($0.oid.arcs.suffix(2)) }
        #expect(rows == [[2, 51], [3, 52]])
    }

    @Test func operColumns() {
        let r = "1.3.6.1.2.1.68.1.3.1"
        #expect(get("\(r).2.2.51") == .octetString([0x52, 0x54, 0, 0x12, 0x34, 0x56]))
        #expect(get("\(r).3.2.51") == .integer(3))                 // master(3)
        #expect(get("\(r).3.3.52") == .integer(2))                 // backup(2)
        #expect(get("\(r).4.2.51") == .integer(1))
        #expect(get("\(r).5.2.51") == .integer(150))               // base priority
        #expect(get("\(r).5.3.52") == .integer(100))               // base, not effective (90)
        #expect(get("\(r).6.3.52") == .integer(2))
        #expect(get("\(r).7.3.52") == .ipAddress([198, 51, 100, 2]))
        #expect(get("\(r).7.2.51") == .ipAddress([0, 0, 0, 0]))
        #expect(get("\(r).8.3.52") == .ipAddress([198, 51, 100, 1]))
        #expect(get("\(r).9.2.51") == .integer(1))                 // noAuthentication
        #expect(get("\(r).9.3.52") == .integer(2))                 // simpleTextPassword
        #expect(view.get(OID("\(r).10.2.51")!) == .noSuchInstance) // the auth key is never returned
        #expect(get("\(r).11.2.51") == .integer(1))
        #expect(get("\(r).13.2.51") == .timeticks(400))            // TimeStamp: 500 - agent start 100
        #expect(get("\(r).15.2.51") == .integer(1))
    }

    @Test func associatedAddressesAreSortedByAddress() {
        let rows = view.walk(from: VRRPMIB.assoIpAddrEntry.appending(2)).map(\.oid.description)
        #expect(rows == [
            ".1.3.6.1.2.1.68.1.4.1.2.2.51.192.0.2.10", ".1.3.6.1.2.1.68.1.4.1.2.2.51.192.0.2.11",
            ".1.3.6.1.2.1.68.1.4.1.2.3.52.198.51.100.10", ".1.3.6.1.2.1.68.1.4.1.2.3.52.198.51.100.20",
        ])
    }

    @Test func statisticsAndScalars() {
        #expect(get("1.3.6.1.2.1.68.1.1.0") == .integer(2))
        #expect(get("1.3.6.1.2.1.68.1.2.0") == .integer(1))
        #expect(get("1.3.6.1.2.1.68.2.1.0") == .counter32(2))
        #expect(get("1.3.6.1.2.1.68.2.2.0") == .counter32(1))
        #expect(get("1.3.6.1.2.1.68.2.3.0") == .counter32(0))
        #expect(get("1.3.6.1.2.1.68.2.4.1.1.2.51") == .counter32(3))
        #expect(get("1.3.6.1.2.1.68.2.4.1.2.2.51") == .counter32(1000))
    }
}

@Suite struct VRRPv3MIBTests {
    /// Debian's build (SNMP_V3_FOR_V2) lists every instance with VIPs; a v3-only build lists VI_6 alone.
    @Test(arguments: [(true, [[2, 51, 1], [2, 60, 2], [3, 52, 1]] as [[UInt32]]), (false, [[2, 60, 2]])])
    func operationsTableRows(replyV3ForV2: Bool, rows: [[UInt32]]) {
        let view = VRRPv3MIB.view(Fixtures.status, replyV3ForV2: replyV3ForV2)
        #expect(view.walk(from: VRRPv3MIB.operationsEntry.appending(6)).map { Array($0.oid.arcs.suffix(3)) } == rows)
    }

    @Test func columnsForAnIPv6Instance() {
        let view = VRRPv3MIB.view(Fixtures.status)
        func get(_ column: UInt32) -> SNMPValue? { view.get(VRRPv3MIB.operationsEntry.appending(column, 2, 60, 2)).value }
        #expect(get(3) == .octetString(Array(repeating: 0, count: 16)))   // no master seen
        #expect(get(4) == .octetString(IPAddress("fe80::1")!.bytes))
        #expect(get(6) == .integer(1))                                     // fault reads initialize(1)
        #expect(get(7) == .gauge32(100))
        #expect(get(9) == .integer(50))                                    // centiseconds
        #expect(get(11) == .integer(1))
        #expect(get(12) == .timeticks(0))
        #expect(view.get(VRRPv3MIB.statisticsEntry.appending(13, 2, 60, 2)).value == .gauge32(500))
        #expect(view.get(VRRPv3MIB.associatedIpAddrEntry.appending(2, 2, 60, 2).appending(IPAddress("2001:db8::10")!.bytes.map(UInt32.init))).value == .integer(1))
    }

    @Test func masterReportsItsPrimaryAddressAsMaster() {
        let view = VRRPv3MIB.view(Fixtures.status)
        #expect(view.get(VRRPv3MIB.operationsEntry.appending(3, 2, 51, 1)).value == .octetString([192, 0, 2, 1]))
        #expect(view.get(VRRPv3MIB.operationsEntry.appending(12, 2, 51, 1)).value == .timeticks(9_500))
        #expect(view.get(VRRPv3MIB.statisticsEntry.appending(3, 2, 51, 1)).value == .counter64(1000))
        #expect(view.get(VRRPv3MIB.statisticsEntry.appending(2, 2, 51, 1)).value == .integer(3))
        #expect(view.get(VRRPv3MIB.statistics.appending(1, 0)).value == .counter64(2))
    }

    @Test func combinedViewServesEnabledModulesOnly() {
        let set = SNMPMIBSet(keepalivedVRRP: true, rfcV2: true, rfcV3: false)
        let view = set.view(Fixtures.status)
        #expect(view.roots == [VRRPMIB.root, KeepalivedMIB.global, KeepalivedMIB.vrrp])
        #expect(view.get(VRRPv3MIB.statistics.appending(1, 0)) == .noSuchObject)
        #expect(view.get(VRRPMIB.nodeVersion.appending(0)) == .value(.integer(2)))
    }
}
