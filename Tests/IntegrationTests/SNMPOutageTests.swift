import Foundation
import Testing
import KeepalivedTestSupport

/// A stopped (SIGSTOP) snmpd must not delay VRRP, and the traps raised meanwhile must arrive after it
/// resumes: the SNMP thread owns net-snmp and nothing else.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct SNMPOutageTests {
    typealias F = VRRPFixtures

    static func config(priority: Int, socket: String) -> String {
        "global_defs {\n  router_id r\(priority)\n  enable_snmp_vrrp\n  enable_traps\n  snmp_socket unix:\(socket)\n}\n"
            + F.config(priority: priority)
    }

    @Test func failoverIsUnaffectedWhileSnmpdIsStopped() throws {
        try Lab.withLab(routers: 2) { lab in
            let (master, backup) = (lab.router(1), lab.router(2))
            let station = try SNMPStation(master, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop(); _ = snmpd.stop() }
            let ours = try F.start(.ours, in: master, config: Self.config(priority: 150, socket: station.agentXSocket))
            let peer = try F.start(.ours, in: backup, config: Self.config(priority: 100, socket: lab.directory + "/none.sock"))
            #expect(F.waitUntil(master, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 1 never became master:\n\(ours.output)")
            #expect(SNMPStation.waitFor(atMost: 3) { station.answers("1.3.6.1.4.1.9586.100.5.2.3.1.4.1") } != nil)
            let trapsBefore = station.traps().count

            snmpd.send(SIGSTOP)
            usleep(1_500_000)  // long enough for an AgentX ping to be waiting on the stopped snmpd
            try lab.cutLink(router: 1)
            // Router 1 sees its link go down and releases the VIP at once; router 2 takes over
            // within its Master_Down_Interval.
            let released = F.waitUntil(master, holds: F.vip4, false, atMost: 1 + F.slack)
            let takeover = F.waitUntil(backup, holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack)
            print("snmpd stopped: VIP released after \(released.map { String(format: "%.3f s", $0) } ?? "never"), "
                  + "taken over after \(takeover.map { String(format: "%.3f s", $0) } ?? "never")")
            #expect(released != nil, "router 1 kept the VIP while snmpd was stopped:\n\(ours.output)")
            #expect(takeover != nil, "router 2 never took over:\n\(peer.output)")
            usleep(8_000_000)
            snmpd.send(SIGCONT)

            let back = SNMPStation.waitFor(atMost: 10) { station.answers("1.3.6.1.4.1.9586.100.5.2.3.1.4.1") }
            print("snmpd resumed: MIBs answered after \(back.map { String(format: "%.2f s", $0) } ?? "never")")
            #expect(back.map { $0 <= SNMPStation.reconnectBound } == true)
            // The FAULT trap raised while snmpd was stopped is delivered.
            let fault = SNMPStation.waitFor(atMost: 5) {
                station.traps().dropFirst(trapsBefore).contains { $0.contains("\"VI_1\"") && $0.contains("5.2.3.1.4 = INTEGER: 3") }
            }
            #expect(fault != nil, "the FAULT trap never arrived: \(station.traps())")
        }
    }
}
