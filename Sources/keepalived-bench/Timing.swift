import Foundation

/// Wall-clock timing of commands and closures, summarised by the median.
enum Timing {
    static let clock = ContinuousClock()

    /// Prints a progress line at once, also when the output goes to a file or a pipe (fflush(NULL)
    /// flushes every stream, stdout included).
    static func progress(_ line: String) {
        print(line)
        fflush(nil)
    }

    static func median(_ samples: [Duration]) -> Duration {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    static func seconds(_ d: Duration) -> Double { milliseconds(d) / 1000 }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Runs `executable arguments` to the end with posix_spawn (Foundation's Process adds tens of
    /// milliseconds per run, which would blur the comparison); output goes to a scratch file, of
    /// which the first bytes are returned with the number of lines.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, elapsed: Duration, lines: Int)
    {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let outputPath = NSTemporaryDirectory() + "/keepalived-bench-\(getpid()).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = clock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw NSError(domain: "posix_spawn", code: Int(spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = clock.now - start
        let data = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()
        try? FileManager.default.removeItem(atPath: outputPath)
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let lines = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return (exitStatus, String(decoding: data.prefix(4096), as: UTF8.self), elapsed, lines)
    }

    /// Median wall-clock time of `runs` runs of a command.
    static func medianOfRuns(_ runs: Int, _ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (median: Duration, status: Int32, output: String)
    {
        var samples: [Duration] = []
        var last: (status: Int32, output: String, elapsed: Duration, lines: Int) = (0, "", .zero, 0)
        for _ in 0..<runs {
            last = try run(executable, arguments, environment: environment)
            samples.append(last.elapsed)
        }
        return (median(samples), last.status, last.output)
    }

    /// Median wall-clock time of `runs` calls of `body`.
    static func medianOfCalls(_ runs: Int, _ body: () -> Void) -> Duration {
        median((0..<runs).map { _ in clock.measure(body) })
    }
}
