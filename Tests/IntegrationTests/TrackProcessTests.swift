import Foundation
import Testing
import KeepalivedTestSupport

/// vrrp_track_process at run time: the tracked process stops and the VIP moves (a priority drop
/// with weight -100, FAULT with weight 0); it starts again and the VIP comes back.
///
/// keepalived 2.2.7 cannot be the tracking router here: the kernel sends process events only to the
/// initial network namespace, so inside a lab router it logs "Failed to set/clear process event
/// listen - errno 111" and never sees the process (FAULT for good with weight 0). Ours subscribes
/// from the initial namespace and works in containers and `ip netns exec` alike.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct TrackProcessTests {
    typealias F = VRRPFixtures

    /// A process name no other test uses: a copy of sleep, so its comm is this name.
    static let processName = "trk_service"

    static func config(weight: Int) -> String {
        """
        vrrp_track_process service_up {
            process \(processName)
            weight \(weight)
        }

        """ + F.config(priority: 150, extra: "  track_process {\n    service_up\n  }\n")
    }

    @Test(arguments: [(F.Implementation.ours, -100), (.ours, 0)])
    func stoppedProcessMovesTheVIP(_ implementation: F.Implementation, weight: Int) throws {
        try Lab.withLab(routers: 2) { lab in
            let binary = lab.directory + "/" + Self.processName
            #expect(FileManager.default.isReadableFile(atPath: "/bin/sleep"))
            try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: binary)
            var service = try lab.router(2).start([binary, "1000"], name: "service")
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let tracking = try F.start(implementation, in: lab.router(2), config: Self.config(weight: weight))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never became master with its process running:\n\(tracking.output)")

            service.send(SIGKILL)
            _ = service.waitForExit(timeout: .seconds(5))
            let limit = (weight == 0 ? 1 : F.masterDownInterval(priority: 100)) + F.slack
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: limit) != nil,
                    "router 1 never took over when the process stopped:\n\(tracking.output)\nrouter 1:\n\(backup.output)")
            #expect(tracking.output.contains("Quorum lost for tracked process service_up"), "\(tracking.output)")
            let expected = weight == 0 ? "Entering FAULT STATE" : "Changing effective priority from 150 to 50"
            #expect(tracking.output.contains(expected), "no '\(expected)':\n\(tracking.output)")

            service = try lab.router(2).start([binary, "1000"], name: "service-again")
            defer { _ = service.stop() }
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never took the VIP back:\n\(tracking.output)")
            #expect(tracking.output.contains("Quorum gained for tracked process service_up"), "\(tracking.output)")
        }
    }
}
