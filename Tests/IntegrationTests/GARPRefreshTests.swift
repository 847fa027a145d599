import Foundation
import Testing
import KeepalivedTestSupport

/// garp_master_refresh: a master repeats its gratuitous ARPs every refresh interval (with the advert
/// that follows it), garp_master_refresh_repeat at a time — counted on the wire from the client,
/// for ours and for keepalived 2.2.7.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and tcpdump: \(Lab.availability)"))
struct GARPRefreshTests {
    typealias F = VRRPFixtures

    /// Gratuitous ARPs for the VIP seen by the client from 2 s after the master took the VIP, for 4 s.
    static func refreshes(_ implementation: F.Implementation) throws -> Int {
        try Lab.withLab(routers: 1) { lab in
            let capture = try lab.client.start(["tcpdump", "-i", "eth0", "-n", "-tt", "-l", "-U", "arp"], name: "tcpdump-arp")
            _ = capture.waitForOutput(containing: "listening on", timeout: .seconds(5))
            let extra = "  garp_master_delay 0\n  garp_master_repeat 1\n  garp_master_refresh 1\n  garp_master_refresh_repeat 2\n"
            let daemon = try F.start(implementation, in: lab.router(1), config: F.config(priority: 150, extra: extra))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            let from = Date().timeIntervalSince1970 + 2
            usleep(6_200_000)
            return capture.output.split(separator: "\n").filter { line in
                guard let time = Double(line.prefix { $0 != " " }), time >= from, time < from + 4 else { return false }
                // `ARP, Request who-has 10.77.0.200 (ff:ff:ff:ff:ff:ff) tell 10.77.0.200`
                return line.contains("Request who-has \(F.vip4) ") && line.contains("tell \(F.vip4),")
            }.count
        }
    }

    @Test func refreshedLikeKeepalived() throws {
        let theirs = try Self.refreshes(.debian)
        let ours = try Self.refreshes(.ours)
        print("gratuitous ARPs in 4 s with refresh 1 s × 2: keepalived \(theirs), ours \(ours)")
        #expect((6...10).contains(theirs), "keepalived 2.2.7 sent \(theirs)")
        #expect(abs(ours - theirs) <= 2, "ours \(ours), keepalived \(theirs)")
    }
}
