import Foundation

/// Wall-clock timing of commands and closures, summarised by the median.
enum Timing {
    static let clock = ContinuousClock()

    static func median(_ samples: [Duration]) -> Duration {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Runs `executable arguments` to the end, output discarded except the first bytes of stdout+stderr.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, elapsed: Duration)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let start = clock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        return (process.terminationStatus, String(decoding: data.prefix(4096), as: UTF8.self), elapsed)
    }

    /// Median wall-clock time of `runs` runs of a command.
    static func medianOfRuns(_ runs: Int, _ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (median: Duration, status: Int32, output: String)
    {
        var samples: [Duration] = []
        var last: (status: Int32, output: String, elapsed: Duration) = (0, "", .zero)
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
