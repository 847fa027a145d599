import Foundation
import Testing
import KeepalivedTestSupport

/// SIGHUP reloads, observed on the wire from the client namespace: a stable master keeps advertising
/// on time, keeps its address, and nothing transitions; only what changed is touched.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root, iproute2 and tcpdump: \(Lab.availability)"))
struct ReloadTests {
    typealias F = VRRPFixtures

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Lines of `process`'s output that report a state change.
    static func transitions(_ process: LabProcess) -> [String] {
        process.output.split(separator: "\n").map(String.init).filter { $0.contains("Entering") }
    }

    @Test func tenReloadsInOneSecondMoveNothing() throws {
        try Lab.withLab(routers: 2) { lab in
            let (r1, r2) = (lab.router(1), lab.router(2))
            let capture = try AdvertCapture.start(in: lab.client)
            let monitor = try r1.start(["ip", "monitor", "address"], name: "ip-monitor")
            let master = try F.start(.ours, in: r1, config: F.config(priority: 150))
            let backup = try F.start(.debian, in: r2, config: F.config(priority: 100))
            #expect(F.waitUntil(r1, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(master.output)")
            usleep(2_000_000)
            let before = (Self.transitions(master).count, Self.transitions(backup).count)
            let start = Self.now()
            for _ in 0..<10 {
                master.send(SIGHUP)
                usleep(100_000)
            }
            usleep(3_000_000)
            #expect(Self.transitions(master).count == before.0, "ours moved on reload:\n\(master.output)")
            #expect(Self.transitions(backup).count == before.1, "keepalived 2.2.7 moved while ours reloaded:\n\(backup.output)")
            #expect(master.output.components(separatedBy: "Reload finished").count - 1 == 10, "\(master.output)")
            let gap = capture.longestGap(vrid: 51, from: Lab.ipv4(router: 1), since: start - 1)
            print("longest advert gap around 10 reloads: \(String(format: "%.3f", gap)) s (advert_int 1 s)")
            #expect(gap < 1.25, "an advert gap of \(gap) s at the master")
            #expect(!capture.adverts.contains { $0.time >= start && $0.priority == 0 })
            #expect(!monitor.output.contains("Deleted"), "an address was removed:\n\(monitor.output)")
            #expect(F.holds(r1, F.vip4))
        }
    }

    @Test func aConfigurationThatCannotRunIsReportedAndTheRunningOneKept() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let daemon = try F.start(.ours, in: router, config: F.config(priority: 150))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            let transitions = Self.transitions(daemon).count
            try router.installFile("/etc/keepalived/keepalived-ours.conf",
                                   contents: F.config(priority: 150).replacingOccurrences(of: "interface eth0", with: "interface nosuch0"))
            daemon.send(SIGHUP)
            #expect(daemon.waitForOutput(containing: "Reload aborted", timeout: .seconds(5)), "\(daemon.output)")
            usleep(1_500_000)
            #expect(Self.transitions(daemon).count == transitions)
            #expect(F.holds(router, F.vip4))
        }
    }

    @Test func changedAddedAndRemovedInstancesAreHandledOneByOne() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let capture = try AdvertCapture.start(in: lab.client)
            let second = F.config(priority: 150, vrid: 52, vip: "10.77.0.202").replacingOccurrences(of: "VI_1", with: "VI_2")
            let daemon = try F.start(.ours, in: router, config: F.config(priority: 150) + second)
            #expect(F.waitUntil(router, holds: "10.77.0.202", atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            #expect(F.holds(router, F.vip4))
            let third = F.config(priority: 150, vrid: 53, vip: "10.77.0.203").replacingOccurrences(of: "VI_1", with: "VI_3")
            try router.installFile("/etc/keepalived/keepalived-ours.conf", contents: F.config(priority: 160) + third)
            let start = Self.now()
            daemon.send(SIGHUP)
            #expect(daemon.waitForOutput(containing: "1 changed, 1 added, 1 removed", timeout: .seconds(5)), "\(daemon.output)")
            // VI_2 is gone: priority 0 on the wire and its address released. VI_3 starts and takes its address.
            #expect(F.waitUntil(router, holds: "10.77.0.202", false, atMost: 1) != nil)
            #expect(F.waitUntil(router, holds: "10.77.0.203", atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            usleep(1_500_000)
            let adverts = capture.adverts.filter { $0.time >= start }
            #expect(adverts.contains { $0.vrid == 52 && $0.priority == 0 })
            // VI_1 stays master, advertising its new priority; it never transitioned.
            #expect(adverts.contains { $0.vrid == 51 && $0.priority == 160 })
            #expect(F.holds(router, F.vip4))
            #expect(Self.transitions(daemon).filter { $0.contains("VI_1") }.count == 2, "\(daemon.output)")
            #expect(capture.longestGap(vrid: 51, from: Lab.ipv4(router: 1), since: start - 1) < 1.25)
        }
    }

    /// The notify FIFO's lines for a reload that removes two instances (one with notify_deleted),
    /// for `implementation`: keepalived reports FAULT by default and DELETED with notify_deleted.
    static func removalLines(_ implementation: F.Implementation) throws -> [String] {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let fifo = lab.directory + "/notify.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            let global = "global_defs {\n  notify_fifo \(fifo)\n}\n"
            let second = F.config(priority: 150, vrid: 52, vip: "10.77.0.202", extra: "  notify_deleted\n")
                .replacingOccurrences(of: "VI_1", with: "VI_2")
            let third = F.config(priority: 150, vrid: 53, vip: "10.77.0.203").replacingOccurrences(of: "VI_1", with: "VI_3")
            let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150) + second + third)
            #expect(F.waitUntil(router, holds: "10.77.0.203", atMost: F.masterDownInterval(priority: 150) + F.slack) != nil)
            usleep(500_000)
            var buffer = [UInt8](repeating: 0, count: 8192)
            _ = read(reader, &buffer, buffer.count)
            try router.installFile("/etc/keepalived/keepalived-\(implementation).conf", contents: global + F.config(priority: 150))
            daemon.send(SIGHUP)
            #expect(F.waitUntil(router, holds: "10.77.0.203", false, atMost: 3) != nil, "\(daemon.output)")
            usleep(1_000_000)
            let count = read(reader, &buffer, buffer.count)
            _ = daemon.stop()
            return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: "\n").map(String.init) : []
        }
    }

    @Test func removedInstancesAreReportedAsKeepalivedReportsThem() throws {
        let theirs = try Self.removalLines(.debian)
        let ours = try Self.removalLines(.ours)
        #expect(theirs == ["INSTANCE \"VI_2\" DELETED 150", "INSTANCE \"VI_3\" FAULT 150"], "keepalived 2.2.7 wrote \(theirs)")
        #expect(ours == theirs)
    }
}
