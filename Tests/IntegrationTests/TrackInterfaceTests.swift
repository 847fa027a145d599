import Foundation
import Testing
import KeepalivedTestSupport

/// track_interface at run time: a tracked interface going down lowers the priority (weight -100)
/// or faults the instance (no weight), and the VIP moves; back up, it returns. Also with keepalived
/// 2.2.7 as the tracking router.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct TrackInterfaceTests {
    typealias F = VRRPFixtures

    @Test(arguments: [(F.Implementation.ours, -100), (.ours, 0), (.debian, -100), (.debian, 0)])
    func trackedInterfaceDownMovesTheVIP(_ implementation: F.Implementation, weight: Int) throws {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            // An uplink of router 2's own: a veth pair inside its namespace.
            try router.ip("link", "add", "uplink0", "type", "veth", "peer", "name", "uplink1")
            try router.ip("link", "set", "uplink0", "up")
            try router.ip("link", "set", "uplink1", "up")
            let track = weight == 0 ? "    uplink0\n" : "    uplink0 weight \(weight)\n"
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(implementation, in: router, config: F.config(priority: 150, extra: "  track_interface {\n\(track)  }\n"))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never became master:\n\(master.output)")

            try router.ip("link", "set", "uplink1", "down")
            let limit = (weight == 0 ? 1 : F.masterDownInterval(priority: 100)) + F.slack
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: limit) != nil,
                    "router 1 never took over when the uplink went down:\n\(master.output)\nrouter 1:\n\(backup.output)")
            let expected = weight == 0 ? "Entering FAULT STATE" : "Changing effective priority from 150 to 50"
            #expect(master.output.contains(expected), "no '\(expected)':\n\(master.output)")

            try router.ip("link", "set", "uplink1", "up")
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never took the VIP back:\n\(master.output)")
        }
    }
}
