// Runs a program to completion with a timeout, capturing its output.
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
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let out = try openForWriting(outPath)
        defer { close(out) }
        let err = try openForWriting(errPath)
        defer { close(err) }
        var stdinPipe: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&stdinPipe) == 0 else { throw LabError.launchFailed(executable, underlying: "pipe: errno \(errno)") }
            for fd in stdinPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        } else {
            stdinPipe[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }

        let start = ContinuousClock.now
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: executable, arguments: Array(arguments.dropFirst()), environment: environment,
                stdin: stdinPipe[0], stdout: out, stderr: err
            )
        } catch {
            close(stdinPipe[0])
            if stdinPipe[1] >= 0 { close(stdinPipe[1]) }
            throw error
        }
        close(stdinPipe[0])
        if let input {
            // Large inputs would need a writer thread; the lab only feeds short scripts and batches.
            let bytes = Array(input.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                written += n
            }
            close(stdinPipe[1])
        }
        var timedOut = false
        if !child.wait(timeout: timeout) {
            timedOut = true
            child.terminate(grace: .seconds(2))
        }
        let duration = ContinuousClock.now - start
        return CommandResult(
            arguments: [executable] + arguments.dropFirst(),
            status: child.exitStatus ?? -1,
            signal: child.terminationSignal,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            timedOut: timedOut,
            duration: duration
        )
    }
}

/// Opens (creating or truncating) a file for a child's output. Calls open(2).
func openForWriting(_ path: String) throws -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw LabError.launchFailed(path, underlying: String(cString: strerror(errno))) }
    return fd
}

extension Duration {
    /// The same span for Dispatch's timeouts.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
