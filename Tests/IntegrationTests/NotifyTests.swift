import Foundation
import Testing
import KeepalivedTestSupport

/// notify_master/notify_backup/notify_stop, the generic notify with keepalived's four arguments, and
/// the notify FIFO lines, observed for a real daemon going BACKUP → MASTER → STOP.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct NotifyTests {
    typealias F = VRRPFixtures

    @Test func scriptsAndFIFOFollowTheTransitions() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let record = lab.directory + "/notify.log"
            let script = "#!/bin/sh\necho \"$(basename $0) $*\" >> \(record)\n"
            for name in ["master.sh", "backup.sh", "stop.sh", "notify.sh"] {
                try router.installFile("/etc/keepalived/\(name)", contents: script, mode: 0o755)
            }
            let fifo = lab.directory + "/notify.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            let extra = """
                  notify_master /etc/keepalived/master.sh
                  notify_backup "/etc/keepalived/backup.sh with args"
                  notify_stop /etc/keepalived/stop.sh
                  notify /etc/keepalived/notify.sh

                """
            let config = "global_defs {\n  notify_fifo \(fifo)\n}\n" + F.config(priority: 120, extra: extra)
            let ours = try F.start(.ours, in: router, config: config)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 120) + F.slack) != nil,
                    "never became master:\n\(ours.output)")
            ours.send(SIGTERM)
            #expect(ours.waitForExit(timeout: .seconds(5)))
            usleep(500_000)

            let lines = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            #expect(lines.contains("backup.sh with args"), "\(lines)")
            #expect(lines.contains("master.sh "), "\(lines)")
            #expect(lines.contains("stop.sh "), "\(lines)")
            let generic = lines.filter { $0.hasPrefix("notify.sh") }
            #expect(generic == ["notify.sh INSTANCE VI_1 BACKUP 120", "notify.sh INSTANCE VI_1 MASTER 120", "notify.sh INSTANCE VI_1 STOP 120"],
                    "\(lines)\n\(ours.output)")

            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let fifoText = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
            #expect(fifoText == "INSTANCE \"VI_1\" BACKUP 120\nINSTANCE \"VI_1\" MASTER 120\nINSTANCE \"VI_1\" STOP 120\n", "\(fifoText)")
        }
    }

    @Test func syncGroupScriptsAndFIFOLinesSayGROUP() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let record = lab.directory + "/group.log"
            let script = "#!/bin/sh\necho \"$(basename $0) $*\" >> \(record)\n"
            for name in ["gmaster.sh", "gnotify.sh"] {
                try router.installFile("/etc/keepalived/\(name)", contents: script, mode: 0o755)
            }
            let fifo = lab.directory + "/group.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            let group = """
                vrrp_sync_group G1 {
                  group {
                    VI_1
                  }
                  notify_master /etc/keepalived/gmaster.sh
                  notify /etc/keepalived/gnotify.sh
                }

                """
            let config = "global_defs {\n  notify_fifo \(fifo)\n}\n" + group + F.config(priority: 120)
            let ours = try F.start(.ours, in: router, config: config)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 120) + F.slack) != nil,
                    "never became master:\n\(ours.output)")
            ours.send(SIGTERM)
            #expect(ours.waitForExit(timeout: .seconds(5)))
            usleep(500_000)

            let lines = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            #expect(lines.contains("gmaster.sh "), "\(lines)")
            let generic = lines.filter { $0.hasPrefix("gnotify.sh") }
            #expect(generic == ["gnotify.sh GROUP G1 BACKUP 0", "gnotify.sh GROUP G1 MASTER 0", "gnotify.sh GROUP G1 STOP 0"],
                    "\(lines)\n\(ours.output)")
            #expect(ours.output.contains("VRRP_Group(G1) Syncing instances to MASTER state"), "\(ours.output)")

            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let fifoText = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
            let groupLines = fifoText.split(separator: "\n").filter { $0.hasPrefix("GROUP") }
            #expect(groupLines == ["GROUP \"G1\" BACKUP 0", "GROUP \"G1\" MASTER 0", "GROUP \"G1\" STOP 0"], "\(fifoText)")
        }
    }
}
