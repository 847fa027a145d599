import NetlinkCodec
import VRRPCore

/// A vrrp_track_process as the VRRP thread follows it.
public struct TrackProcessRuntime: Sendable, Hashable {
    public enum ParameterMatch: Sendable, Hashable { case none, exact, initial, partial }
    public var name: String
    /// The process name (compared with its comm) or, with `fullCommand`, its argv[0].
    public var process: String
    public var parameters: [String]
    public var parameterMatch: ParameterMatch
    public var fullCommand: Bool
    public var quorum: UInt32
    public var quorumMax: UInt32
    /// Microseconds.
    public var forkDelay: UInt64
    public var terminateDelay: UInt64

    public init(name: String, process: String, parameters: [String] = [], parameterMatch: ParameterMatch = .none,
                fullCommand: Bool = false, quorum: UInt32 = 1, quorumMax: UInt32 = .max, forkDelay: UInt64 = 0, terminateDelay: UInt64 = 0) {
        self.name = name; self.process = process; self.parameters = parameters; self.parameterMatch = parameterMatch
        self.fullCommand = fullCommand; self.quorum = quorum; self.quorumMax = quorumMax
        self.forkDelay = forkDelay; self.terminateDelay = terminateDelay
    }

    /// Whether the process matches: keepalived compares the name with the process's comm (the kernel
    /// keeps 15 characters), or, with parameters or full_command, argv[0] and the parameters exactly,
    /// as an initial match (the last one may be longer), or as a partial match (more may follow).
    public func matches(comm: String, commandLine: [String]) -> Bool {
        guard fullCommand || !parameters.isEmpty || parameterMatch != .none else {
            return comm == String(process.utf8.prefix(15))!
        }
        guard commandLine.first == process else { return false }
        let arguments = Array(commandLine.dropFirst())
        switch parameterMatch {
        case .none where parameters.isEmpty: return true
        case .none, .exact: return arguments == parameters
        case .partial: return arguments.count >= parameters.count && Array(arguments.prefix(parameters.count)) == parameters
        case .initial:
            guard arguments.count == parameters.count, let last = parameters.last else { return arguments.isEmpty && parameters.isEmpty }
            return Array(arguments.dropLast()) == Array(parameters.dropLast()) && arguments.last!.hasPrefix(last)
        }
    }
}

/// keepalived's track_process bookkeeping for every tracked process, as a value driven by process
/// events, a process lookup and a clock: which pids count, the quorum, and the fork/terminate delays.
struct ProcessTracking {
    /// What a pid is: its comm and its command line, or nil once it is gone.
    typealias Lookup = (Int32) -> (comm: String, commandLine: [String])?

    struct Tracked {
        let runtime: TrackProcessRuntime
        var pids: Set<Int32> = []
        var up = false
        /// A pending quorum change (fork_delay or terminate_delay) and when it is decided.
        var timer: Instant?
        var count: UInt32 { UInt32(pids.count) }
        var inQuorum: Bool { count >= runtime.quorum && count <= runtime.quorumMax }
    }

    private(set) var tracked: [Tracked]

    /// Counts the processes running now (keepalived reads /proc before the instances start).
    init(_ runtimes: [TrackProcessRuntime], running: [Int32], lookup: Lookup) {
        tracked = runtimes.map { Tracked(runtime: $0) }
        for pid in running {
            guard let process = lookup(pid) else { continue }
            for index in tracked.indices where tracked[index].runtime.matches(comm: process.comm, commandLine: process.commandLine) {
                tracked[index].pids.insert(pid)
            }
        }
        for index in tracked.indices { tracked[index].up = tracked[index].inQuorum }
    }

    /// The earliest pending delay.
    var deadline: Instant? { tracked.compactMap(\.timer).min() }

    /// Applies one event; returns the trackers whose quorum changed (name, now up).
    mutating func handle(_ event: ProcessEvent, now: Instant, lookup: Lookup) -> [(name: String, up: Bool)] {
        var changes: [(String, Bool)] = []
        for index in tracked.indices {
            let before = tracked[index].inQuorum
            var viaFork = false
            switch event {
            case let .fork(parent, child):
                // A child of a counted process counts too (it has its parent's name).
                if tracked[index].pids.contains(parent) { tracked[index].pids.insert(child); viaFork = true }
            case let .exec(pid), let .comm(pid, _):
                let matches = lookup(pid).map { tracked[index].runtime.matches(comm: $0.comm, commandLine: $0.commandLine) } ?? false
                if matches { tracked[index].pids.insert(pid) } else { tracked[index].pids.remove(pid) }
            case let .exit(pid):
                tracked[index].pids.remove(pid)
            }
            let after = tracked[index].inQuorum
            guard before != after else { continue }
            if tracked[index].timer != nil {
                // The opposite change was waiting out its delay: both cancel out.
                tracked[index].timer = nil
                continue
            }
            let delay = after ? (viaFork ? tracked[index].runtime.forkDelay : 0) : tracked[index].runtime.terminateDelay
            if delay > 0 {
                tracked[index].timer = now.adding(delay)
            } else if let change = settle(index) {
                changes.append(change)
            }
        }
        return changes
    }

    /// A fresh look at every running process (when no events arrive): processes gone count as exits,
    /// new matches as execs.
    mutating func rescan(running: [Int32], now: Instant, lookup: Lookup) -> [(name: String, up: Bool)] {
        let processes = running.compactMap { pid in lookup(pid).map { (pid, $0) } }
        var changes: [(name: String, up: Bool)] = []
        for index in tracked.indices {
            let runtime = tracked[index].runtime
            let matching = Set(processes.filter { runtime.matches(comm: $0.1.comm, commandLine: $0.1.commandLine) }.map(\.0))
            for pid in tracked[index].pids.subtracting(matching) { changes += handle(.exit(pid: pid), now: now, lookup: lookup) }
            for pid in matching.subtracting(tracked[index].pids) { changes += handle(.exec(pid: pid), now: now, lookup: lookup) }
        }
        return changes
    }

    /// Decides the delays that ran out by `now`.
    mutating func expire(now: Instant) -> [(name: String, up: Bool)] {
        var changes: [(String, Bool)] = []
        for index in tracked.indices {
            guard let timer = tracked[index].timer, timer <= now else { continue }
            tracked[index].timer = nil
            if let change = settle(index) { changes.append(change) }
        }
        return changes
    }

    private mutating func settle(_ index: Int) -> (String, Bool)? {
        let up = tracked[index].inQuorum
        guard up != tracked[index].up else { return nil }
        tracked[index].up = up
        return (tracked[index].runtime.name, up)
    }
}
