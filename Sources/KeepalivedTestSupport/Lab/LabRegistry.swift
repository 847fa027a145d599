// Every live lab of this process, torn down at exit or on SIGINT/SIGTERM; and the sweep of labs
// left behind by dead processes.
import Foundation

/// Keeps the labs of this process so an `atexit` hook or a SIGINT/SIGTERM can still delete their
/// namespaces, and removes namespaces whose owning process (the pid in `kl<pid>-`) is gone.
final class LabRegistry: @unchecked Sendable {
    static let shared = LabRegistry()

    private let lock = NSLock()
    private var labs: [ObjectIdentifier: Lab] = [:]
    private var hooksInstalled = false
    private var counter = 0
    /// The signal whose teardown is under way (0: none); exit waits for it so the process still
    /// ends by that signal even when the main thread finishes first.
    private var pendingSignal: Int32 = 0

    private var signalInProgress: Int32 {
        get { lock.withLock { pendingSignal } }
        set { lock.withLock { pendingSignal = newValue } }
    }

    /// A number for the next lab of this process, so names stay unique per lab.
    func nextLabNumber() -> Int {
        lock.withLock {
            counter += 1
            return counter
        }
    }

    func register(_ lab: Lab) {
        let install = lock.withLock {
            labs[ObjectIdentifier(lab)] = lab
            defer { hooksInstalled = true }
            return !hooksInstalled
        }
        if install { installExitHooks() }
    }

    func unregister(_ lab: Lab) {
        _ = lock.withLock { labs.removeValue(forKey: ObjectIdentifier(lab)) }
    }

    /// Tears down every registered lab (the exit and signal path).
    func tearDownAll() {
        let all = lock.withLock { Array(labs.values) }
        for lab in all { lab.teardown() }
    }

    private func installExitHooks() {
        atexit {
            let registry = LabRegistry.shared
            // A signal's teardown is running on its thread and ends with re-raising the signal.
            guard registry.signalInProgress == 0 else {
                while registry.signalInProgress != 0 { usleep(10_000) }
                return
            }
            registry.tearDownAll()
        }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        labSignalPipe = fds[1]
        let readEnd = fds[0]
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            labPreviousActions[Int(signal)] = previous
            // A process that ignores the signal keeps ignoring it.
            if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }  // SIG_IGN
            var action = sigaction()
            action.__sigaction_handler.sa_handler = labSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        // The handler only writes the signal number to a pipe; this thread does the real work.
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) != 1 {}
            let signal = Int32(byte)
            LabRegistry.shared.signalInProgress = signal
            LabRegistry.shared.tearDownAll()
            var previous = labPreviousActions[Int(signal)] ?? sigaction()
            sigaction(signal, &previous, nil)
            raise(signal)
            // The previous disposition did not end the process (it had its own handler): carry on.
            LabRegistry.shared.signalInProgress = 0
        }
    }

    // MARK: - Stale labs

    /// Namespaces (and their /etc/netns directories and scratch directories) of labs whose process
    /// is gone. With `includeLive`, every lab namespace except this process's own.
    static func staleNames(includeLive: Bool = false) -> [String] {
        let fileManager = FileManager.default
        var names = Set<String>()
        for directory in ["/run/netns", "/etc/netns"] {
            for entry in (try? fileManager.contentsOfDirectory(atPath: directory)) ?? [] {
                guard let pid = ownerPID(of: entry), pid != getpid() else { continue }
                if includeLive || !isAlive(pid) { names.insert(entry) }
            }
        }
        return names.sorted()
    }

    /// Deletes the given lab namespaces: processes in them, the namespace, its /etc/netns directory.
    static func sweep(_ names: [String], ipPath: String) {
        for name in names {
            killProcesses(inNamespace: name, ipPath: ipPath, grace: .milliseconds(500))
            _ = try? CommandRunner.run([ipPath, "netns", "delete", name], timeout: .seconds(10))
            try? FileManager.default.removeItem(atPath: "/etc/netns/\(name)")
        }
        let temporary = FileManager.default.temporaryDirectory.path
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] {
            // Lab scratch directories (kl<pid>-<n>) and command output files (kl-cmd-<pid>-...).
            let owner = entry.hasPrefix("kl-cmd-") ? ownerPID(of: "kl" + entry.dropFirst("kl-cmd-".count)) : ownerPID(of: entry)
            guard let pid = owner, pid != getpid(), !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(atPath: temporary + "/" + entry)
        }
    }

    /// SIGTERM, then SIGKILL, to every process whose network namespace is `name`.
    static func killProcesses(inNamespace name: String, ipPath: String, grace: Duration) {
        func pids() -> [Int32] {
            guard let result = try? CommandRunner.run([ipPath, "netns", "pids", name], timeout: .seconds(10)) else { return [] }
            return result.standardOutput.split(whereSeparator: \.isNewline).compactMap { Int32($0) }.filter { $0 != getpid() }
        }
        let first = pids()
        guard !first.isEmpty else { return }
        for pid in first { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, first.contains(where: isAlive) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for pid in pids() { kill(pid, SIGKILL) }
    }

    /// The pid in a lab name `kl<pid>-...`, or nil for other names.
    static func ownerPID(of name: String) -> Int32? {
        guard name.hasPrefix("kl"), let dash = name.firstIndex(of: "-") else { return nil }
        let digits = name[name.index(name.startIndex, offsetBy: 2)..<dash]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int32(digits)
    }

    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// Write end of the signal pipe (set once, before any handler is installed).
nonisolated(unsafe) private var labSignalPipe: Int32 = -1
/// Dispositions in place before ours, restored before the signal is raised again.
nonisolated(unsafe) private var labPreviousActions: [Int: sigaction] = [:]

/// Async-signal-safe: records the signal for the cleanup thread.
private func labSignalHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(labSignalPipe, &byte, 1)
}
