import Foundation
import Testing
import KeepalivedTestSupport

/// The KEEPALIVED-MIB check subtree and check traps of our daemon under net-snmp's snmpd, with a
/// checker lab as in HealthCheckerTests. keepalived 2.2.7's checker cannot start on a kernel
/// without ip_vs, so the expected walk and traps are the ones its check_snmp.c gives for this
/// configuration (IPVS statistics 0, as keepalived serves them when it cannot read the kernel's).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct CheckerSNMPTests {
    typealias F = VRRPFixtures
    static let check = ".1.3.6.1.4.1.9586.100.5.3"

    static func config(socket: String) -> String {
        """
        global_defs {
          router_id lab1
          enable_snmp_checker
          enable_traps
          enable_script_security
          script_user root
          snmp_socket unix:\(socket)
          lvs_timeouts tcp 900 udp 60
        }
        virtual_server_group G {
          10.77.0.150 80
          fwmark 5
          10.77.0.160-170 443
        }
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          quorum 2
          snmp_name web
          sorry_server 10.77.0.200 80
          real_server 10.77.0.12 9000 {
            snmp_name up
            TCP_CHECK {
              connect_port 9000
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
        virtual_server group G {
          delay_loop 5
          lvs_method DR
          protocol TCP
          real_server 10.77.0.12 9000 {
            TCP_CHECK {
              connect_port 9000
              connect_timeout 1
            }
          }
        }
        """
    }

    @Test func walkAndTrapsAsKeepalivedServesThem() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let listener = try lab.router(2).start(["python3", "-c", """
                import socket
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("10.77.0.12", 9000)); s.listen(64)
                while True:
                    c, _ = s.accept(); c.close()
                """], name: "listener")
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop(); _ = snmpd.stop() }
            #expect(station.waitUntilListening())
            let daemon = try F.start(.ours, in: router, config: Self.config(socket: station.agentXSocket))
            // 10.77.0.99 never answers: down after its first check; the quorum (2 of weight 1+3) goes with it.
            let settled = SNMPStation.waitFor(atMost: 10) {
                ((try? station.walk("\(Self.check).4.1.6")) ?? []) == [
                    "\(Self.check).4.1.6.1.2 = INTEGER: 1", "\(Self.check).4.1.6.1.3 = INTEGER: 2", "\(Self.check).4.1.6.2.1 = INTEGER: 1",
                ]
            }
            #expect(settled != nil, "the real servers never settled:\n\(daemon.output)")
            let walk = try station.walk(Self.check)
            print(walk.joined(separator: "\n"))
            _ = listener.stop()
            let down = SNMPStation.waitFor(atMost: 6) { station.traps().count >= 2 }
            #expect(down != nil)
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(500_000)
            print(station.traps().joined(separator: "\n"))
        }
    }
}
