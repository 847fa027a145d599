import Foundation
import KeepalivedTestSupport
import Testing

/// virtual_routes / virtual_rules follow the master's addresses, static_* live as long as the
/// daemon: `ip route show table all` and `ip rule show` in the router are the same under
/// keepalived 2.2.7 and ours at every step.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct VirtualRoutesTests {
    typealias F = VRRPFixtures

    init() throws { F.checkPrerequisites() }

    static let statics = """
        static_ipaddress {
          10.88.0.1/24 dev eth0
          fd88::1/64 dev eth0
        }
        static_routes {
          10.89.0.0/16 via 10.88.0.254 dev eth0
          blackhole 10.90.0.0/16 table 1000
        }
        static_rules {
          from 10.88.0.0/24 table 100 preference 200
        }

        """

    static let virtuals = """
          virtual_routes {
            10.60.0.0/16 via 10.77.0.1 dev eth0
            10.61.0.0/16 dev eth0 table 100 metric 5
            unreachable 10.62.0.0/16 table 1001
            src 10.77.0.200 10.63.0.0/16 dev eth0
            fd61::/64 via fd77::1 dev eth0 metric 10
            10.65.0.0/16 encap ip id 42 dst 10.77.0.99 ttl 9 dev eth0
            fd65::/64 encap ip6 id 7 dst fd77::99 hoplimit 3 dev eth0
          }
          virtual_rules {
            from 10.77.0.200 table 100 preference 300
            to 10.64.0.0/16 lookup 1001 preference 301
            fwmark 7 table 100 preference 302 no_track
          }

        """

    /// The routing state of a namespace; link-local addresses (random per lab) masked.
    static func routing(_ router: LabNamespace) throws -> String {
        let text = try router.run(["ip", "route", "show", "table", "all"]).standardOutput + "--\n"
            + router.run(["ip", "-4", "rule", "show"]).standardOutput + "--\n" + router.run(["ip", "-6", "rule", "show"]).standardOutput
        return text.replacingOccurrences(of: #"fe80::[0-9a-f:]+"#, with: "fe80::*", options: .regularExpression)
    }

    /// What the router's table looks like as master, as backup, as master again, and after a stop.
    struct Steps: Equatable {
        var master = "", backup = "", masterAgain = "", stopped = ""
    }

    /// Router 1 runs `implementation` at priority 150 with the routes; router 2 (ours) takes the
    /// mastership away at priority 200 and gives it back with a graceful stop.
    static func run(_ implementation: F.Implementation) throws -> Steps {
        var steps = Steps()
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(1)
            let daemon = try F.start(implementation, in: router, config: statics + F.config(priority: 150, extra: virtuals))
            let first = try F.start(.ours, in: lab.router(2), config: F.config(priority: 100))
            let settled = { (wanted: Bool) in F.wait(atMost: 2) { ((try? routing(router)) ?? "").contains("10.64.0.0/16") == wanted } }
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "\(implementation) never became master:\n\(daemon.output)")
            #expect(settled(true) != nil, "\(implementation) did not add its virtual rules:\n\(daemon.output)")
            steps.master = try routing(router)

            first.send(SIGTERM)
            _ = first.waitForExit(timeout: .seconds(5))
            let higher = try F.start(.ours, in: lab.router(2), config: F.config(priority: 200))
            #expect(F.waitUntil(router, holds: F.vip4, false, atMost: F.masterDownInterval(priority: 200) + F.slack) != nil,
                    "\(implementation) kept the VIP:\n\(daemon.output)\n\(higher.output)")
            #expect(settled(false) != nil, "\(implementation) kept its virtual rules:\n\(daemon.output)")
            steps.backup = try routing(router)

            higher.send(SIGTERM)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: 1 + F.slack) != nil, "\(implementation) did not take the VIP back")
            #expect(settled(true) != nil)
            steps.masterAgain = try routing(router)

            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)), "\(implementation) did not stop")
            steps.stopped = try routing(router)
        }
        return steps
    }

    @Test func routesAndRulesMatchKeepalived() throws {
        let theirs = try Self.run(.debian)
        let ours = try Self.run(.ours)
        for (name, path) in [("master", \Steps.master), ("backup", \.backup), ("master again", \.masterAgain), ("stopped", \.stopped)] {
            #expect(ours[keyPath: path] == theirs[keyPath: path], "\(name): ours\n\(ours[keyPath: path])\nkeepalived 2.2.7\n\(theirs[keyPath: path])")
        }
        // What the comparison rests on: the virtual entries come and go, the static ones stay until the stop.
        #expect(ours.master.contains("10.60.0.0/16 via 10.77.0.1 dev eth0 proto keepalived"))
        #expect(ours.master.contains("10.63.0.0/16 dev eth0 proto keepalived src 10.77.0.200"))
        #expect(ours.master.contains("300:\tfrom 10.77.0.200 lookup 100 proto keepalived"))
        #expect(ours.master.contains("fd61::/64 via fd77::1 dev eth0 proto keepalived metric 10"))
        for state in [ours.master, ours.backup, ours.masterAgain] {
            #expect(state.contains("10.89.0.0/16 via 10.88.0.254 dev eth0 proto keepalived"))
            #expect(state.contains("blackhole 10.90.0.0/16 table 1000 proto keepalived"))
            #expect(state.contains("200:\tfrom 10.88.0.0/24 lookup 100 proto keepalived"))
        }
        #expect(!ours.backup.contains("10.6"), "virtual routes left on the backup:\n\(ours.backup)")
        #expect(ours.masterAgain == ours.master)
        #expect(!ours.stopped.contains("10.89.0.0") && !ours.stopped.contains("10.88.0.1") && !ours.stopped.contains("200:"))
    }
}
