import Foundation
import Testing
import KeepalivedTestSupport

/// notify_fifo_script: the daemon starts the script with the FIFO's name as its last argument, and
/// the script reads keepalived's lines from it — the same lines from keepalived 2.2.7 and ours,
/// also with fifo_write_vrrp_states_on_reload across a SIGHUP.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct NotifyFIFOScriptTests {
    typealias F = VRRPFixtures

    static func lines(_ implementation: F.Implementation, reloading: Bool = false) throws -> [String] {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let record = lab.directory + "/fifo-script.log"
            let reader = "#!/bin/sh\necho \"started with $#: $(basename \"$1\")\" >> \(record)\nwhile read line; do echo \"$line\" >> \(record); done < \"$1\"\n"
            try router.installFile("/etc/keepalived/fifo-reader.sh", contents: reader, mode: 0o755)
            let fifo = lab.directory + "/events.fifo"
            let config = "global_defs {\n  notify_fifo \(fifo)\n  notify_fifo_script /etc/keepalived/fifo-reader.sh\n"
                + (reloading ? "  fifo_write_vrrp_states_on_reload\n" : "") + "}\n"
                + "vrrp_sync_group G1 {\n  group {\n    VI_1\n  }\n}\n" + F.config(priority: 150)
            let daemon = try F.start(implementation, in: router, config: config)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            if reloading {
                daemon.send(SIGHUP)
                usleep(1_500_000)
            }
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(700_000)
            let text = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }
    }

    @Test func theScriptReadsTheSameLinesAsUnderKeepalived() throws {
        let theirs = try Self.lines(.debian)
        let ours = try Self.lines(.ours)
        #expect(theirs.first == "started with 1: events.fifo", "keepalived 2.2.7's script saw: \(theirs)")
        #expect(ours == theirs, "keepalived 2.2.7: \(theirs)\nours: \(ours)")
    }

    @Test func statesAreWrittenAfterAReloadAsUnderKeepalived() throws {
        let theirs = try Self.lines(.debian, reloading: true)
        let ours = try Self.lines(.ours, reloading: true)
        // keepalived 2.2.7 restarts the reader script at a reload; ours keeps it reading.
        let withoutStarts = { (lines: [String]) in lines.filter { !$0.hasPrefix("started with") } }
        #expect(theirs.filter { $0.hasPrefix("started with") }.count == 2, "keepalived 2.2.7's script saw: \(theirs)")
        #expect(withoutStarts(ours) == withoutStarts(theirs), "keepalived 2.2.7: \(theirs)\nours: \(ours)")
    }
}
