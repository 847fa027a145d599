import Foundation
import Testing
import KeepalivedTestSupport

/// VRRPv3 groups shared with FRR's vrrpd (8.4, Debian's `frr`): one master at steady state and
/// failover both ways, over IPv4 and IPv6. Ours runs as keepalived does by default (no use_vmac:
/// the VIP on eth0, adverts from eth0's MAC); FRR runs on its macvlans with the RFC virtual MAC.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun && (FRRVRRPRouter.isInstalled || FRRVRRPRouter.inCI),
                             "needs root, iproute2 and FRR (scripts/bootstrap installs frr)"))
struct FRRInteropTests {
    typealias F = VRRPFixtures

    init() throws {
        F.checkPrerequisites()
        #expect(FRRVRRPRouter.isInstalled, "FRR's zebra and vrrpd are missing: run scripts/bootstrap")
    }

    /// Which family, and which side has the higher priority (and so is master at steady state).
    struct Case: Sendable, CustomTestStringConvertible {
        var ipv6: Bool
        var oursIsMaster: Bool
        var testDescription: String { "\(ipv6 ? "IPv6" : "IPv4"), \(oursIsMaster ? "ours" : "FRR") master" }
    }

    /// Polls until `condition` has held continuously for `seconds`, within `limit`.
    static func steadily(_ seconds: Double = 2, within limit: Double, _ condition: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + .milliseconds(Int(limit * 1000))
        var since: ContinuousClock.Instant?
        while clock.now < end {
            if condition() {
                let start = since ?? clock.now
                since = start
                if clock.now - start >= .milliseconds(Int(seconds * 1000)) { return true }
            } else {
                since = nil
            }
            usleep(100_000)
        }
        return false
    }

    @Test(arguments: [
        Case(ipv6: false, oursIsMaster: true), Case(ipv6: false, oursIsMaster: false),
        Case(ipv6: true, oursIsMaster: true), Case(ipv6: true, oursIsMaster: false),
    ])
    func version3GroupWithFRR(_ test: Case) throws {
        try Lab.withLab(routers: 2) { lab in
            let vip = test.ipv6 ? F.vip6 : F.vip4
            let prefix = test.ipv6 ? 64 : 24
            let (high, low) = (150, 100)
            let frr = try FRRVRRPRouter(
                in: lab.router(1), labDirectory: lab.directory, vrid: 51, priority: test.oursIsMaster ? low : high, vip: vip, prefix: prefix)
            try frr.start()
            let config = F.config(priority: test.oursIsMaster ? high : low, version: 3, vip: vip, prefix: prefix)
            var ours = try F.start(.ours, in: lab.router(2), config: config)
            func oursIsMaster() -> Bool { F.holds(lab.router(2), vip) }
            func logs() -> String { "ours:\n\(ours.output)\nFRR:\n\(frr.output)" }
            let bound = F.masterDownInterval(priority: low) + F.slack

            // Steady state: the higher priority is the one master, the other a backup, for longer
            // than a Master_Down_Interval (a backup deaf to the master would have taken over).
            let expected = {
                test.oursIsMaster ? oursIsMaster() && frr.isBackup : frr.isMaster && ours.isRunning && !oursIsMaster()
            }
            let steady = F.masterDownInterval(priority: low) + 1
            #expect(FRRInteropTests.steadily(steady, within: 2 * bound + steady, expected), "no steady single master:\n\(logs())")
            if test.oursIsMaster {
                #expect(frr.advertisementsReceived() > 0, "FRR never accepted an advert of ours:\n\(logs())")
            }

            // The master goes away: the other takes over.
            if test.oursIsMaster {
                ours.send(SIGTERM)
                #expect(ours.waitForExit(timeout: .seconds(5)))
            } else {
                frr.stopVRRP()
            }
            let survivor = { test.oursIsMaster ? frr.isMaster : oursIsMaster() && frr.status() == nil }
            #expect(F.wait(atMost: bound, for: survivor) != nil, "no failover away from the master:\n\(logs())")

            // It comes back and preempts.
            if test.oursIsMaster {
                ours = try F.start(.ours, in: lab.router(2), config: config)
            } else {
                try frr.start()
            }
            #expect(FRRInteropTests.steadily(steady, within: 2 * bound + steady, expected), "no single master after failing back:\n\(logs())")
        }
    }
}
