import Testing
import NetworkTypes
@testable import SNMPModel

@Suite struct NotificationTests {
    let status = Fixtures.status

    @Test func instanceStateChangeUsesColumnOIDsWithoutInstance() {
        var vrrp = status.instances[0]
        vrrp.state = .shutdown
        let trap = SNMPNotification.instanceStateChange(vrrp, routerId: "lb1")
        #expect(trap.varbinds.map(\.oid.description) == [
            ".1.3.6.1.6.3.1.1.4.1.0",
            ".1.3.6.1.4.1.9586.100.5.2.3.1.2", ".1.3.6.1.4.1.9586.100.5.2.3.1.4",
            ".1.3.6.1.4.1.9586.100.5.2.3.1.5", ".1.3.6.1.4.1.9586.100.5.1.2.0",
        ])
        #expect(trap.varbinds[0].value == .objectIdentifier(OID("1.3.6.1.4.1.9586.100.5.2.10.0.2")!))
        #expect(trap.varbinds.map(\.value).dropFirst() == [.string("VI_1"), .integer(5), .integer(2), .string("lb1")])
    }

    @Test(arguments: [(VrrpState.master, Int32(2)), (.fault, 3), (.shutdown, 5), (.deleted, 4)] as [(VrrpState, Int32)])
    func syncGroupStateChange(state: VrrpState, value: Int32) {
        var group = status.syncGroups[0]
        group.state = state
        let trap = SNMPNotification.syncGroupStateChange(group, routerId: "lb1")
        #expect(trap.trapOID == OID("1.3.6.1.4.1.9586.100.5.2.10.0.1"))
        #expect(trap.payload.map(\.oid.description) == [
            ".1.3.6.1.4.1.9586.100.5.2.1.1.2", ".1.3.6.1.4.1.9586.100.5.2.1.1.3", ".1.3.6.1.4.1.9586.100.5.1.2.0",
        ])
        #expect(trap.payload[1].value == .integer(value))
    }

    @Test func rfc2787Traps() {
        let trap = SNMPNotification.vrrpTrapNewMaster(status.instances[0])
        #expect(trap?.trapOID == OID("1.3.6.1.2.1.68.0.1"))
        #expect(trap?.payload == [.init(oid: OID("1.3.6.1.2.1.68.1.3.1.7.2.51")!, value: .ipAddress([192, 0, 2, 1]))])
        #expect(SNMPNotification.vrrpTrapNewMaster(status.instances[2]) == nil) // v3 IPv6: not in VRRP-MIB
        let auth = SNMPNotification.vrrpTrapAuthFailure(status.instances[1], source: IPAddress("198.51.100.9")!, error: .authFailure)
        #expect(auth?.payload == [
            .init(oid: OID("1.3.6.1.2.1.68.1.5.3.52")!, value: .ipAddress([198, 51, 100, 9])),
            .init(oid: OID("1.3.6.1.2.1.68.1.6.3.52")!, value: .integer(3)),
        ])
    }

    @Test func rfc6527Traps() {
        var vrrp = status.instances[2]
        vrrp.interface = SNMPStatus.Interface(name: "vrrp.60", ifIndex: 9, baseIfIndex: 2)
        vrrp.statistics.masterReason = 2
        vrrp.statistics.protoErrReason = 1
        let newMaster = SNMPNotification.vrrpv3NewMaster(vrrp)
        #expect(newMaster?.trapOID == OID("1.3.6.1.2.1.207.0.1"))
        #expect(newMaster?.payload == [
            .init(oid: OID("1.3.6.1.2.1.207.1.1.1.1.3.2.60.2")!, value: .octetString(IPAddress("fe80::1")!.bytes)),
            .init(oid: OID("1.3.6.1.2.1.207.1.2.5.1.2.2.60.2")!, value: .integer(2)),
        ])
        // The protocol-error notification uses the VMAC's own ifIndex (9), the tables the base one (2).
        #expect(SNMPNotification.vrrpv3ProtoError(vrrp)?.payload == [
            .init(oid: OID("1.3.6.1.2.1.207.1.2.5.1.6.9.60.2")!, value: .integer(1)),
        ])
        #expect(SNMPNotification.vrrpv3NewMaster(status.instances[3]) == nil) // no VIPs
    }
}
