import Foundation
import Testing
import KeepalivedTestSupport

/// The RFC 2787 authentication-failure and RFC 6527 protocol-error traps, raised by the malformed
/// adverts of BadPacketTests, are the ones keepalived 2.2.7 sends for the same packets.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct SNMPErrorTrapTests {
    typealias F = VRRPFixtures

    /// The error traps `implementation` sends (sorted: the sender's order is not the point).
    static func errorTraps(_ implementation: F.Implementation) throws -> [String] {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop(); _ = snmpd.stop() }
            let global = "global_defs {\n  enable_snmp_rfc\n  enable_traps\n  snmp_socket unix:\(station.agentXSocket)\n}\n"
            let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            #expect(SNMPStation.waitFor(atMost: 3) { station.answers("1.3.6.1.2.1.68.1.1.0") } != nil)
            let sent = try F.runPython(BadPacketTests.sender, named: "send-bad-adverts.py", in: lab.router(1), lab: lab,
                                       arguments: [Lab.ipv4(router: 1)])
            #expect(sent.succeeded, "sender failed: \(sent.combinedOutput)")
            usleep(2_000_000)
            return station.traps().filter { $0.contains("OID: .1.3.6.1.2.1.68.0.2") || $0.contains("OID: .1.3.6.1.2.1.207.0.2") }.sorted()
        }
    }

    @Test func errorTrapsMatchKeepalived() throws {
        let theirs = try Self.errorTraps(.debian)
        let ours = try Self.errorTraps(.ours)
        #expect(!theirs.isEmpty, "keepalived 2.2.7 sent no error traps")
        #expect(ours == theirs, "only keepalived: \(theirs.filter { !ours.contains($0) })\nonly ours: \(ours.filter { !theirs.contains($0) })")
    }
}
