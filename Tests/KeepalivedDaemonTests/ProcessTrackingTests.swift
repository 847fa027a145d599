import NetlinkCodec
import Testing
import VRRPCore
@testable import KeepalivedDaemon

/// track_process: name matching, quorum and the fork/terminate delays, with a manual clock.
struct ProcessTrackingTests {
    static func at(_ seconds: Double) -> Instant { Instant(microseconds: UInt64(seconds * 1_000_000)) }

    @Test func namesMatchTheCommAndCommandLinesMatchAsConfigured() {
        let plain = TrackProcessRuntime(name: "p", process: "haproxy")
        #expect(plain.matches(comm: "haproxy", commandLine: ["/usr/sbin/haproxy", "-f", "x"]))
        #expect(!plain.matches(comm: "haproxy-wrap", commandLine: []))
        // The kernel keeps 15 characters of a name.
        #expect(TrackProcessRuntime(name: "p", process: "a-very-long-process-name").matches(comm: "a-very-long-pro", commandLine: []))
        let full = TrackProcessRuntime(name: "p", process: "/usr/sbin/haproxy", fullCommand: true)
        #expect(full.matches(comm: "haproxy", commandLine: ["/usr/sbin/haproxy", "-f", "x"]))
        #expect(!full.matches(comm: "haproxy", commandLine: ["haproxy"]))
        let exact = TrackProcessRuntime(name: "p", process: "/bin/sleep", parameters: ["100"])
        #expect(exact.matches(comm: "sleep", commandLine: ["/bin/sleep", "100"]))
        #expect(!exact.matches(comm: "sleep", commandLine: ["/bin/sleep", "1000"]))
        let initial = TrackProcessRuntime(name: "p", process: "/bin/sleep", parameters: ["10"], parameterMatch: .initial)
        #expect(initial.matches(comm: "sleep", commandLine: ["/bin/sleep", "1000"]))
        let partial = TrackProcessRuntime(name: "p", process: "/bin/app", parameters: ["-c"], parameterMatch: .partial)
        #expect(partial.matches(comm: "app", commandLine: ["/bin/app", "-c", "file"]))
        let none = TrackProcessRuntime(name: "p", process: "/bin/app", parameterMatch: .exact)
        #expect(none.matches(comm: "app", commandLine: ["/bin/app"]) && !none.matches(comm: "app", commandLine: ["/bin/app", "x"]))
    }

    @Test func quorumFollowsExecForkAndExitWithTheDelays() {
        var table: [Int32: (comm: String, commandLine: [String])] = [10: ("svc", ["svc"]), 11: ("other", ["other"])]
        let runtime = TrackProcessRuntime(name: "svc_up", process: "svc", quorum: 2, forkDelay: 500_000, terminateDelay: 1_000_000)
        var tracking = ProcessTracking([runtime], running: [10, 11], lookup: { table[$0] })
        #expect(tracking.tracked[0].up == false && tracking.tracked[0].count == 1)
        // A fork of a counted process reaches the quorum, after fork_delay.
        #expect(tracking.handle(.fork(parent: 10, child: 12), now: Self.at(1), lookup: { table[$0] }).isEmpty)
        #expect(tracking.deadline == Self.at(1.5))
        #expect(tracking.expire(now: Self.at(1.4)).isEmpty)
        #expect(tracking.expire(now: Self.at(1.5)).map(\.up) == [true])
        // An exit loses it after terminate_delay, unless a new one comes in time.
        #expect(tracking.handle(.exit(pid: 12), now: Self.at(2), lookup: { table[$0] }).isEmpty)
        table[11] = ("svc", ["svc"])
        #expect(tracking.handle(.exec(pid: 11), now: Self.at(2.5), lookup: { table[$0] }).isEmpty)
        #expect(tracking.deadline == nil)
        #expect(tracking.expire(now: Self.at(5)).isEmpty && tracking.tracked[0].up)
        // Exits without a replacement: lost once the delay runs out.
        _ = tracking.handle(.exit(pid: 11), now: Self.at(6), lookup: { table[$0] })
        #expect(tracking.expire(now: Self.at(7)).map(\.up) == [false])
    }

    @Test func eventsDecodeFromTheConnectorsLayout() {
        func message(what: UInt32, _ data: [UInt32]) -> [UInt8] {
            var bytes: [UInt8] = []
            func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
            let length = UInt32(16 + 20 + 16 + data.count * 4)
            u32(length); u32(3); u32(0); u32(0)
            u32(1); u32(1); u32(0); u32(0); u32(UInt32(16 + data.count * 4))
            u32(what); u32(0); u32(0); u32(0)
            for value in data { u32(value) }
            return bytes
        }
        #expect(ProcessEvent.decode(message(what: 1, [7, 7, 9, 9])) == [.fork(parent: 7, child: 9)])
        #expect(ProcessEvent.decode(message(what: 1, [7, 7, 10, 9])).isEmpty)  // a thread
        #expect(ProcessEvent.decode(message(what: 2, [9, 9])) == [.exec(pid: 9)])
        #expect(ProcessEvent.decode(message(what: 0x8000_0000, [9, 9, 0, 17])) == [.exit(pid: 9)])
        #expect(ProcessEvent.decode(message(what: 0x8000_0000, [10, 9, 0, 17])).isEmpty)
        #expect(ProcessEvent.subscription().count == 40)
    }
}
