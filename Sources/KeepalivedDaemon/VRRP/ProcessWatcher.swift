import Glibc
import LinuxNet
import NetlinkCodec
import VRRPCore

/// track_process on the VRRP thread: the kernel's process events over the connector, /proc for
/// what a pid is, and ProcessTracking for quorum and delays. Where process events cannot be had
/// (a network namespace without access to the initial one), /proc is read every `pollInterval`.
final class ProcessWatcher {
    let runtimes: [TrackProcessRuntime]
    private let socket: ProcessEventSocket?
    private var tracking: ProcessTracking
    private let log: (String) -> Void
    /// When /proc is read next, when polling.
    private var nextPoll: Instant?
    static let pollInterval: UInt64 = 250_000

    init(_ runtimes: [TrackProcessRuntime], log: @escaping (String) -> Void) {
        self.runtimes = runtimes
        self.log = log
        do { socket = try ProcessEventSocket() } catch {
            log("Process events unavailable (\(error)); reading /proc every \(Self.pollInterval / 1000) ms instead")
            socket = nil
            nextPoll = MonotonicClock.now().adding(Self.pollInterval)
        }
        // Subscribe first, then read /proc, so nothing started in between is missed.
        tracking = ProcessTracking(runtimes, running: Self.runningProcesses(), lookup: Self.lookup)
    }

    var descriptor: Int32 { socket?.descriptor ?? -1 }
    var deadline: Instant? { [tracking.deadline, nextPoll].compactMap { $0 }.min() }

    /// Whether each tracked process has its quorum now.
    var initialStates: [(name: String, up: Bool)] { tracking.tracked.map { ($0.runtime.name, $0.up) } }

    /// Events waiting on the socket; returns the quorum changes, logged as keepalived logs them.
    func changes(now: Instant) -> [(name: String, up: Bool)] {
        var changes: [(name: String, up: Bool)] = []
        for event in socket?.receive() ?? [] { changes += tracking.handle(event, now: now, lookup: Self.lookup) }
        return logged(changes)
    }

    /// fork_delay and terminate_delay that ran out, and what a due /proc poll found.
    func expired(now: Instant) -> [(name: String, up: Bool)] {
        var changes = tracking.expire(now: now)
        if let poll = nextPoll, poll <= now {
            nextPoll = now.adding(Self.pollInterval)
            changes += tracking.rescan(running: Self.runningProcesses(), now: now, lookup: Self.lookup)
        }
        return logged(changes)
    }

    private func logged(_ changes: [(name: String, up: Bool)]) -> [(name: String, up: Bool)] {
        for change in changes { log("Quorum \(change.up ? "gained" : "lost") for tracked process \(change.name)") }
        return changes
    }

    /// The process ids in /proc.
    static func runningProcesses() -> [Int32] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let pid = Int32(name) { pids.append(pid) }
        }
        return pids
    }

    /// /proc/PID/comm and /proc/PID/cmdline, or nil when the process is gone (or a zombie).
    static func lookup(_ pid: Int32) -> (comm: String, commandLine: [String])? {
        guard let comm = read("/proc/\(pid)/comm"), let commandLine = read("/proc/\(pid)/cmdline") else { return nil }
        let name = String(decoding: comm.prefix { $0 != 10 }, as: UTF8.self)
        let words = commandLine.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        return (name, words.last == "" ? Array(words.dropLast()) : words)
    }

    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer.prefix(count)
        }
        return bytes
    }
}
