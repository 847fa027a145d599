import Foundation
import Testing
import KeepalivedTestSupport

/// Start-up timing: keepalived 2.2.7 lets `state MASTER` below priority 255 take over only after
/// Master_Down_Interval, like a backup (the shortcut of one advert interval is for a sync group
/// starting in BACKUP). Ours and Debian's alone on the wire.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct StartupTests {
    typealias F = VRRPFixtures

    @Test(arguments: [F.Implementation.ours, .debian])
    func stateMasterWaitsMasterDownInterval(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 1) { lab in
            let config = F.config(priority: 100).replacingOccurrences(of: "state BACKUP", with: "state MASTER")
            let daemon = try F.start(implementation, in: lab.router(1), config: config)
            let held = F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack)
            #expect(held != nil, "never became master:\n\(daemon.output)")
            // Master_Down_Interval is 3.61 s; one advert interval would be 1.0 s.
            #expect((held ?? 0) > 2.5, "master after \(held ?? 0) s:\n\(daemon.output)")
        }
    }
}
