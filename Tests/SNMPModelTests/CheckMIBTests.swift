import Testing
import IPVSModel
import NetworkTypes
@testable import SNMPModel

/// The check subtree against what keepalived 2.2.7's check_snmp.c returns for the same servers
/// (expectations derived from its handlers: columns, types, absent cells, index scheme, order).
@Suite struct CheckMIBTests {
    static let checker: SNMPCheckerStatus = {
        var web = SNMPCheckerStatus.VirtualServer(service: .address(IPAddress("192.0.2.100")!, port: 80), family: .inet,
                                                  scheduler: "rr", forwarding: .init(kind: 1))
        web.alive = true
        web.quorum = 2
        web.hysteresis = 1
        web.quorumUp = false
        web.quorumUpScript = "/usr/bin/up"
        web.persistenceTimeout = 300
        web.persistenceGranularity = 0x00ff_ffff // 255.255.255.0 as keepalived's field holds it
        web.snmpName = "web"
        web.flags = 0x4 | 0x8
        web.delayBeforeRetry = 3_000_000
        web.statistics.connections = 7
        web.statistics.inBytes = 1 << 33
        web.statistics.inByteRate = (5 << 32) | 9
        var sorry = SNMPCheckerStatus.RealServer(address: IPAddress("192.0.2.200")!, port: 80)
        sorry.delayLoop = 0
        web.sorry = sorry
        var rs1 = SNMPCheckerStatus.RealServer(address: IPAddress("10.0.0.1")!, port: 8080, forwarding: .init(kind: 3, tunnelType: 2, tunnelPort: 6080, tunnelChecksum: 2))
        rs1.alive = true
        rs1.weight = 3
        rs1.upperThreshold = 100
        rs1.notifyDown = "/usr/bin/down rs1"
        rs1.delayLoop = 10_000_000
        rs1.connectTimeout = 3_000_000
        rs1.smtpAlert = true
        rs1.snmpName = "rs1"
        var rs2 = SNMPCheckerStatus.RealServer(address: IPAddress("10.0.0.2")!, port: 8080)
        rs2.failedCheckers = 1
        rs2.inhibit = true
        web.realServers = [rs1, rs2]
        var mark = SNMPCheckerStatus.VirtualServer(service: .fwmark(7), family: .inet6, serviceProtocol: .none,
                                                   scheduler: "foo", forwarding: nil)
        mark.realServers = [.init(address: IPAddress("2001:db8::1")!, port: 0)]
        let group = SNMPCheckerStatus.VirtualServer(service: .group("G"), family: nil, serviceProtocol: .udp)
        return SNMPCheckerStatus(
            groups: [.init(name: "G", members: [
                .addresses(first: IPAddress("10.1.0.1")!, last: IPAddress("10.1.0.1")!, port: 53),
                .fwmark(5),
                .addresses(first: IPAddress("10.1.0.10")!, last: IPAddress("10.1.0.20")!, port: 0),
            ])],
            virtualServers: [web, mark, group],
            syncDaemon: .init(interface: "eth1", vrrpInstance: "VI_1"),
            tcpTimeout: 900, udpTimeout: 0)
    }()

    let view = KeepalivedMIB.view(SNMPStatus(routerId: "lb1", checker: checker))
    let c = "1.3.6.1.4.1.9586.100.5.3"

    func get(_ dotted: String) -> MIBView.GetResult { view.get(OID("\(c).\(dotted)")!) }
    func value(_ dotted: String) -> SNMPValue? { get(dotted).value }

    @Test func groupMembersListFwmarksFirst() {
        #expect(value("1.1.2.1") == .string("G"))
        // member 1 is the fwmark although the file lists it second
        #expect(value("2.1.2.1.1") == .integer(1))
        #expect(value("2.1.3.1.1") == .gauge32(5))
        #expect(get("2.1.4.1.1") == .noSuchInstance)           // no address type for a fwmark
        #expect(value("2.1.2.1.2") == .integer(2))               // single address
        #expect(value("2.1.5.1.2") == .octetString([10, 1, 0, 1]))
        #expect(get("2.1.6.1.2") == .noSuchInstance)
        #expect(value("2.1.8.1.2") == .gauge32(53))
        #expect(value("2.1.2.1.3") == .integer(3))               // range
        #expect(get("2.1.5.1.3") == .noSuchInstance)
        #expect(value("2.1.6.1.3") == .octetString([10, 1, 0, 10]))
        #expect(value("2.1.7.1.3") == .octetString([10, 1, 0, 20]))
        #expect(value("2.1.8.1.3") == .gauge32(0))
    }

    @Test func virtualServerColumns() {
        #expect(value("3.1.2.1") == .integer(2))
        #expect(value("3.1.2.2") == .integer(1))
        #expect(value("3.1.2.3") == .integer(3))
        #expect(value("3.1.3.3") == .string("G"))
        #expect(value("3.1.4.2") == .gauge32(7))
        #expect(value("3.1.5.3") == .integer(2))                 // no family known: ipv6(2)
        #expect(value("3.1.6.1") == .octetString([192, 0, 2, 100]))
        #expect(value("3.1.7.1") == .gauge32(80))
        #expect(get("3.1.7.2") == .noSuchInstance)
        #expect(get("3.1.8.2") == .noSuchInstance)               // no protocol for a fwmark
        #expect(value("3.1.8.3") == .integer(2))
        #expect(value("3.1.9.1") == .integer(1))                 // rr
        #expect(value("3.1.9.2") == .integer(99))
        #expect(value("3.1.9.3") == .integer(4))                 // wlc
        #expect(get("3.1.10.2") == .noSuchInstance)
        #expect(value("3.1.11.1") == .integer(1))                // in the IPVS table
        #expect(value("3.1.11.2") == .integer(2))
        #expect(value("3.1.13.1") == .integer(1))
        #expect(value("3.1.14.1") == .gauge32(300))
        #expect(get("3.1.14.2") == .noSuchInstance)
        #expect(value("3.1.15.1") == .octetString([255, 255, 255, 0]))
        #expect(get("3.1.51.1") == .noSuchInstance)
        // a fwmark service has no address, so keepalived shows both granularity columns
        #expect(value("3.1.15.2") == .octetString([255, 255, 255, 255]))
        #expect(value("3.1.51.2") == .gauge32(0xffff_ffff))
        #expect(value("3.1.16.1") == .gauge32(60))
        #expect(value("3.1.37.1") == .integer(1))                // ops
        #expect(value("3.1.20.1") == .gauge32(2))
        #expect(value("3.1.21.1") == .gauge32(1))                // the sorry server does not count
        #expect(value("3.1.22.1") == .gauge32(2))
        #expect(value("3.1.23.1") == .integer(2))
        #expect(value("3.1.24.1") == .string("/usr/bin/up"))
        #expect(get("3.1.25.1") == .noSuchInstance)
        #expect(value("3.1.26.1") == .gauge32(1))
        #expect(value("3.1.52.1") == .integer(2))
        #expect(value("3.1.53.1") == .integer(1))
        #expect(value("3.1.62.1") == .integer(1))
        #expect(value("3.1.54.1") == .integer(2))
        #expect(value("3.1.57.1") == .gauge32(0))
        #expect(value("3.1.58.1") == .gauge32(3))
        #expect(value("3.1.65.1") == .gauge32(3_000_000))
        #expect(value("3.1.64.1") == .gauge32(60_000_000))
        #expect(value("3.1.67.1") == .gauge32(5_000_000))
        #expect(get("3.1.68.1") == .noSuchInstance)              // not a tunnel
        #expect(value("3.1.71.1") == .string("web"))
        #expect(get("3.1.71.2") == .noSuchInstance)
        #expect(get("3.1.72.1") == .noSuchObject)
    }

    @Test func virtualServerStatisticsTypes() {
        #expect(value("3.1.27.1") == .gauge32(7))
        #expect(value("3.1.28.1") == .counter32(0))
        #expect(value("3.1.30.1") == .counter64(1 << 33))
        #expect(value("3.1.35.1") == .gauge32(9))
        #expect(value("3.1.38.1") == .counter64(7))
        #expect(value("3.1.47.1") == .gauge32(0))                // keepalived's ...Low quirk
        #expect(value("3.1.48.1") == .gauge32(5))
    }

    @Test func realServerRowsStartWithTheSorryServer() {
        #expect(value("4.1.2.1.1") == .integer(2))              // sorry
        #expect(value("4.1.4.1.1") == .octetString([192, 0, 2, 200]))
        for column in 6...13 { #expect(get("4.1.\(column).1.1") == .noSuchInstance) }
        #expect(value("4.1.2.1.2") == .integer(1))
        #expect(value("4.1.4.1.2") == .octetString([10, 0, 0, 1]))
        #expect(value("4.1.5.1.2") == .gauge32(8080))
        #expect(value("4.1.6.1.2") == .integer(1))
        #expect(value("4.1.6.1.3") == .integer(2))
        #expect(value("4.1.7.1.2") == .integer(3))
        #expect(value("4.1.8.1.2") == .gauge32(100))
        #expect(get("4.1.9.1.2") == .noSuchInstance)
        #expect(value("4.1.10.1.2") == .integer(1))
        #expect(value("4.1.10.1.3") == .integer(2))              // inhibit_on_failure
        #expect(get("4.1.11.1.2") == .noSuchInstance)
        #expect(value("4.1.12.1.2") == .string("/usr/bin/down rs1"))
        #expect(value("4.1.13.1.3") == .gauge32(1))
        #expect(value("4.1.14.1.1") == .gauge32(0))              // stats for the sorry server too
        #expect(value("4.1.18.1.2") == .counter32(0))
        #expect(value("4.1.27.1.2") == .counter64(0))
        #expect(value("4.1.40.1.2") == .integer(3))
        #expect(value("4.1.46.1.2") == .gauge32(10))
        #expect(value("4.1.47.1.2") == .integer(1))
        #expect(value("4.1.50.1.2") == .gauge32(10_000_000))
        #expect(value("4.1.51.1.2") == .gauge32(3_000_000))
        #expect(value("4.1.52.1.2") == .integer(2))              // gue
        #expect(value("4.1.53.1.2") == .gauge32(6080))
        #expect(value("4.1.54.1.2") == .integer(2))              // csum
        #expect(value("4.1.55.1.2") == .string("rs1"))
        #expect(value("4.1.3.2.1") == .integer(2))               // IPv6 real server of the fwmark service
        #expect(get("4.1.2.3.1") == .noSuchInstance)              // the group service has no servers
    }

    @Test func lvsScalars() {
        #expect(value("6.1.0") == .integer(1))
        #expect(value("6.2.0") == .string("eth1"))
        #expect(value("6.3.0") == .string("VI_1"))
        #expect(value("6.4.0") == .integer(0))
        #expect(get("6.8.0") == .noSuchInstance)
        #expect(value("7.1.0") == .integer(900))
        #expect(get("7.2.0") == .noSuchInstance)
        #expect(get("7.3.0") == .noSuchInstance)                  // 0: absent, as keepalived
        let unset = KeepalivedMIB.view(SNMPStatus(checker: SNMPCheckerStatus(syncDaemon: .init(interface: "eth1", vrrpInstance: "VI_1", syncID: .max))))
        #expect(unset.get(OID("\(c).6.4.0")!).value == .integer(-1))   // keepalived's PARAMETER_UNSET as INTEGER
        let none = KeepalivedMIB.view(SNMPStatus(checker: SNMPCheckerStatus()))
        #expect(none.get(OID("\(c).6.1.0")!).value == .integer(2))
        #expect(none.get(OID("\(c).6.2.0")!) == .noSuchInstance)
        #expect(none.get(OID("\(c).3.1.2.1")!) == .noSuchInstance)
    }

    /// snmpwalk goes column by column; the first cells of the real server table are its types.
    @Test func realServerWalkIsColumnMajor() {
        let walk = view.walk(from: OID("\(c).4.1")!).prefix(5).map(\.oid.description)
        #expect(walk == [".\(c).4.1.2.1.1", ".\(c).4.1.2.1.2", ".\(c).4.1.2.1.3", ".\(c).4.1.2.2.1", ".\(c).4.1.3.1.1"])
    }

    @Test func realServerTrapVarbinds() {
        let vs = Self.checker.virtualServers[0]
        let trap = SNMPNotification.realServerStateChange(vs.realServers[1], of: vs, routerId: "lb1")
        #expect(trap.trapOID.description == ".\(c).5.0.1")
        #expect(trap.payload.map(\.oid.description) == [
            ".\(c).4.1.3", ".\(c).4.1.4", ".\(c).4.1.5", ".\(c).4.1.6",
            ".\(c).3.1.2", ".\(c).3.1.5", ".\(c).3.1.6", ".\(c).3.1.7", ".\(c).3.1.8",
            ".\(c).3.1.21", ".\(c).3.1.20", ".1.3.6.1.4.1.9586.100.5.1.2.0",
        ])
        #expect(trap.payload.map(\.value) == [
            .integer(1), .octetString([10, 0, 0, 2]), .gauge32(8080), .integer(2),
            .integer(2), .integer(1), .octetString([192, 0, 2, 100]), .gauge32(80), .integer(1),
            .gauge32(1), .gauge32(2), .string("lb1"),
        ])
    }

    @Test func quorumTrapVarbinds() {
        let mark = Self.checker.virtualServers[1]
        let trap = SNMPNotification.virtualServerQuorumStateChange(mark, routerId: "lb1")
        #expect(trap.trapOID.description == ".\(c).5.0.2")
        #expect(trap.payload.map(\.oid.description) == [
            ".\(c).3.1.2", ".\(c).3.1.4", ".\(c).3.1.8", ".\(c).3.1.23", ".\(c).3.1.22",
            ".\(c).3.1.21", ".\(c).3.1.20", ".1.3.6.1.4.1.9586.100.5.1.2.0",
        ])
        // protocol: TruthValue(TCP) even for a fwmark service
        #expect(trap.payload[2].value == .integer(2))
        #expect(trap.payload[3].value == .integer(1))
        let group = SNMPNotification.virtualServerQuorumStateChange(Self.checker.virtualServers[2], stopping: true, routerId: "lb1")
        #expect(group.payload[1].value == .string("G"))
        #expect(group.payload[3].value == .integer(3))
    }
}
