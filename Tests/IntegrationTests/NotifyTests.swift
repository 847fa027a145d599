import Foundation
import Testing
import KeepalivedTestSupport

/// notify_master/notify_backup/notify_stop, the generic notify with keepalived's four arguments, and
/// the notify FIFO lines, observed for a real daemon going BACKUP → MASTER → STOP; each case runs
/// against keepalived 2.2.7 too, so the expectations are the oracle's.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct NotifyTests {
    typealias F = VRRPFixtures

    /// What one run left behind: the scripts' lines (`name args`), the FIFO lines, the daemon's output.
    struct Observed {
        var scripts: [String]
        var fifo: [String]
        var output: String
    }

    /// Installs `scripts` (each appends `basename args` to a record), points notify_fifo at a FIFO,
    /// runs `implementation` with `config(labDirectory)` until it is master, then stops it.
    static func run(
        _ implementation: F.Implementation, scripts: [String], masterPriority: Int = 120,
        config: (_ directory: String) -> String
    ) throws -> Observed {
        var observed = Observed(scripts: [], fifo: [], output: "")
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let record = lab.directory + "/notify.log"
            for name in scripts {
                let body = "#!/bin/sh\necho \"$(basename $0) $*\" >> \(record)\n"
                try router.installFile("/etc/keepalived/\(name)", contents: body, mode: 0o755)
            }
            let fifo = lab.directory + "/notify.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            let text = "global_defs {\n  notify_fifo \(fifo)\n}\n" + config(lab.directory)
            let daemon = try F.start(implementation, in: router, config: text)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: masterPriority) + F.slack) != nil,
                    "never became master:\n\(daemon.output)")
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(500_000)

            let recorded = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let fifoText = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
            observed = Observed(
                scripts: recorded.split(separator: "\n").map(String.init),
                fifo: fifoText.split(separator: "\n").map(String.init), output: daemon.output)
        }
        return observed
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func scriptsAndFIFOFollowTheTransitions(_ implementation: F.Implementation) throws {
        let extra = """
              notify_master /etc/keepalived/master.sh
              notify_backup "/etc/keepalived/backup.sh with args"
              notify_stop /etc/keepalived/stop.sh
              notify /etc/keepalived/notify.sh

            """
        let seen = try Self.run(implementation, scripts: ["master.sh", "backup.sh", "stop.sh", "notify.sh"]) { _ in
            F.config(priority: 120, extra: extra)
        }
        #expect(seen.scripts.contains("backup.sh with args"), "\(seen.scripts)")
        #expect(seen.scripts.contains("master.sh "), "\(seen.scripts)")
        #expect(seen.scripts.contains("stop.sh "), "\(seen.scripts)")
        let generic = seen.scripts.filter { $0.hasPrefix("notify.sh") }
        #expect(generic == ["BACKUP", "MASTER", "STOP"].map { "notify.sh INSTANCE VI_1 \($0) 120" }, "\(seen.scripts)\n\(seen.output)")
        #expect(seen.fifo == ["BACKUP", "MASTER", "STOP"].map { "INSTANCE \"VI_1\" \($0) 120" }, "\(seen.fifo)")
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func syncGroupScriptsAndFIFOLinesSayGROUP(_ implementation: F.Implementation) throws {
        let group = """
            vrrp_sync_group G1 {
              group {
                VI_1
              }
              notify_master /etc/keepalived/gmaster.sh
              notify /etc/keepalived/gnotify.sh
            }

            """
        let seen = try Self.run(implementation, scripts: ["gmaster.sh", "gnotify.sh"]) { _ in group + F.config(priority: 120) }
        #expect(seen.scripts.contains("gmaster.sh "), "\(seen.scripts)")
        let generic = seen.scripts.filter { $0.hasPrefix("gnotify.sh") }
        #expect(generic == ["BACKUP", "MASTER", "STOP"].map { "gnotify.sh GROUP G1 \($0) 0" }, "\(seen.scripts)\n\(seen.output)")
        #expect(seen.output.contains("VRRP_Group(G1) Syncing instances to MASTER state"), "\(seen.output)")
        #expect(seen.fifo.filter { $0.hasPrefix("GROUP") } == ["BACKUP", "MASTER", "STOP"].map { "GROUP \"G1\" \($0) 0" },
                "\(seen.fifo)")
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func priorityChangesReachTheFIFOWhenAskedFor(_ implementation: F.Implementation) throws {
        let seen = try Self.run(implementation, scripts: [], masterPriority: 110) { directory in
            let script = """
                vrrp_script chk_missing {
                    script "/usr/bin/test -e \(directory)/never-there"
                    interval 1
                    weight -10
                }

                """
            return script + F.config(priority: 120, extra: "  notify_priority_changes\n  track_script {\n    chk_missing\n  }\n")
        }
        // The script fails before Master_Down_Interval ends, so the backup's priority changes first.
        let expected = ["BACKUP 120", "BACKUP_PRIORITY 110", "MASTER 110", "STOP 110"].map { "INSTANCE \"VI_1\" \($0)" }
        #expect(seen.fifo == expected, "\(seen.fifo)\n\(seen.output)")
        #expect(seen.output.contains("(VI_1) Changing effective priority from 120 to 110"), "\(seen.output)")
    }

    /// Every member of a two-instance sync group still sends its own notifies (keepalived only
    /// skips them when the group already put the instance in that state); the group's line follows
    /// its members' in the FIFO. Scripts run concurrently, so their record is compared unordered.
    @Test(arguments: [F.Implementation.ours, .debian])
    func everyMemberOfASyncGroupNotifies(_ implementation: F.Implementation) throws {
        let seen = try Self.run(implementation, scripts: ["notify.sh", "gnotify.sh"]) { _ in
            let member = "  notify /etc/keepalived/notify.sh\n"
            let second = F.config(priority: 120, vrid: 52, vip: "10.77.0.201", extra: member).replacingOccurrences(of: "VI_1", with: "VI_2")
            return "vrrp_sync_group G1 {\n  group {\n    VI_1\n    VI_2\n  }\n  notify /etc/keepalived/gnotify.sh\n}\n"
                + F.config(priority: 120, extra: member) + second
        }
        let states = ["BACKUP", "MASTER", "STOP"]
        let instances = states.flatMap { state in ["VI_1", "VI_2"].map { "INSTANCE \"\($0)\" \(state) 120" } }
        let groups = states.map { "GROUP \"G1\" \($0) 0" }
        #expect(seen.fifo.sorted() == (instances + groups).sorted(), "\(seen.fifo)")
        #expect(seen.fifo.filter { $0.hasPrefix("GROUP") } == groups, "\(seen.fifo)")
        let groupMaster = seen.fifo.firstIndex(of: groups[1]) ?? -1
        #expect(seen.fifo.indices.filter { seen.fifo[$0].hasPrefix("INSTANCE") && seen.fifo[$0].contains("MASTER") }.allSatisfy { $0 < groupMaster },
                "\(seen.fifo)")
        let scripts = states.flatMap { state in ["VI_1", "VI_2"].map { "notify.sh INSTANCE \($0) \(state) 120" } }
            + states.map { "gnotify.sh GROUP G1 \($0) 0" }
        #expect(seen.scripts.sorted() == scripts.sorted(), "\(seen.scripts)\n\(seen.output)")
    }
}
