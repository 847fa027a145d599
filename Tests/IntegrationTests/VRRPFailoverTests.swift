import Foundation
import Testing
import KeepalivedTestSupport

/// Real daemons in network namespaces: elections, failover and interoperation with keepalived 2.2.7.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct VRRPFailoverTests {
    typealias F = VRRPFixtures

    init() throws { F.checkPrerequisites() }

    /// The higher priority wins, the client reaches the VIP through it, and a graceful stop hands
    /// the VIP over within Skew_Time (priority 0), well under Master_Down_Interval.
    @Test(arguments: [(F.Implementation.ours, F.Implementation.ours), (.debian, .ours), (.ours, .debian)])
    func electionAndGracefulHandover(low: F.Implementation, high: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let backup = try F.start(low, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(high, in: lab.router(2), config: F.config(priority: 150))
            let elected = F.wait(atMost: F.masterDownInterval(priority: 150) + F.slack) { F.holds(lab.router(2), F.vip4) }
            #expect(elected != nil, "router 2 (\(high), priority 150) never took the VIP:\n\(master.output)")
            #expect(!F.holds(lab.router(1), F.vip4), "both routers hold the VIP:\n\(backup.output)")
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP")

            #expect(try F.neighbour(lab.client, F.vip4) == F.mac(lab.router(2)), "the client does not reach the VIP through router 2")

            master.send(SIGTERM)
            let handover = F.waitUntil(lab.router(1), holds: F.vip4, atMost: 1 + F.slack)
            #expect(handover != nil, "no handover after SIGTERM:\n\(backup.output)\n\(master.output)")
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, false, atMost: 1) != nil, "router 2 kept the VIP")
            // The new master's gratuitous ARPs move the client's neighbour entry before any new traffic.
            usleep(300_000)
            #expect(try F.neighbour(lab.client, F.vip4) == F.mac(lab.router(1)), "the client's neighbour entry did not move to router 1")
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP after the handover")
        }
    }

    /// Three routers of ours: the highest priority wins; stopping it hands over to the next highest.
    @Test func threeRoutersElectTheHighestAndFailOverInOrder() throws {
        try Lab.withLab(routers: 3) { lab in
            let low = try F.start(.ours, in: lab.router(1), config: F.config(priority: 50))
            let middle = try F.start(.ours, in: lab.router(2), config: F.config(priority: 100))
            let high = try F.start(.ours, in: lab.router(3), config: F.config(priority: 200))
            #expect(F.waitUntil(lab.router(3), holds: F.vip4, atMost: F.masterDownInterval(priority: 200) + F.slack) != nil,
                    "router 3 never took the VIP:\n\(high.output)")
            #expect(!F.holds(lab.router(1), F.vip4) && !F.holds(lab.router(2), F.vip4))
            high.send(SIGTERM)
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: 1 + F.slack) != nil, "router 2 did not take over:\n\(middle.output)")
            #expect(!F.holds(lab.router(1), F.vip4), "router 1 (lowest) also took the VIP:\n\(low.output)")
            #expect(try lab.client.ping(F.vip4))
        }
    }

    /// VRRPv3 over IPv4 with keepalived 2.2.7, both directions.
    @Test(arguments: [(F.Implementation.debian, F.Implementation.ours), (.ours, .debian)])
    func version3OverIPv4WithKeepalived(low: F.Implementation, high: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            _ = try F.start(low, in: lab.router(1), config: F.config(priority: 100, version: 3))
            let master = try F.start(high, in: lab.router(2), config: F.config(priority: 150, version: 3))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 (\(high)) never took the VIP:\n\(master.output)")
            #expect(!F.holds(lab.router(1), F.vip4))
            master.send(SIGTERM)
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: 1 + F.slack) != nil)
        }
    }

    /// A master whose link is cut is replaced within Master_Down_Interval.
    @Test func linkCutFailsOverWithinMasterDownInterval() throws {
        try Lab.withLab(routers: 2) { lab in
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(.ours, in: lab.router(2), config: F.config(priority: 150))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            try lab.cutLink(router: 2)
            let took = F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack)
            #expect(took != nil, "router 1 never took over after the link cut:\n\(backup.output)\nrouter 2:\n\(master.output)")
            #expect(try lab.client.ping(F.vip4))
        }
    }

    /// VRRPv3 over IPv6 with keepalived 2.2.7 as the peer.
    @Test func ipv6Version3WithKeepalived() throws {
        try Lab.withLab(routers: 2) { lab in
            let config = { (priority: Int) in F.config(priority: priority, version: 3, vip: F.vip6, prefix: 64) }
            _ = try F.start(.debian, in: lab.router(1), config: config(100))
            let ours = try F.start(.ours, in: lab.router(2), config: config(150))
            let elected = F.wait(atMost: F.masterDownInterval(priority: 150) + F.slack + 1) { F.holds(lab.router(2), F.vip6) }
            #expect(elected != nil, "ours never took the IPv6 VIP:\n\(ours.output)")
            #expect(!F.holds(lab.router(1), F.vip6))
            ours.send(SIGTERM)
            #expect(F.wait(atMost: 1 + F.slack) { F.holds(lab.router(1), F.vip6) } != nil)
        }
    }

    /// Unicast adverts between ours and keepalived 2.2.7.
    @Test func unicastWithKeepalived() throws {
        try Lab.withLab(routers: 2) { lab in
            let r1 = Lab.ipv4(router: 1), r2 = Lab.ipv4(router: 2)
            let theirs = try F.start(.debian, in: lab.router(1), config: F.config(priority: 100, unicast: (r1, [r2])))
            let ours = try F.start(.ours, in: lab.router(2), config: F.config(priority: 150, unicast: (r2, [r1])))
            #expect(F.wait(atMost: F.masterDownInterval(priority: 150) + F.slack) { F.holds(lab.router(2), F.vip4) } != nil,
                    "ours never became master over unicast:\n\(ours.output)")
            #expect(!F.holds(lab.router(1), F.vip4))
            ours.send(SIGTERM)
            #expect(F.wait(atMost: 1 + F.slack) { F.holds(lab.router(1), F.vip4) } != nil,
                    "no handover:\nours:\n\(ours.output)\nkeepalived:\n\(theirs.output)")
        }
    }
}
