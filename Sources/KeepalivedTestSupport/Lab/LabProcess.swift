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

    private let child: ChildProcess

    init(name: String, namespace: String, arguments: [String], ipPath: String, logPath: String) throws {
        self.name = name
        self.namespace = namespace
        self.arguments = arguments
        self.logPath = logPath
        let log = try openForWriting(logPath)
        defer { close(log) }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(null) }
        // `ip netns exec` execs the program itself, so the child's pid is the program's pid.
        child = try ChildProcess(
            executable: ipPath, arguments: ["netns", "exec", namespace] + arguments, environment: CommandRunner.environment,
            stdin: null, stdout: log, stderr: log
        )
    }

    /// The program's process id.
    public var pid: Int32 { child.pid }

    /// True until the program exits.
    public var isRunning: Bool { child.isRunning }

    /// The exit status once it has exited (128 + signal when killed), nil while running.
    public var exitStatus: Int32? { child.exitStatus }

    /// Everything the program has written so far.
    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGHUP, SIGUSR1, ...) to the program.
    public func send(_ signal: Int32) { child.send(signal) }

    /// Waits until the output contains `text`; false when `timeout` passes first or the program exits without it.
    public func waitForOutput(containing text: String, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if output.contains(text) { return true }
            if !child.isRunning { return output.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return output.contains(text)
    }

    /// Waits for the program to exit by itself; false when `timeout` passes first.
    public func waitForExit(timeout: Duration) -> Bool { child.wait(timeout: timeout) }

    /// Stops the program: SIGTERM, then SIGKILL if it is still there after `grace`. Returns its exit status.
    @discardableResult
    public func stop(grace: Duration = .seconds(5)) -> Int32? { child.terminate(grace: grace) }
}
