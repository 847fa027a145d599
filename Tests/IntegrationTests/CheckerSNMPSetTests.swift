import Foundation
import Testing
import KeepalivedTestSupport

/// SNMP SET of realServerWeight on our daemon under net-snmp's snmpd, in a checker lab as in
/// HealthCheckerTests. keepalived 2.2.7's checker cannot start on a kernel without ip_vs, so the
/// expectations come from its check_snmp.c and ipwrapper.c (update_svr_wgt's line; the IPVS
/// change is what `-D` logs, since this host has no IPVS to show it).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct CheckerSNMPSetTests {
    typealias F = VRRPFixtures
    static let weight = ".1.3.6.1.4.1.9586.100.5.3.4.1.7"

    static func config(socket: String) -> String {
        """
        global_defs {
          router_id lab1
          enable_snmp_checker
          snmp_socket unix:\(socket)
        }
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched wrr
          lvs_method NAT
          protocol TCP
          sorry_server 10.77.0.200 80
          real_server 10.77.0.12 9000 {
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.99 80 {
            weight 3
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """
    }

    @Test func realServerWeightReachesIPVS() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let listener = try CheckerFixtures.tcpListener(lab.router(2))
            defer { _ = listener.stop() }
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            defer { _ = snmpd.stop() }
            #expect(station.waitUntilListening())
            let daemon = try F.start(.ours, in: router, config: Self.config(socket: station.agentXSocket), arguments: ["-D"])
            defer { _ = daemon.stop() }
            // Row 1.1 is the sorry server; 10.77.0.12 (1.2) answers, 10.77.0.99 (1.3) never does.
            let settled = SNMPStation.waitFor(atMost: 10) {
                ((try? station.walk(".1.3.6.1.4.1.9586.100.5.3.4.1.6")) ?? []).map { $0.suffix(10) } == ["INTEGER: 1", "INTEGER: 2"]
            }
            #expect(settled != nil, "the real servers never settled:\n\(daemon.output)")

            #expect(try station.set("\(Self.weight).1.2", "i", "7") == "\(Self.weight).1.2 = INTEGER: 7")
            let changed = "Changing weight from 1 to 7 for active service [10.77.0.12]:tcp:9000 of VS [10.77.0.100]:tcp:80"
            #expect(SNMPStation.waitFor(atMost: 3) { daemon.output.contains(changed) } != nil, "\(daemon.output)")
            #expect(SNMPStation.waitFor(atMost: 3) { daemon.output.contains("IPVS: edit TCP  10.77.0.100:80 -> 10.77.0.12:9000 Masq 7") } != nil,
                    "\(daemon.output)")
            // A server that is down takes the weight for when it comes back: no IPVS change now.
            #expect(try station.set("\(Self.weight).1.3", "i", "4") == "\(Self.weight).1.3 = INTEGER: 4")
            let inactive = "Changing weight from 3 to 4 for inactive service [10.77.0.99]:tcp:80 of VS [10.77.0.100]:tcp:80"
            #expect(SNMPStation.waitFor(atMost: 3) { daemon.output.contains(inactive) } != nil, "\(daemon.output)")
            #expect(!daemon.output.contains("-> 10.77.0.99:80 Masq 4"))
            #expect(SNMPStation.waitFor(atMost: 2) {
                ((try? station.walk(Self.weight)) ?? []) == ["\(Self.weight).1.2 = INTEGER: 7", "\(Self.weight).1.3 = INTEGER: 4"]
            } != nil, "\((try? station.walk(Self.weight)) ?? [])")
            // keepalived's refusals: the sorry server's row has no weight; only an INTEGER is taken.
            #expect(try station.set("\(Self.weight).1.1", "i", "5").contains("notWritable"))
            #expect(try station.set("\(Self.weight).1.9", "i", "5").contains("notWritable"))
            #expect(try station.set("\(Self.weight).1.2", "s", "5").contains("wrongType"))
            #expect(try station.set(".1.3.6.1.4.1.9586.100.5.3.4.1.6.1.2", "i", "2").contains("notWritable"))
        }
    }
}
