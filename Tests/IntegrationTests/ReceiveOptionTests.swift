import Foundation
import Testing
import KeepalivedTestSupport

/// Receive-side options, ours and Debian's keepalived 2.2.7 each as the receiving router:
/// check_unicast_src drops adverts from addresses that are not unicast peers, and
/// log_unknown_vrids reports adverts for VRIDs nobody runs, with keepalived's lines; and
/// unicast_fault_no_peer keeps an instance with no peers in FAULT instead of falling back to multicast.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct ReceiveOptionTests {
    typealias F = VRRPFixtures

    @Test(arguments: [F.Implementation.ours, .debian])
    func checkUnicastSourceDropsAdvertsFromStrangers(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let one = Lab.ipv4(router: 1), two = Lab.ipv4(router: 2)
            _ = try F.start(.ours, in: lab.router(1), config: F.config(priority: 200, unicast: (one, [two])))
            // Router 2 lists someone else as its peer, so router 1's adverts are not accepted.
            let daemon = try F.start(implementation, in: lab.router(2), config: F.config(
                priority: 100, unicast: (two, ["10.77.0.99"]), extra: "  check_unicast_src\n"))
            #expect(daemon.waitForOutput(containing: "(VI_1) unicast source address \(one) not a unicast peer"),
                    "no drop line:\n\(daemon.output)")
        }
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func unknownVRIDsAreLogged(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            _ = try F.start(.ours, in: lab.router(1), config: F.config(priority: 200, vrid: 60))
            let daemon = try F.start(implementation, in: lab.router(2), config: "global_defs {\n  log_unknown_vrids\n}\n"
                + F.config(priority: 100, vrid: 51))
            #expect(daemon.waitForOutput(containing: "Unknown VRID(60) received on interface(eth0). ignoring..."),
                    "no unknown-VRID line:\n\(daemon.output)")
        }
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func unicastWithoutPeersFaultsWhenAsked(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 1) { lab in
            let daemon = try F.start(implementation, in: lab.router(1), config: F.config(
                priority: 100, extra: "  unicast_src_ip \(Lab.ipv4(router: 1))\n  unicast_fault_no_peer\n"))
            #expect(daemon.waitForOutput(containing: "(VI_1) Cannot use unicast without any peers - going to fault state"),
                    "no fault:\n\(daemon.output)")
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack) == nil,
                    "became master without peers:\n\(daemon.output)")
        }
    }

    /// vrrp_mcast_group4: both routers advertise to and listen on another group; with keepalived
    /// 2.2.7 as the backup, one master at steady state.
    @Test func aCustomMulticastGroupInteroperatesWithKeepalived() throws {
        try Lab.withLab(routers: 2) { lab in
            let global = "global_defs {\n  vrrp_mcast_group4 224.0.0.99\n}\n"
            let capture = try lab.client.start(["tcpdump", "-i", "eth0", "-n", "-l", "-U", "-c", "3", "ip proto 112"], name: "tcpdump-vrrp")
            _ = capture.waitForOutput(containing: "listening on", timeout: .seconds(5))
            let backup = try F.start(.debian, in: lab.router(1), config: global + F.config(priority: 100))
            let master = try F.start(.ours, in: lab.router(2), config: global + F.config(priority: 150))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(master.output)")
            usleep(UInt32(F.masterDownInterval(priority: 100) * 1_000_000))
            #expect(!F.holds(lab.router(1), F.vip4), "keepalived did not hear ours on 224.0.0.99:\n\(backup.output)")
            #expect(capture.waitForOutput(containing: "> 224.0.0.99: VRRPv2", timeout: .seconds(3)), "\(capture.output)")
        }
    }
}
