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

    static func config(socket: String, keyword: Bool) -> String {
        """
        global_defs {
          router_id lab1
          \(keyword ? "enable_snmp_checker" : "")
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
          delay_loop 30
          warmup 0
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

    /// Turned on by `enable_snmp_checker`, or by `-x` (which turns on every MIB, as keepalived's does).
    @Test(arguments: [false, true])
    func walkAndTrapsAsKeepalivedServesThem(dashX: Bool) throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let listener = try CheckerFixtures.tcpListener(lab.router(2))
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop(); _ = snmpd.stop() }
            #expect(station.waitUntilListening())
            let file = try router.installFile("/etc/keepalived/check-snmp.conf",
                                              contents: Self.config(socket: station.agentXSocket, keyword: !dashX))
            let daemon = try router.start([F.ourBinary, "-n", "-l", "-G", "-f", file, "-p", lab.directory + "/ck.pid",
                                           "-r", lab.directory + "/ck-vrrp.pid"] + (dashX ? ["-x"] : []), name: "keepalived-check-snmp")
            // 10.77.0.99 never answers: down after its first check; the quorum (2 of weight 1+3) goes with it.
            let settled = SNMPStation.waitFor(atMost: 10) {
                ((try? station.walk("\(Self.check).4.1.6")) ?? []) == [
                    "\(Self.check).4.1.6.1.2 = INTEGER: 1", "\(Self.check).4.1.6.1.3 = INTEGER: 2", "\(Self.check).4.1.6.2.1 = INTEGER: 1",
                ]
            }
            #expect(settled != nil, "the real servers never settled:\n\(daemon.output)")
            let walk = try station.walk(Self.check).map { String($0.dropFirst(Self.check.count)).trimmingCharacters(in: .whitespaces) }
            let (statistics, rest) = (walk.filter(Self.isStatistics), walk.filter { !Self.isStatistics($0) })
            #expect(rest == Self.expectedWalk, "differs at: \(zip(rest, Self.expectedWalk).first { $0 != $1 }.map { "\($0) != \($1)" } ?? "length \(rest.count)")")
            #expect(statistics == Self.expectedStatistics(rows: ["1", "2"], ["1.1", "1.2", "1.3", "2.1"]))
            #expect(station.traps() == Array(Self.expectedTraps.prefix(4)), "\(station.traps())")

            // The real server both services share goes away: the first virtual server reports it down
            // (the group's checker waits 30 s and does not notice before the stop).
            _ = listener.stop()
            #expect(SNMPStation.waitFor(atMost: 6) { station.traps().count >= 5 } != nil, "\(daemon.output)")
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(500_000)
            // At the stop, per virtual server: its real servers still alive, then its quorum with status 3.
            #expect(station.traps() == Self.expectedTraps, "\(station.traps().joined(separator: "\n"))")
        }
    }

    /// The IPVS statistics columns: virtualServerTable 27-36 and 38-50, realServerTable 14-39.
    static func isStatistics(_ line: String) -> Bool {
        let arcs = line.prefix { $0 != " " }.split(separator: ".").compactMap { Int($0) }
        guard arcs.count >= 3 else { return false }
        return (arcs[0] == 3 && (27...50).contains(arcs[2]) && arcs[2] != 37) || (arcs[0] == 4 && (14...39).contains(arcs[2]))
    }

    /// keepalived cannot read IPVS statistics here (and neither can we): every counter is 0, with
    /// check_snmp.c's types.
    static func expectedStatistics(rows vs: [String], _ rs: [String]) -> [String] {
        func type(_ table: Int, _ column: Int) -> String {
            switch (table, column) {
            case (3, 28...29), (4, 18...19): "Counter32"
            case (3, 30...31), (3, 38...40), (4, 20...21), (4, 27...29): "Counter64"
            default: "Gauge32"
            }
        }
        let vsLines = (Array(27...36) + Array(38...50)).flatMap { c in vs.map { ".3.1.\(c).\($0) = \(type(3, c)): 0" } }
        let rsLines = (14...39).flatMap { c in rs.map { ".4.1.\(c).\($0) = \(type(4, c)): 0" } }
        return vsLines + rsLines
    }

    /// The walk without the statistics, as check_snmp.c answers for this configuration once
    /// 10.77.0.99 is down: groups (the fwmark line first), virtual servers (the group service
    /// shows both granularity columns), real servers (the sorry server is row 1.1 with no status,
    /// weight or checker columns), LVS scalars.
    static let expectedWalk = """
        .1.1.2.1 = STRING: "G"
        .2.1.2.1.1 = INTEGER: 1
        .2.1.2.1.2 = INTEGER: 2
        .2.1.2.1.3 = INTEGER: 3
        .2.1.3.1.1 = Gauge32: 5
        .2.1.4.1.2 = INTEGER: 1
        .2.1.4.1.3 = INTEGER: 1
        .2.1.5.1.2 = Hex-STRING: 0A 4D 00 96
        .2.1.6.1.3 = Hex-STRING: 0A 4D 00 A0
        .2.1.7.1.3 = Hex-STRING: 0A 4D 00 AA
        .2.1.8.1.2 = Gauge32: 80
        .2.1.8.1.3 = Gauge32: 443
        .3.1.2.1 = INTEGER: 2
        .3.1.2.2 = INTEGER: 3
        .3.1.3.2 = STRING: "G"
        .3.1.5.1 = INTEGER: 1
        .3.1.5.2 = INTEGER: 1
        .3.1.6.1 = Hex-STRING: 0A 4D 00 64
        .3.1.7.1 = Gauge32: 80
        .3.1.8.1 = INTEGER: 1
        .3.1.8.2 = INTEGER: 1
        .3.1.9.1 = INTEGER: 1
        .3.1.9.2 = INTEGER: 4
        .3.1.10.1 = INTEGER: 1
        .3.1.10.2 = INTEGER: 2
        .3.1.11.1 = INTEGER: 1
        .3.1.11.2 = INTEGER: 1
        .3.1.13.1 = INTEGER: 2
        .3.1.13.2 = INTEGER: 2
        .3.1.15.1 = Hex-STRING: FF FF FF FF
        .3.1.15.2 = Hex-STRING: FF FF FF FF
        .3.1.16.1 = Gauge32: 1
        .3.1.16.2 = Gauge32: 30
        .3.1.17.1 = INTEGER: 2
        .3.1.17.2 = INTEGER: 2
        .3.1.18.1 = INTEGER: 2
        .3.1.18.2 = INTEGER: 2
        .3.1.19.1 = INTEGER: 2
        .3.1.19.2 = INTEGER: 2
        .3.1.20.1 = Gauge32: 2
        .3.1.20.2 = Gauge32: 1
        .3.1.21.1 = Gauge32: 1
        .3.1.21.2 = Gauge32: 1
        .3.1.22.1 = Gauge32: 2
        .3.1.22.2 = Gauge32: 1
        .3.1.23.1 = INTEGER: 2
        .3.1.23.2 = INTEGER: 1
        .3.1.26.1 = Gauge32: 0
        .3.1.26.2 = Gauge32: 0
        .3.1.37.1 = INTEGER: 2
        .3.1.37.2 = INTEGER: 2
        .3.1.51.2 = Gauge32: 4294967295
        .3.1.52.1 = INTEGER: 2
        .3.1.52.2 = INTEGER: 2
        .3.1.53.1 = INTEGER: 2
        .3.1.53.2 = INTEGER: 2
        .3.1.54.1 = INTEGER: 2
        .3.1.54.2 = INTEGER: 2
        .3.1.55.1 = INTEGER: 2
        .3.1.55.2 = INTEGER: 2
        .3.1.56.1 = INTEGER: 1
        .3.1.56.2 = INTEGER: 1
        .3.1.57.1 = Gauge32: 0
        .3.1.57.2 = Gauge32: 0
        .3.1.58.1 = Gauge32: 0
        .3.1.58.2 = Gauge32: 0
        .3.1.59.1 = Gauge32: 0
        .3.1.59.2 = Gauge32: 0
        .3.1.60.1 = INTEGER: 1
        .3.1.60.2 = INTEGER: 1
        .3.1.61.1 = INTEGER: 2
        .3.1.61.2 = INTEGER: 2
        .3.1.62.1 = INTEGER: 2
        .3.1.62.2 = INTEGER: 2
        .3.1.63.1 = INTEGER: 2
        .3.1.63.2 = INTEGER: 2
        .3.1.64.1 = Gauge32: 1000000
        .3.1.64.2 = Gauge32: 30000000
        .3.1.65.1 = Gauge32: 0
        .3.1.65.2 = Gauge32: 0
        .3.1.66.1 = Gauge32: 0
        .3.1.66.2 = Gauge32: 0
        .3.1.67.1 = Gauge32: 5000000
        .3.1.67.2 = Gauge32: 5000000
        .3.1.71.1 = STRING: "web"
        .4.1.2.1.1 = INTEGER: 2
        .4.1.2.1.2 = INTEGER: 1
        .4.1.2.1.3 = INTEGER: 1
        .4.1.2.2.1 = INTEGER: 1
        .4.1.3.1.1 = INTEGER: 1
        .4.1.3.1.2 = INTEGER: 1
        .4.1.3.1.3 = INTEGER: 1
        .4.1.3.2.1 = INTEGER: 1
        .4.1.4.1.1 = Hex-STRING: 0A 4D 00 C8
        .4.1.4.1.2 = Hex-STRING: 0A 4D 00 0C
        .4.1.4.1.3 = Hex-STRING: 0A 4D 00 63
        .4.1.4.2.1 = Hex-STRING: 0A 4D 00 0C
        .4.1.5.1.1 = Gauge32: 80
        .4.1.5.1.2 = Gauge32: 9000
        .4.1.5.1.3 = Gauge32: 80
        .4.1.5.2.1 = Gauge32: 9000
        .4.1.6.1.2 = INTEGER: 1
        .4.1.6.1.3 = INTEGER: 2
        .4.1.6.2.1 = INTEGER: 1
        .4.1.7.1.2 = INTEGER: 1
        .4.1.7.1.3 = INTEGER: 3
        .4.1.7.2.1 = INTEGER: 1
        .4.1.10.1.2 = INTEGER: 1
        .4.1.10.1.3 = INTEGER: 1
        .4.1.10.2.1 = INTEGER: 1
        .4.1.13.1.2 = Gauge32: 0
        .4.1.13.1.3 = Gauge32: 1
        .4.1.13.2.1 = Gauge32: 0
        .4.1.40.1.1 = INTEGER: 1
        .4.1.40.1.2 = INTEGER: 1
        .4.1.40.1.3 = INTEGER: 1
        .4.1.40.2.1 = INTEGER: 2
        .4.1.42.1.1 = INTEGER: 2
        .4.1.42.1.2 = INTEGER: 2
        .4.1.42.1.3 = INTEGER: 2
        .4.1.42.2.1 = INTEGER: 2
        .4.1.43.1.1 = Gauge32: 0
        .4.1.43.1.2 = Gauge32: 0
        .4.1.43.1.3 = Gauge32: 0
        .4.1.43.2.1 = Gauge32: 0
        .4.1.44.1.1 = Gauge32: 0
        .4.1.44.1.2 = Gauge32: 0
        .4.1.44.1.3 = Gauge32: 0
        .4.1.44.2.1 = Gauge32: 0
        .4.1.45.1.1 = Gauge32: 0
        .4.1.45.1.2 = Gauge32: 0
        .4.1.45.1.3 = Gauge32: 0
        .4.1.45.2.1 = Gauge32: 0
        .4.1.46.1.1 = Gauge32: 0
        .4.1.46.1.2 = Gauge32: 1
        .4.1.46.1.3 = Gauge32: 1
        .4.1.46.2.1 = Gauge32: 30
        .4.1.47.1.1 = INTEGER: 2
        .4.1.47.1.2 = INTEGER: 1
        .4.1.47.1.3 = INTEGER: 1
        .4.1.47.2.1 = INTEGER: 1
        .4.1.48.1.1 = Gauge32: 0
        .4.1.48.1.2 = Gauge32: 0
        .4.1.48.1.3 = Gauge32: 0
        .4.1.48.2.1 = Gauge32: 0
        .4.1.49.1.1 = Gauge32: 0
        .4.1.49.1.2 = Gauge32: 0
        .4.1.49.1.3 = Gauge32: 0
        .4.1.49.2.1 = Gauge32: 0
        .4.1.50.1.1 = Gauge32: 0
        .4.1.50.1.2 = Gauge32: 1000000
        .4.1.50.1.3 = Gauge32: 1000000
        .4.1.50.2.1 = Gauge32: 30000000
        .4.1.51.1.1 = Gauge32: 0
        .4.1.51.1.2 = Gauge32: 5000000
        .4.1.51.1.3 = Gauge32: 5000000
        .4.1.51.2.1 = Gauge32: 5000000
        .4.1.55.1.2 = STRING: "up"
        .6.1.0 = INTEGER: 2
        .7.1.0 = INTEGER: 900
        .7.3.0 = INTEGER: 60
        """.split(separator: "\n").map { String($0.trimmingCharacters(in: .whitespaces)) }

    /// check_snmp.c's varbinds, in the order keepalived 2.2.7 sends them for this run.
    static let expectedTraps: [String] = {
        let k = ".1.3.6.1.4.1.9586.100.5", vs = "\(check).3.1", rs = "\(check).4.1"
        func trap(_ n: Int, _ varbinds: [String]) -> String {
            (([".1.3.6.1.6.3.1.1.4.1.0 = OID: \(check).5.0.\(n)"] + varbinds + ["\(k).1.2.0 = STRING: \"lab1\""])).joined(separator: "\t")
        }
        let web = ["\(vs).2 = INTEGER: 2", "\(vs).5 = INTEGER: 1", "\(vs).6 = Hex-STRING: 0A 4D 00 64 ", "\(vs).7 = Gauge32: 80",
                   "\(vs).8 = INTEGER: 1"]
        let group = ["\(vs).2 = INTEGER: 3", "\(vs).3 = STRING: \"G\"", "\(vs).8 = INTEGER: 1"]
        func quorum(_ status: Int, _ quorum: Int) -> [String] { ["\(vs).23 = INTEGER: \(status)", "\(vs).22 = Gauge32: \(quorum)"] }
        func servers(_ up: Int, _ total: Int) -> [String] { ["\(vs).21 = Gauge32: \(up)", "\(vs).20 = Gauge32: \(total)"] }
        func down(_ address: String, _ port: Int) -> [String] {
            ["\(rs).3 = INTEGER: 1", "\(rs).4 = Hex-STRING: \(address) ", "\(rs).5 = Gauge32: \(port)", "\(rs).6 = INTEGER: 2"]
        }
        return [
            trap(2, web + quorum(1, 2) + servers(2, 2)),                // both servers start alive
            trap(2, group + quorum(1, 1) + servers(1, 1)),
            trap(1, down("0A 4D 00 63", 80) + web + servers(1, 2)),     // 10.77.0.99 never answers
            trap(2, web + quorum(2, 2) + servers(1, 2)),                // ... and takes the quorum with it
            trap(1, down("0A 4D 00 0C", 9000) + web + servers(0, 2)),   // the listener stops
            trap(2, web + quorum(3, 2) + servers(0, 2)),                // stop
            trap(1, down("0A 4D 00 0C", 9000) + group + servers(0, 1)),
            trap(2, group + quorum(3, 1) + servers(0, 1)),
        ]
    }()
}
