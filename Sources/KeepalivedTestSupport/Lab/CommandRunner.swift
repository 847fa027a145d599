// Runs a program to completion with a timeout, capturing its output (Foundation's Process).
import Foundation

/// Runs commands for the lab. Output goes to temporary files rather than pipes, so a command that
/// leaves a daemon behind holding its stdout never blocks the caller.
public enum CommandRunner {
    /// Directories searched after `PATH`: the lab's tools live in sbin, which a non-login PATH may lack.
    static let systemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]

    /// The environment given to every command: ours, with the sbin directories on PATH.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        environment["PATH"] = (path + systemDirectories.filter { !path.contains($0) }).joined(separator: ":")
        return environment
    }

    /// Absolute path of `name` (searched on PATH and the system directories), or `name` itself when it holds a slash.
    public static func findExecutable(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in path where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        return nil
    }

    /// Runs `arguments` (program first) and waits for it. After `timeout` it gets SIGTERM, then SIGKILL
    /// two seconds later; the result then says `timedOut`.
    public static func run(
        _ arguments: [String], timeout: Duration = .seconds(30), input: String? = nil
    ) throws -> CommandResult {
        guard let program = arguments.first else { throw LabError.invalidRequest("empty command line") }
        guard let executable = findExecutable(program) else {
            throw LabError.launchFailed(program, underlying: "not found on PATH")
        }
        let scratch = FileManager.default.temporaryDirectory.path + "/kl-cmd-\(getpid())-\(UUID().uuidString)"
        let outPath = scratch + ".out", errPath = scratch + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }

        let start = ContinuousClock.now
        do {
            try process.run()
        } catch {
            throw LabError.launchFailed(executable, underlying: "\(error)")
        }
        if let stdin, let input {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout.dispatchInterval) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGTERM)
            if finished.wait(timeout: .now() + .seconds(2)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        let duration = ContinuousClock.now - start
        let killedBy: Int32? = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return CommandResult(
            arguments: [executable] + arguments.dropFirst(),
            status: killedBy.map { 128 + $0 } ?? process.terminationStatus,
            signal: killedBy,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            timedOut: timedOut,
            duration: duration
        )
    }
}

extension Duration {
    /// The same span for Dispatch's timeouts.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
