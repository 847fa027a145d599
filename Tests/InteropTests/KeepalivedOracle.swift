import Foundation

/// Debian's keepalived 2.2.7 as a configuration oracle: `keepalived -t -f FILE -i lab1`, its exit
/// status and the lines its stderr points at.
struct KeepalivedOracle {
    static let binary = "/usr/sbin/keepalived"

    /// Whether the oracle can run here. In CI a missing keepalived is a failure, elsewhere a skip.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binary) }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// `.enabled(if:)` condition: run where keepalived is, and always in CI (to fail loudly there).
    static var shouldRun: Bool {
        if !isInstalled && !isCI { print("ConfigOracleTests skipped: \(binary) is not installed (apt-get install keepalived)") }
        return isInstalled || isCI
    }

    /// A place `(FILE: Line N)` or `(Line N)` points at; `file` is nil for the second form.
    struct LineReference: Hashable, CustomStringConvertible {
        var file: String?
        var line: Int
        var description: String { file.map { "\(($0 as NSString).lastPathComponent):\(line)" } ?? "Line \(line)" }
    }

    struct Verdict {
        var exitCode: Int32
        var stderr: String
        var lines: [LineReference]
        var timedOut: Bool
        /// keepalived itself died of a signal (2.2.7 crashes on a few broken configs): no verdict.
        var crashed: Bool
    }

    /// Runs `keepalived -t -f file -i lab1` with TMPDIR (and its working directory) in `scratch`.
    static func check(_ file: String, scratch: URL, timeout: TimeInterval = 10) throws -> Verdict {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-t", "-f", file, "-i", "lab1"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = scratch.path
        process.environment = environment
        process.currentDirectoryURL = scratch
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let fired = Flag()
        let watchdog = DispatchWorkItem {
            if process.isRunning {
                fired.set()
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let text = String(decoding: data, as: UTF8.self)
        let timedOut = fired.isSet
        let crashed = !timedOut && process.terminationReason == .uncaughtSignal
        return Verdict(
            exitCode: process.terminationStatus, stderr: text, lines: lineReferences(in: text), timedOut: timedOut,
            crashed: crashed)
    }

    /// Every `(FILE: Line N)` and `(Line N)` prefix in keepalived's output, in order, without repeats.
    static func lineReferences(in output: String) -> [LineReference] {
        var seen: Set<LineReference> = []
        var result: [LineReference] = []
        for line in output.split(separator: "\n") where line.hasPrefix("(") {
            guard let close = line.firstIndex(of: ")") else { continue }
            let inside = line[line.index(after: line.startIndex)..<close]
            var reference: LineReference?
            if inside.hasPrefix("Line "), let number = Int(inside.dropFirst(5)) {
                reference = LineReference(file: nil, line: number)
            } else if let marker = inside.range(of: ": Line ", options: .backwards), let number = Int(inside[marker.upperBound...]) {
                reference = LineReference(file: String(inside[..<marker.lowerBound]), line: number)
            }
            if let reference, seen.insert(reference).inserted { result.append(reference) }
        }
        return result
    }
}

/// A thread-safe one-way flag (the watchdog sets it from a dispatch queue).
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
