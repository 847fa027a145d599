// A long-running program started inside a lab namespace (a daemon under test, a capture, a sink).
import Foundation

/// A program running in a namespace until stopped. Its stdout and stderr go to `logPath`.
/// The lab stops every process it started when it is torn down.
public final class LabProcess: @unchecked Sendable {
    /// A short name for messages and the log file.
    public let name: String
    /// The namespace it runs in.
    public let namespace: String
    /// The command line inside the namespace.
    public let arguments: [String]
    /// Where its stdout and stderr are written.
    public let logPath: String

    private let process: Process
    private let log: FileHandle

    init(name: String, namespace: String, arguments: [String], ipPath: String, logPath: String) throws {
        self.name = name
        self.namespace = namespace
        self.arguments = arguments
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = URL(fileURLWithPath: ipPath)
        // `ip netns exec` execs the program itself, so our pid is the program's pid.
        process.arguments = ["netns", "exec", namespace] + arguments
        process.environment = CommandRunner.environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? log.close()
            throw LabError.launchFailed(arguments.first ?? "?", underlying: "\(error)")
        }
    }

    /// The program's process id.
    public var pid: Int32 { process.processIdentifier }

    /// True until the program exits.
    public var isRunning: Bool { process.isRunning }

    /// The exit status once it has exited (128 + signal when killed), nil while running.
    public var exitStatus: Int32? {
        guard !process.isRunning else { return nil }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Everything the program has written so far.
    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGHUP, SIGUSR1, ...) to the program.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(pid, signal) }
    }

    /// Waits until the output contains `text`; false when `timeout` passes first or the program exits without it.
    public func waitForOutput(containing text: String, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if output.contains(text) { return true }
            if !process.isRunning { return output.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return output.contains(text)
    }

    /// Waits for the program to exit by itself; false when `timeout` passes first.
    public func waitForExit(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// Stops the program: SIGTERM, then SIGKILL if it is still there after `grace`. Returns its exit status.
    @discardableResult
    public func stop(grace: Duration = .seconds(5)) -> Int32? {
        if process.isRunning {
            kill(pid, SIGTERM)
            if !waitForExit(timeout: grace) {
                kill(pid, SIGKILL)
                _ = waitForExit(timeout: .seconds(5))
            }
        }
        try? log.close()
        return exitStatus
    }
}
