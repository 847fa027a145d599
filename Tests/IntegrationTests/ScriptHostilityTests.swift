import Foundation
import Testing
import KeepalivedTestSupport

/// vrrp_scripts that hang, crash, flood their output or leave children behind: the master keeps
/// advertising on time, nothing transitions, hung scripts are killed at their timeout and every
/// child of the daemon is reaped.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and tcpdump: \(Lab.availability)"))
struct ScriptHostilityTests {
    typealias F = VRRPFixtures

    @Test func hostileScriptsNeverStallTheDaemon() throws {
        try Lab.withLab(routers: 2) { lab in
            let marker = "9\(getpid() % 1000)7"
            let scripts = [
                ("chk_hang", "/bin/sleep \(marker)", "  timeout 1\n"),
                ("chk_crash", "/bin/sh -c 'kill -SEGV $$'", ""),
                ("chk_flood", "/bin/sh -c 'yes flooding | head -c 20000000'", "  timeout 1\n"),
                ("chk_fork", "/bin/sh -c '/bin/sleep 3 & exit 0'", ""),
            ]
            var config = ""
            for (name, command, extra) in scripts {
                config += "vrrp_script \(name) {\n  script \"\(command)\"\n  interval 1\n  weight -1\n\(extra)}\n"
            }
            config += F.config(priority: 150, extra: "  track_script {\n" + scripts.map { "    \($0.0)\n" }.joined() + "  }\n")
            let capture = try AdvertCapture.start(in: lab.client)
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let master = try F.start(.ours, in: lab.router(2), config: config)
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never became master:\n\(master.output)")
            let start = Date().timeIntervalSince1970
            usleep(6_000_000)

            #expect(master.isRunning, "the daemon died:\n\(master.output)")
            #expect(F.holds(lab.router(2), F.vip4))
            #expect(!backup.output.contains("Entering MASTER STATE"), "the backup took over:\n\(backup.output)")
            let gap = capture.longestGap(vrid: 51, from: Lab.ipv4(router: 2), since: start)
            print("longest advert gap with hostile scripts: \(String(format: "%.3f", gap)) s")
            #expect(gap < 1.25, "adverts stalled for \(gap) s")
            #expect(master.output.contains("VRRP_Script(chk_hang) timed_out"), "\(master.output)")
            #expect(master.output.contains("VRRP_Script(chk_crash) failed (was killed by signal 11)"), "\(master.output)")
            // Hung scripts are killed: at most the current run is alive; the daemon has no zombies.
            let hung = try lab.router(2).run(["pgrep", "-f", "sleep \(marker)"]).standardOutput.split(separator: "\n").count
            #expect(hung <= 1, "\(hung) hung scripts are still running")
            // A script that just ended is a zombie until the next reaping round (every 100 ms): only
            // one that stays a zombie across two looks half a second apart would be a leak.
            func zombies() throws -> Set<String> {
                let lines = try lab.router(2).run(["ps", "--ppid", String(master.pid), "-o", "pid=,stat="]).standardOutput
                return Set(lines.split(separator: "\n").filter { $0.contains("Z") }.map { String($0.split(separator: " ")[0]) })
            }
            let first = try zombies()
            usleep(500_000)
            let lasting = first.intersection(try zombies())
            #expect(lasting.isEmpty, "children left unreaped: \(lasting)")
        }
    }
}
