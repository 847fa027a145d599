import Foundation
import KeepalivedConfig
import KeepalivedDaemon

/// The parse benchmark: Debian's `keepalived -t -f` against ours on the same large config.
enum ParseBench {
    struct Row {
        var what: String
        var median: Duration
        var note: String
    }

    static let keepalived = "/usr/sbin/keepalived"

    /// Our `keepalived` next to this benchmark's own executable (the same build configuration).
    static var ourBinary: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("keepalived").path
    }

    static func run(file: String, scratch: URL, runs: Int) throws -> [Row] {
        var rows: [Row] = []
        let environment = ["TMPDIR": scratch.path]
        let arguments = ["-t", "-f", file, "-i", "lab1"]

        if FileManager.default.isExecutableFile(atPath: keepalived) {
            let theirs = try Timing.medianOfRuns(runs, keepalived, arguments, environment: environment)
            let firstLine = theirs.output.split(separator: "\n").first.map { ": \($0.prefix(60))" } ?? ""
            rows.append(Row(what: "keepalived 2.2.7 -t", median: theirs.median, note: "exit \(theirs.status)\(firstLine)"))
        } else {
            print("note: \(keepalived) is not installed; no reference time (apt-get install keepalived)")
        }

        let binary = ourBinary
        var ourCLIWorks = false
        if FileManager.default.isExecutableFile(atPath: binary) {
            let probe = try Timing.run(binary, arguments, environment: environment)
            if probe.output.contains("not built yet") || (probe.status == 1 && probe.output.isEmpty) {
                print("note: \(binary) does not support -t yet (\(probe.output.prefix(60).trimmingCharacters(in: .whitespacesAndNewlines))); timing ConfigLoader in-process instead")
            } else {
                ourCLIWorks = true
                let ours = try Timing.medianOfRuns(runs, binary, arguments, environment: environment)
                rows.append(Row(what: "ours keepalived -t", median: ours.median, note: "exit \(ours.status)"))
            }
        } else {
            print("note: \(binary) not found; timing ConfigLoader in-process instead")
        }

        var loaded: LoadedConfiguration?
        let inProcess = Timing.medianOfCalls(runs) {
            loaded = ConfigLoader.load(.init(configFile: file, configID: "lab1"), host: LocalHost())
        }
        let diagnostics = loaded?.diagnostics ?? []
        let unknown = diagnostics.filter { $0.keepalivedClass == .unknownKeyword }.count
        rows.append(Row(
            what: "ours ConfigLoader (in-process)", median: inProcess,
            note: "exit \(loaded?.configTestExitCode ?? -1), \(diagnostics.count) diagnostics (\(unknown) unknown keyword)"
                + (ourCLIWorks ? "" : " [used for the ratio]")))
        return rows
    }
}
