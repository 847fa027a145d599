import Foundation
import Testing
import KeepalivedTestSupport

/// SIGUSR1's keepalived.data: the VRRP topology, sync group and script sections read as keepalived
/// 2.2.7 writes them for the same configuration (times and file descriptors masked; keepalived's
/// socket-pool and interface sections are not written by us).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct DataDumpTests {
    typealias F = VRRPFixtures

    /// The dump's sections we write, with volatile values masked.
    static func sections(_ text: String) -> [String] {
        var keep = false
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("------<") {
                keep = ["VRRP Topology", "VRRP Sync groups", "VRRP Scripts"].contains { line.contains($0) }
            }
            guard keep, !line.isEmpty else { continue }
            // Times, descriptors and whether a script happens to be running are not the point.
            if line.hasPrefix("   Last transition = ") || line.hasPrefix("   Read timeout = ") || line.hasPrefix("   State = idle")
                || line.hasPrefix("   State = running") {
                lines.append(String(line.prefix { $0 != "=" }) + "= *")
            } else if line.hasPrefix("   fd_in ") {
                lines.append("   fd_in *")
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    static func dump(_ implementation: F.Implementation, in lab: Lab, edit: (String) -> String = { $0 }) throws -> String {
        do {
            let router = lab.router(1)
            let config = SNMPAgentTests.config(socket: lab.directory + "/no-agent.sock")
                .replacingOccurrences(of: "  enable_snmp_vrrp\n  enable_snmp_rfcv2\n  enable_snmp_rfcv3\n  enable_traps\n", with: "")
            let daemon = try F.start(implementation, in: router, config: edit(config), temporaryDirectory: lab.directory)
            #expect(F.waitUntil(router, holds: "10.77.0.202", atMost: F.masterDownInterval(priority: 100) + F.slack) != nil, "\(daemon.output)")
            usleep(1_500_000)
            daemon.send(SIGUSR1)
            var text = ""
            for _ in 0..<40 where !text.contains("------< VRRP Scripts >------") || !text.contains("State = idle") {
                usleep(100_000)
                text = (try? String(contentsOfFile: lab.directory + "/keepalived.data", encoding: .utf8)) ?? ""
            }
            _ = daemon.stop()
            try? FileManager.default.removeItem(atPath: lab.directory + "/keepalived.data")
            return text
        }
    }

    /// Both in one lab, one after the other, so addresses and interface indexes are the same.
    @Test func vrrpSectionsMatchKeepalived() throws {
        let (theirText, ourText) = try Lab.withLab(routers: 1) { lab in (try Self.dump(.debian, in: lab), try Self.dump(.ours, in: lab)) }
        let theirs = Self.sections(theirText)
        let ours = Self.sections(ourText)
        #expect(theirs.contains(" VRRP Instance = VI_1"), "keepalived 2.2.7 wrote: \(theirs)")
        #expect(ours == theirs, "only keepalived: \(theirs.filter { !ours.contains($0) })\nonly ours: \(ours.filter { !theirs.contains($0) })")
    }

    /// strict_mode and no_accept read as keepalived writes them (strict compliance, accept
    /// disabled, no lower-priority gratuitous ARPs).
    @Test func strictAndNoAcceptInstancesMatchKeepalived() throws {
        let edit = { (config: String) in
            config.replacingOccurrences(of: "virtual_router_id 52\n", with: "virtual_router_id 52\n  strict_mode\n")
                .replacingOccurrences(of: "virtual_router_id 53\n", with: "virtual_router_id 53\n  no_accept\n")
        }
        let (theirText, ourText) = try Lab.withLab(routers: 1) { lab in
            (try Self.dump(.debian, in: lab, edit: edit), try Self.dump(.ours, in: lab, edit: edit))
        }
        let theirs = Self.sections(theirText)
        let ours = Self.sections(ourText)
        #expect(theirs.contains { $0.contains("Enforcing strict VRRP compliance") }, "keepalived 2.2.7 wrote: \(theirs)")
        #expect(ours == theirs, "only keepalived: \(theirs.filter { !ours.contains($0) })\nonly ours: \(ours.filter { !theirs.contains($0) })")
    }
}
