import Testing
import NetworkTypes
@testable import SNMPModel

@Suite struct KeepalivedMIBTests {
    let view = KeepalivedMIB.view(Fixtures.status)
    let k = "1.3.6.1.4.1.9586.100.5"

    func get(_ dotted: String) -> SNMPValue? { view.get(OID(dotted)!).value }

    @Test func globalScalars() {
        #expect(get("\(k).1.1.0") == .string("Keepalived v2.2.7"))
        #expect(get("\(k).1.2.0") == .string("lb1"))
        #expect(get("\(k).1.3.5.1.2.2") == .string("noc@example.com"))
        #expect(get("\(k).1.4.0") == .integer(1))   // trapEnable enabled(1)
        #expect(get("\(k).1.3.8.0") == .integer(3)) // smtp_alert unset(3)
        #expect(get("\(k).1.8.0") == .string(""))   // no namespace: empty string
        #expect(get("\(k).1.3.1.0") == .integer(2))  // no smtp_server: unset family reads ipv6(2) ...
        #expect(get("\(k).1.3.2.0") == .octetString([0, 0, 0, 0])) // ... with keepalived's four zero bytes
        #expect(view.get(OID("\(k).1.3.4.0")!) == .noSuchInstance) // no notification_email_from
    }

    @Test func instanceColumnsTypesAndEnums() {
        #expect(get("\(k).2.3.1.2.1") == .string("VI_1"))
        #expect(get("\(k).2.3.1.3.1") == .gauge32(51))          // vrid is Gauge32
        #expect(get("\(k).2.3.1.4.1") == .integer(2))           // master(2)
        #expect(get("\(k).2.3.1.4.2") == .integer(1))           // backup(1)
        #expect(get("\(k).2.3.1.4.3") == .integer(3))           // fault(3)
        #expect(get("\(k).2.3.1.4.4") == .integer(4))           // deleted reads unknown(4) in tables
        #expect(get("\(k).2.3.1.5.1") == .integer(2))
        #expect(get("\(k).2.3.1.6.2") == .integer(2))           // wanted master
        #expect(get("\(k).2.3.1.8.2") == .integer(90))
        #expect(get("\(k).2.3.1.9.1") == .integer(1))           // allSet
        #expect(get("\(k).2.3.1.9.2") == .integer(2))           // notAllSet
        #expect(get("\(k).2.3.1.10.1") == .string("eth0"))
        #expect(get("\(k).2.3.1.11.1") == .integer(1))
        #expect(get("\(k).2.3.1.11.2") == .integer(2))
        #expect(get("\(k).2.3.1.12.1") == .gauge32(1))          // v2: seconds
        #expect(get("\(k).2.3.1.12.3") == .gauge32(50))         // v3: centiseconds
        #expect(get("\(k).2.3.1.15.2") == .integer(1))          // auth PASS
        #expect(get("\(k).2.3.1.18.1") == .string("G1"))
        #expect(get("\(k).2.3.1.27.1") == .integer(0))          // accept: 0 for v2
        #expect(get("\(k).2.3.1.27.3") == .integer(1))
        #expect(get("\(k).2.3.1.30.3") == .integer(3))
        #expect(get("\(k).2.3.1.34.1") == .integer(1))
        #expect(get("\(k).2.3.1.35.1") == .octetString([224, 0, 0, 18]))
        #expect(get("\(k).2.3.1.35.3") == .octetString(IPAddress("ff02::12")!.bytes))
        #expect(view.get(OID("\(k).2.3.1.35.2")!) == .noSuchInstance) // unicast: no multicast columns
        #expect(view.get(OID("\(k).2.3.1.22.2")!) == .noSuchInstance) // no notify_master
        #expect(view.get(OID("\(k).2.3.1.2.5")!) == .noSuchInstance)
        #expect(view.get(OID("\(k).2.3.1.36.1")!) == .noSuchObject)   // 2.2.7 serves no column 36
    }

    /// A walk of vrrpInstanceTable goes column by column (all names, then all vrids, ...), as keepalived.
    @Test func instanceTableWalkIsColumnMajor() {
        let walk = view.walk(from: OID("\(k).2.3.1")!)
        #expect(walk.prefix(5).map(\.oid.description) == [
            ".\(k).2.3.1.2.1", ".\(k).2.3.1.2.2", ".\(k).2.3.1.2.3", ".\(k).2.3.1.2.4", ".\(k).2.3.1.3.1",
        ])
    }

    @Test func addressTableRowsAndOrder() {
        let values = view.walk(from: OID("\(k).2.6.1.3")!)
        // Static addresses under instance 0, then per instance its VIPs then eVIPs, configuration order (not sorted).
        #expect(values.map(\.oid.description) == [
            ".\(k).2.6.1.3.0.1", ".\(k).2.6.1.3.1.1", ".\(k).2.6.1.3.1.2", ".\(k).2.6.1.3.1.3",
            ".\(k).2.6.1.3.2.1", ".\(k).2.6.1.3.2.2", ".\(k).2.6.1.3.3.1",
        ])
        // vrrpAddressValue: the raw address bytes (Hex-STRING), 4 or 16 of them.
        #expect(values[1].value == .octetString([192, 0, 2, 10]))
        #expect(values[4].value == .octetString([198, 51, 100, 20]))
        #expect(values[6].value == .octetString(IPAddress("2001:db8::10")!.bytes))
        #expect(get("\(k).2.6.1.2.3.1") == .integer(2))            // ipv6(2)
        #expect(get("\(k).2.6.1.5.1.1") == .gauge32(24))
        #expect(get("\(k).2.6.1.4.1.1") == .octetString([0, 0, 0, 0]))
        #expect(view.get(OID("\(k).2.6.1.4.3.1")!) == .noSuchInstance) // no broadcast for IPv6
        #expect(get("\(k).2.6.1.6.1.1") == .integer(14))           // global scope
        #expect(get("\(k).2.6.1.10.1.1") == .integer(1))           // set
        #expect(get("\(k).2.6.1.10.2.1") == .integer(2))           // unset
    }

    @Test func advertisingFlagFollowsKeepalived227() {
        #expect(get("\(k).2.6.1.11.0.1") == .integer(2)) // static
        #expect(get("\(k).2.6.1.11.1.1") == .integer(1)) // first instance VIP
        #expect(get("\(k).2.6.1.11.1.3") == .integer(2)) // eVIP
        #expect(get("\(k).2.6.1.11.2.1") == .integer(2)) // later instances: never reset in 2.2.7
    }

    @Test func syncGroupsMembersTrackingScripts() {
        #expect(get("\(k).2.1.1.2.1") == .string("G1"))
        #expect(get("\(k).2.1.1.3.1") == .integer(2))
        #expect(get("\(k).2.1.1.6.1") == .string("/bin/true master"))
        #expect(get("\(k).2.2.1.2.1.2") == .string("VI_2"))
        #expect(get("\(k).2.4.1.1.1.1") == .string("eth0"))
        #expect(get("\(k).2.4.1.2.1.1") == .integer(-10))
        #expect(get("\(k).2.5.1.2.1.2") == .string("chk_b"))
        #expect(get("\(k).2.5.1.4.1.2") == .integer(1))
        #expect(get("\(k).2.9.1.6.1") == .integer(3))  // good(3)
        #expect(get("\(k).2.9.1.6.2") == .integer(5))  // initfailed(5)
        #expect(get("\(k).2.9.1.7.1") == .gauge32(2))
        #expect(view.get(OID("\(k).2.7.1.2.1.1")!) == .noSuchInstance) // route table: served, empty
    }
}
