import Foundation
import Testing
import KeepalivedTestSupport

/// track_file at run time: the number written into the file, times the weight, moves the
/// priority (a VIP moves when it drops below the peer's and back when it returns); with weight 0 a
/// non-zero value is a fault. Both cases also run with keepalived 2.2.7 as the tracking router.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct TrackFileTests {
    typealias F = VRRPFixtures

    static func config(priority: Int, file: String, weight: Int) -> String {
        """
        track_file service_weight {
            file \(file)
            weight \(weight)
            init_file 0 overwrite
        }

        """ + F.config(priority: priority, extra: "  track_file {\n    service_weight\n  }\n")
    }

    /// Writes the way operators do (`echo N > file`: truncate, write, close).
    static func write(_ value: Int, to path: String) {
        #expect(FileManager.default.createFile(atPath: path, contents: Data("\(value)\n".utf8)))
    }

    @Test(arguments: [(F.Implementation.ours, 1), (.ours, 0), (.debian, 1), (.debian, 0)])
    func writtenValueMovesTheVIP(_ implementation: F.Implementation, weight: Int) throws {
        try Lab.withLab(routers: 2) { lab in
            let file = lab.directory + "/weight"
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(implementation, in: lab.router(2), config: Self.config(priority: 150, file: file, weight: weight))
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 1 + F.slack) != nil,
                    "router 2 never became master with init_file 0:\n\(master.output)")
            #expect((try? String(contentsOfFile: file, encoding: .utf8)) == "0\n", "init_file did not write 0")

            Self.write(-80, to: file)
            let limit = (weight == 0 ? 1 : F.masterDownInterval(priority: 100)) + F.slack
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: limit) != nil,
                    "router 1 never took over:\n\(backup.output)\nrouter 2:\n\(master.output)")
            let expected = weight == 0 ? "Entering FAULT STATE" : "Changing effective priority from 150 to 70"
            #expect(master.output.contains(expected), "no '\(expected)':\n\(master.output)")

            Self.write(0, to: file)
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never took the VIP back:\n\(master.output)")
        }
    }
}
