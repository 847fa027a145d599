import Foundation
import KeepalivedTestSupport
import Testing

/// vrrp_strict: a master without accept mode drops traffic to its virtual addresses through an
/// nftables table. `nft list table` in the router reads the same under keepalived 2.2.7 and ours
/// as master, as backup, as master again and after the stop, and the client's pings to the VIPs
/// go unanswered by a strict master and answered by one in accept mode.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct StrictFirewallTests {
    typealias F = VRRPFixtures

    init() throws {
        F.checkPrerequisites()
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/nft"), "needs nft (Debian package nftables; scripts/bootstrap)")
    }

    static let vip6 = "fd77::201"

    /// An IPv4 VRRPv2 and an IPv6 VRRPv3 instance (strict mode wants a link-local first address).
    static func config(priority: Int, global: String = "vrrp_strict", instanceExtra: String = "") -> String {
        "global_defs {\n  \(global)\n}\n"
            + F.config(priority: priority, auth: false, extra: instanceExtra)
            + """
            vrrp_instance VI_6 {
              interface eth0
              virtual_router_id 52
              priority \(priority)
              advert_int 1
            \(instanceExtra)  virtual_ipaddress {
                fe80::52/64
                \(vip6)/64
              }
            }

            """
    }

    /// Both tables of the router, or "-" where one does not exist.
    static func tables(_ router: LabNamespace, name: String = "keepalived") throws -> String {
        try ["ip", "ip6"].map { family in
            let result = try router.run(["nft", "list", "table", family, name])
            return result.succeeded ? result.standardOutput : "-\n"
        }.joined()
    }

    struct Steps: Equatable {
        var master = "", backup = "", masterAgain = "", stopped = ""
        var pingedMaster = [true, true], pingedBackup = [false, false]
    }

    /// Router 1 runs `implementation` strict at priority 150; ours (not strict, 200) on router 2
    /// takes the mastership away and gives it back with a graceful stop.
    static func run(_ implementation: F.Implementation, global: String = "vrrp_strict", table: String = "keepalived",
                    instanceExtra: String = "") throws -> Steps {
        var steps = Steps()
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(1)
            let daemon = try F.start(implementation, in: router, config: config(priority: 150, global: global, instanceExtra: instanceExtra))
            let masterBound = F.masterDownInterval(priority: 150) + F.slack
            #expect(F.waitUntil(router, holds: F.vip4, atMost: masterBound) != nil, "\(implementation) never became master:\n\(daemon.output)")
            #expect(F.waitUntil(router, holds: vip6, atMost: masterBound) != nil, "\(implementation) never held \(vip6):\n\(daemon.output)")
            // Filled: both vips sets, vips_link_local and neighbor-discovery; emptied: only the last.
            let filled = { (elements: Bool) in
                F.wait(atMost: 2) { ((try? tables(router, name: table)) ?? "").components(separatedBy: "elements").count - 1 == (elements ? 4 : 1) }
            }
            #expect(filled(true) != nil, "\(implementation) did not fill its drop sets:\n\(daemon.output)")
            steps.master = try tables(router, name: table)
            steps.pingedMaster = try [F.vip4, vip6].map { try lab.client.ping($0) }

            let higher = try F.start(.ours, in: lab.router(2), config: config(priority: 200, global: "", instanceExtra: ""))
            #expect(F.waitUntil(router, holds: F.vip4, false, atMost: F.masterDownInterval(priority: 200) + F.slack) != nil,
                    "\(implementation) kept the VIP:\n\(daemon.output)\n\(higher.output)")
            #expect(F.waitUntil(router, holds: vip6, false, atMost: 1 + F.slack) != nil)
            #expect(filled(false) != nil, "\(implementation) left elements in its drop sets:\n\(daemon.output)")
            steps.backup = try tables(router, name: table)
            steps.pingedBackup = try [F.vip4, vip6].map { try lab.client.ping($0) }

            higher.send(SIGTERM)
            #expect(higher.waitForExit(timeout: .seconds(5)))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: 1 + F.slack) != nil, "\(implementation) did not take the VIP back")
            #expect(filled(true) != nil)
            steps.masterAgain = try tables(router, name: table)

            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)), "\(implementation) did not stop")
            steps.stopped = try tables(router, name: table)
        }
        return steps
    }

    static func compare(_ ours: Steps, _ theirs: Steps) {
        for (name, path) in [("master", \Steps.master), ("backup", \.backup), ("master again", \.masterAgain), ("stopped", \.stopped)] {
            #expect(ours[keyPath: path] == theirs[keyPath: path], "\(name): ours\n\(ours[keyPath: path])\nkeepalived 2.2.7\n\(theirs[keyPath: path])")
        }
        #expect(ours.pingedMaster == theirs.pingedMaster && ours.pingedBackup == theirs.pingedBackup)
    }

    @Test func strictMasterDropsTrafficToItsAddressesAsKeepalived() throws {
        let theirs = try Self.run(.debian)
        let ours = try Self.run(.ours)
        Self.compare(ours, theirs)
        // What the comparison rests on.
        #expect(ours.master.contains("elements = { 10.77.0.200 }") && ours.master.contains("ip daddr @vips drop"))
        #expect(ours.master.contains("elements = { fd77::201 }") && ours.master.contains("fe80::52 . \"eth0\""))
        #expect(ours.pingedMaster == [false, false], "a strict master answered a ping to its VIP")
        #expect(ours.pingedBackup == [true, true], "the accepting master on router 2 did not answer")
        #expect(ours.backup.contains("table ip keepalived") && !ours.backup.contains("10.77.0.200"))
        #expect(ours.masterAgain == ours.master)
        #expect(ours.stopped == "-\n-\n")
    }

    /// nftables TABLE, nftables_priority and nftables_counters shape the table, and
    /// dont_track_primary keys link-local VIPs by interface name; counters are masked (they count
    /// packets that differ from run to run).
    @Test func tableNamePriorityAndCountersAsKeepalived() throws {
        let global = "vrrp_strict\n  nftables vrrp_fw\n  nftables_priority -5\n  nftables_counters"
        func masked(_ steps: Steps) -> Steps {
            var steps = steps
            for path in [\Steps.master, \.backup, \.masterAgain, \.stopped] {
                steps[keyPath: path] = steps[keyPath: path].replacingOccurrences(
                    of: #"counter packets \d+ bytes \d+"#, with: "counter", options: .regularExpression)
            }
            return steps
        }
        let extra = "  dont_track_primary\n"
        let theirs = masked(try Self.run(.debian, global: global, table: "vrrp_fw", instanceExtra: extra))
        let ours = masked(try Self.run(.ours, global: global, table: "vrrp_fw", instanceExtra: extra))
        Self.compare(ours, theirs)
        #expect(ours.master.contains("priority filter - 5") && ours.master.contains("counter drop"))
        #expect(ours.master.contains("ip6 daddr . iifname @vips_link_local_name counter drop"))
    }

    /// Reloads: turning no_accept on fills the set, dropping an address takes it out. Turning
    /// accept back on empties the set and the stop removes the table; keepalived 2.2.7 leaves the
    /// entry and the table behind there (its reload drops the table name), a difference we keep.
    @Test func reloadsFollowAcceptModeAndAddresses() throws {
        func config(_ mode: String, _ vips: [String]) -> String {
            "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 150\n  advert_int 1\n  version 3\n  \(mode)\n"
                + "  virtual_ipaddress {\n" + vips.map { "    \($0)/24\n" }.joined() + "  }\n}\n"
        }
        func run(_ implementation: F.Implementation, body: (Lab, LabNamespace, LabProcess) throws -> Void) throws -> [String] {
            var steps: [String] = []
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                let daemon = try F.start(implementation, in: router, config: config("accept", [F.vip4]))
                #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
                steps.append(try Self.tables(router))
                for (vips, wanted) in [([F.vip4, "10.77.0.201"], "{ 10.77.0.200, 10.77.0.201 }"), (["10.77.0.201"], "{ 10.77.0.201 }")] {
                    try router.installFile("/etc/keepalived/keepalived-\(implementation).conf", contents: config("no_accept", vips))
                    daemon.send(SIGHUP)
                    #expect(F.wait(atMost: 3) { ((try? Self.tables(router)) ?? "").contains("elements = \(wanted)") } != nil,
                            "\(implementation) did not drop \(wanted):\n\(daemon.output)")
                    steps.append(try Self.tables(router))
                }
                try body(lab, router, daemon)
            }
            return steps
        }
        let theirs = try run(.debian) { _, _, _ in }
        let ours = try run(.ours) { lab, router, daemon in
            try router.installFile("/etc/keepalived/keepalived-ours.conf", contents: config("accept", ["10.77.0.201"]))
            daemon.send(SIGHUP)
            #expect(F.wait(atMost: 3) { !((try? Self.tables(router)) ?? "").contains("elements") } != nil, "the set kept its element")
            #expect(try lab.client.ping("10.77.0.201"), "an accepting master did not answer")
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            #expect(try Self.tables(router) == "-\n-\n")
        }
        #expect(ours == theirs, "ours\n\(ours.joined(separator: "--\n"))\nkeepalived 2.2.7\n\(theirs.joined(separator: "--\n"))")
        #expect(ours.first == "-\n-\n")
    }

    /// use_vmac: the VMACs' IGMP/MLD reports go out through eth0 (vmac_map) and their router
    /// solicitations are dropped, from the start, whatever the state; the drop sets join them as master.
    @Test func vmacRulesAsKeepalived() throws {
        func run(_ implementation: F.Implementation) throws -> [String] {
            var steps: [String] = []
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                let daemon = try F.start(implementation, in: router, config: Self.config(priority: 150, instanceExtra: "  use_vmac\n"))
                let elements = { ((try? Self.tables(router)) ?? "").components(separatedBy: "elements").count - 1 }
                // Backup: both vmac_map entries and vmac_set; master: the four drop sets as well.
                #expect(F.wait(atMost: 2) { elements() == 3 } != nil, "\(implementation) set up no VMAC entries:\n\(daemon.output)")
                steps.append(try Self.tables(router))
                #expect(F.wait(atMost: F.masterDownInterval(priority: 150) + F.slack) { elements() == 7 } != nil,
                        "\(implementation) did not fill its drop sets:\n\(daemon.output)")
                steps.append(try Self.tables(router))
                daemon.send(SIGTERM)
                #expect(daemon.waitForExit(timeout: .seconds(5)), "\(implementation) did not stop")
                steps.append(try Self.tables(router))
            }
            return steps
        }
        let theirs = try run(.debian)
        let ours = try run(.ours)
        #expect(ours == theirs, "ours\n\(ours.joined(separator: "--\n"))\nkeepalived 2.2.7\n\(theirs.joined(separator: "--\n"))")
        #expect(ours.first?.contains("ip protocol igmp meta oifkind \"macvlan\" dup to ip daddr device oif map @vmac_map drop") == true)
        #expect(ours.last == "-\n-\n")
    }
}
