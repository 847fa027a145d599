import Foundation
import Testing
import KeepalivedTestSupport

/// vrrp_script tracking at run time: a weighted script lowers the master's priority below the
/// backup's when it fails, so the backup preempts; an unweighted one faults the instance. The same
/// runs with keepalived 2.2.7 as the tracking router.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct TrackScriptTests {
    typealias F = VRRPFixtures

    static func config(priority: Int, flag: String, weight: Int) -> String {
        """
        vrrp_script chk_service {
            script "/usr/bin/test -e \(flag)"
            interval 1
            weight \(weight)
        }

        """ + F.config(priority: priority, extra: "  track_script {\n    chk_service\n  }\n")
    }

    @Test(arguments: [(F.Implementation.ours, -100), (.ours, 0), (.debian, -100), (.debian, 0)])
    func failingScriptMovesTheVIP(_ implementation: F.Implementation, weight: Int) throws {
        try Lab.withLab(routers: 2) { lab in
            let flag = lab.directory + "/service-up"
            #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(implementation, in: lab.router(2), config: TrackScriptTests.config(priority: 150, flag: flag, weight: weight))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 1 + F.slack) != nil,
                    "router 2 never became master while its script succeeded:\n\(master.output)")
            try FileManager.default.removeItem(atPath: flag)
            // One script interval to notice, then (weighted) Master_Down_Interval for the backup to preempt.
            let limit = 1 + (weight == 0 ? 1 : F.masterDownInterval(priority: 100)) + F.slack
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: limit) != nil,
                    "router 1 never took over:\n\(backup.output)\nrouter 2:\n\(master.output)")
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, false, atMost: 2) != nil, "router 2 kept the VIP:\n\(master.output)")
            let expected = weight == 0 ? "Entering FAULT STATE" : "Changing effective priority from 150 to 50"
            #expect(master.output.contains(expected), "no '\(expected)':\n\(master.output)")
        }
    }
}
