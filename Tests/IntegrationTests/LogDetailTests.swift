import Foundation
import Testing
import KeepalivedTestSupport

/// `-D`: keepalived's detail lines for a takeover after the master's priority 0 and for a stop,
/// the same lines in the same order from ours and from keepalived 2.2.7.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct LogDetailTests {
    typealias F = VRRPFixtures

    static let detailLines = [
        "Receive advertisement timeout", "received priority 0", "Setting VIPs.", "Removing VIPs.", "Sending gratuitous ARP",
        "sent 0 priority", "Entering",
    ]

    /// The detail lines (and transitions) `implementation` logs as backup taking over, then stopping.
    static func lines(_ implementation: F.Implementation) throws -> [String] {
        try Lab.withLab(routers: 2) { lab in
            let master = try F.start(.ours, in: lab.router(1), config: F.config(priority: 150))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            let backup = try F.start(implementation, in: lab.router(2), config: F.config(priority: 100, extra: "  garp_master_delay 0\n"),
                                     arguments: ["-D"])
            usleep(1_500_000)
            master.send(SIGTERM)
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: 1 + F.slack) != nil, "\(backup.output)")
            usleep(500_000)
            backup.send(SIGTERM)
            #expect(backup.waitForExit(timeout: .seconds(5)))
            return backup.output.split(separator: "\n").compactMap { line in
                guard let colon = line.range(of: "2026: ") ?? line.range(of: ": ") else { return nil }
                let message = String(line[colon.upperBound...])
                return detailLines.contains { message.contains($0) } ? message : nil
            }
        }
    }

    @Test func detailLinesMatchKeepalived() throws {
        let theirs = try Self.lines(.debian)
        let ours = try Self.lines(.ours)
        #expect(theirs.contains("(VI_1) Backup received priority 0 advertisement"), "keepalived 2.2.7 logged: \(theirs)")
        #expect(ours == theirs, "keepalived 2.2.7:\n\(theirs.joined(separator: "\n"))\nours:\n\(ours.joined(separator: "\n"))")
    }
}
