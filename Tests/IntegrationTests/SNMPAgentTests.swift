import Foundation
import Testing
import KeepalivedTestSupport

/// The AgentX subagent under net-snmp's snmpd, compared with keepalived 2.2.7 under its own snmpd:
/// the same configuration gives the same walk of the three MIB subtrees, the same answers at their
/// edges and the same traps.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and net-snmp: \(Lab.availability)"))
struct SNMPAgentTests {
    typealias F = VRRPFixtures

    /// Two v2 IPv4 instances in a sync group (one tracking a script), a v3 IPv6 instance alone.
    static func config(socket: String) -> String {
        """
        global_defs {
          router_id lab1
          enable_snmp_vrrp
          enable_snmp_rfcv2
          enable_snmp_rfcv3
          enable_traps
          enable_script_security
          script_user nobody
          snmp_socket unix:\(socket)
        }
        vrrp_script chk_up {
          script "/bin/true"
          interval 1
        }
        vrrp_sync_group G1 {
          group {
            VI_1
            VI_2
          }
        }
        vrrp_instance VI_1 {
          state MASTER
          interface eth0
          virtual_router_id 51
          priority 150
          advert_int 1
          authentication {
            auth_type PASS
            auth_pass secret
          }
          virtual_ipaddress {
            10.77.0.200/24
            10.77.0.201
          }
          track_script {
            chk_up
          }
        }
        vrrp_instance VI_2 {
          state BACKUP
          interface eth0
          virtual_router_id 52
          priority 100
          virtual_ipaddress {
            10.77.0.202/24
          }
        }
        vrrp_instance VI_3 {
          state BACKUP
          interface eth0
          version 3
          virtual_router_id 53
          priority 90
          virtual_ipaddress {
            fd77::200/64
          }
        }

        """
    }

    struct Observed {
        var walk: [String]
        /// The answers to `edgeQueries`.
        var edges: [String]
        var traps: [String]
        var output: String
    }

    /// Runs `implementation` under a fresh snmpd until all three instances are master, walks, stops it.
    static func observe(_ implementation: F.Implementation, in lab: Lab, config: ((String) -> String)? = nil, masters: Int = 3) throws -> Observed {
        do {
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp-\(implementation)")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop(); _ = snmpd.stop() }
            let daemon = try F.start(implementation, in: router, config: (config ?? Self.config(socket:))(station.agentXSocket))
            // All are master once the slowest down timer (priority 90) ran out.
            let settled = SNMPStation.waitFor(atMost: F.masterDownInterval(priority: 90) + 2 * F.slack) {
                ((try? station.walk("1.3.6.1.4.1.9586.100.5.2.3.1.4")) ?? []).filter { $0.hasSuffix("INTEGER: 2") }.count == masters
            }
            #expect(settled != nil, "\(implementation): the instances never all became master:\n\(daemon.output)")
            let walk = try station.walkKeepalivedSubtrees()
            let edges = try Self.edgeQueries.flatMap { tool, oids in
                try router.run([tool, "-v2c", "-c", "public", "-On", "-m", "", "-t", "2", "-r", "0", "127.0.0.1:\(SNMPStation.agentPort)"] + oids)
                    .standardOutput.split(separator: "\n").map(String.init)
            }
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(500_000)
            return Observed(walk: walk, edges: edges, traps: station.traps(), output: daemon.output)
        }
    }

    /// GETs and GETNEXTs a walk does not make, several varbinds to a PDU: a cell, a missing row, a
    /// missing column, a column and a scalar without an instance, a subtree's root; the first
    /// instance after a module's root and after the last cell of a table.
    static let edgeQueries = [
        ("snmpget", [".1.3.6.1.4.1.9586.100.5.2.3.1.2.1", ".1.3.6.1.4.1.9586.100.5.2.3.1.2.9", ".1.3.6.1.4.1.9586.100.5.2.3.1.99.1",
                     ".1.3.6.1.4.1.9586.100.5.2.3.1.2", ".1.3.6.1.4.1.9586.100.5.1.1", ".1.3.6.1.4.1.9586.100.5.1.1.0", ".1.3.6.1.4.1.9586.100.5.2"]),
        ("snmpgetnext", [".1.3.6.1.4.1.9586.100.5", ".1.3.6.1.4.1.9586.100.5.2.3.1.2.3", ".1.3.6.1.2.1.207", ".1.3.6.1.4.1.9586.100.5.2.3.1.35.2"]),
    ]

    /// keepalived 2.2.7 has a precedence slip in its RFC 2787 table lookup: after the first row it
    /// skips every instance, so vrrpOperTable and vrrpRouterStatsTable walk only their first row (and
    /// a GET of any row fails). We serve every row; the comparison leaves the later rows out.
    static func withoutLaterRFC2787Rows(_ walk: [String], firstIndex: String) -> [String] {
        walk.filter { line in
            let oid = line.prefix { $0 != " " }
            guard oid.hasPrefix(".1.3.6.1.2.1.68.1.3.1.") || oid.hasPrefix(".1.3.6.1.2.1.68.2.4.1.") else { return true }
            return oid.hasSuffix(firstIndex)
        }
    }

    /// Both run in one lab, one after the other, so interface indexes and addresses are the same.
    @Test func walkAndTrapsMatchKeepalived() throws {
        let (theirs, ours) = try Lab.withLab(routers: 1) { lab in
            (try Self.observe(.debian, in: lab), try Self.observe(.ours, in: lab))
        }
        #expect(!theirs.walk.isEmpty && !ours.walk.isEmpty)
        let expected = SNMPStation.masked(theirs.walk)
        let actual = SNMPStation.masked(Self.withoutLaterRFC2787Rows(ours.walk, firstIndex: ".2.51"))
        #expect(actual.count == expected.count)
        let onlyTheirs = expected.enumerated().filter { $0.offset >= actual.count || actual[$0.offset] != $0.element }.map(\.element)
        #expect(onlyTheirs.isEmpty, "walks differ from keepalived's at: \(onlyTheirs.prefix(10))\nours: \(actual.filter { !expected.contains($0) }.prefix(10))")
        #expect(!ours.edges.isEmpty && ours.edges == theirs.edges, "keepalived:\n\(theirs.edges.joined(separator: "\n"))\nours:\n\(ours.edges.joined(separator: "\n"))")
        // Our RFC 2787 table lists both v2 IPv4 instances.
        #expect(ours.walk.contains { $0.hasPrefix(".1.3.6.1.2.1.68.1.3.1.3.2.52 = INTEGER: 3") })
        // Independent instances' timers may interleave differently; each instance's own traps, and
        // the set of all traps, must be the same.
        #expect(Set(ours.traps) == Set(theirs.traps), "only keepalived: \(Set(theirs.traps).subtracting(ours.traps))\nonly ours: \(Set(ours.traps).subtracting(theirs.traps))")
        for name in ["VI_1", "VI_2", "VI_3", "G1"] {
            #expect(ours.traps.filter { $0.contains("\"\(name)\"") } == theirs.traps.filter { $0.contains("\"\(name)\"") })
        }
        #expect(ours.traps.count == theirs.traps.count)
    }

    /// Started before snmpd: the traps of the start-up transitions wait in the queue and arrive once
    /// snmpd is there; the MIBs answer within 2 s of snmpd starting, and again within 2 s of a restart.
    @Test func reconnectsAndDeliversQueuedTraps() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            let daemon = try F.start(.ours, in: router, config: Self.config(socket: station.agentXSocket))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack) != nil,
                    "never became master:\n\(daemon.output)")
            let trapd = try station.startTrapReceiver()
            defer { _ = trapd.stop() }
            var snmpd = try station.startAgent()
            let firstConnect = SNMPStation.waitFor(atMost: 10) { station.answers("1.3.6.1.4.1.9586.100.5.1.1.0") }
            print("SNMP answered \(firstConnect.map { String(format: "%.2f s", $0) } ?? "never") after snmpd started")
            #expect(firstConnect.map { $0 <= SNMPStation.reconnectBound } == true)
            let queued = SNMPStation.waitFor(atMost: 5) { station.traps().contains { $0.contains("\"VI_1\"") && $0.contains("5.2.3.1.4 = INTEGER: 2") } }
            #expect(queued != nil, "the start-up traps raised before snmpd ran never arrived: \(station.traps())")
            let beforeRestart = station.traps().count

            _ = snmpd.stop()
            snmpd = try station.startAgent()
            defer { _ = snmpd.stop() }
            let reconnect = SNMPStation.waitFor(atMost: 10) { station.answers("1.3.6.1.4.1.9586.100.5.2.3.1.4.1") }
            print("SNMP answered \(reconnect.map { String(format: "%.2f s", $0) } ?? "never") after snmpd restarted")
            #expect(reconnect.map { $0 <= SNMPStation.reconnectBound } == true)

            // Killed outright (SIGKILL: no AgentX close) and started again.
            snmpd.send(SIGKILL)
            _ = snmpd.waitForExit(timeout: .seconds(5))
            snmpd = try station.startAgent()
            let afterKill = SNMPStation.waitFor(atMost: 10) { station.answers("1.3.6.1.4.1.9586.100.5.2.3.1.4.1") }
            print("SNMP answered \(afterKill.map { String(format: "%.2f s", $0) } ?? "never") after snmpd was killed and started")
            #expect(afterKill.map { $0 <= SNMPStation.reconnectBound } == true)

            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(500_000)
            // The stop traps (shutdown(5) for each instance and the group) went out before exit.
            #expect(station.traps().count == beforeRestart + 4, "\(station.traps())")
        }
    }

    /// track_file blocks: vrrpTrackedFileTable and vrrpFileTable as keepalived serves them (an unused
    /// track_file is not listed; tracked rows show the file's own weight; values as read).
    @Test func trackedFilesWalkAsKeepalived() throws {
        let (theirs, ours) = try Lab.withLab(routers: 1) { lab in
            for (name, value) in [("tf1", "3"), ("tf2", "0"), ("tf3", "2")] {
                try value.write(toFile: lab.directory + "/" + name, atomically: true, encoding: .utf8)
            }
            let config = { (socket: String) in
                """
                global_defs {
                  enable_snmp_vrrp
                  snmp_socket unix:\(socket)
                }
                track_file tf_used {
                  file \(lab.directory)/tf1
                  weight 5
                }
                vrrp_track_file tf_unused {
                  file \(lab.directory)/tf2
                }
                track_file tf_rev {
                  file \(lab.directory)/tf3
                  weight -3 reverse
                }

                """ + F.config(priority: 100, extra: "  track_file {\n    tf_used\n    tf_rev weight 7\n  }\n")
            }
            return (try Self.observe(.debian, in: lab, config: config, masters: 1), try Self.observe(.ours, in: lab, config: config, masters: 1))
        }
        let files = { (walk: [String]) in walk.filter { $0.hasPrefix(".1.3.6.1.4.1.9586.100.5.2.12.") || $0.hasPrefix(".1.3.6.1.4.1.9586.100.5.2.13.") } }
        #expect(files(theirs.walk).count == 16, "keepalived 2.2.7 served: \(files(theirs.walk))")
        #expect(files(ours.walk) == files(theirs.walk))
        #expect(SNMPStation.masked(ours.walk) == SNMPStation.masked(theirs.walk))
    }

    /// The traps of a reload that removes two instances (one with notify_deleted), for `implementation`.
    static func removalTraps(_ implementation: F.Implementation, in lab: Lab) throws -> [String] {
        let router = lab.router(1)
        let station = try SNMPStation(router, directory: lab.directory + "/snmp-reload-\(implementation)")
        let snmpd = try station.startAgent()
        let trapd = try station.startTrapReceiver()
        defer { _ = trapd.stop(); _ = snmpd.stop() }
        let global = "global_defs {\n  router_id lab1\n  enable_snmp_vrrp\n  enable_traps\n  snmp_socket unix:\(station.agentXSocket)\n}\n"
        let second = F.config(priority: 150, vrid: 52, vip: "10.77.0.202", extra: "  notify_deleted\n").replacingOccurrences(of: "VI_1", with: "VI_2")
        let third = F.config(priority: 150, vrid: 53, vip: "10.77.0.203").replacingOccurrences(of: "VI_1", with: "VI_3")
        let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150) + second + third)
        defer { _ = daemon.stop() }
        #expect(F.waitUntil(router, holds: "10.77.0.203", atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
        usleep(500_000)
        let before = station.traps().count
        try router.installFile("/etc/keepalived/keepalived-\(implementation).conf", contents: global + F.config(priority: 150))
        daemon.send(SIGHUP)
        #expect(F.waitUntil(router, holds: "10.77.0.203", false, atMost: 3) != nil, "\(daemon.output)")
        usleep(1_000_000)
        return Array(station.traps().dropFirst(before))
    }

    /// keepalived reports an instance a reload removes as FAULT(3), or deleted(6) with notify_deleted.
    @Test func reloadRemovalsTrapAsKeepalived() throws {
        let (theirs, ours) = try Lab.withLab(routers: 1) { lab in
            (try Self.removalTraps(.debian, in: lab), try Self.removalTraps(.ours, in: lab))
        }
        #expect(theirs.count == 2, "keepalived 2.2.7 sent: \(theirs)")
        #expect(ours == theirs, "keepalived 2.2.7: \(theirs)\nours: \(ours)")
    }
}
