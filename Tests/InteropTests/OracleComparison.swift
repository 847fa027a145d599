import Foundation
import KeepalivedConfig
import KeepalivedDaemon

/// One configuration run through keepalived 2.2.7 and through our front end, and how they differ.
struct OracleComparison {
    var name: String
    var keepalived: KeepalivedOracle.Verdict
    var ourExitCode: Int32
    var ourDiagnostics: [Diagnostic]
    /// keepalived's line references that none of our diagnostics points at.
    var missingLines: [KeepalivedOracle.LineReference]

    var exitCodesAgree: Bool { keepalived.exitCode == ourExitCode }
    var isMatch: Bool { exitCodesAgree && missingLines.isEmpty && !keepalived.timedOut }
    /// keepalived crashed: there is no verdict to compare with, so it is listed, not counted.
    var isOracleCrash: Bool { keepalived.crashed }

    /// Runs both on `path`; keepalived with its own scratch directory inside `scratch`.
    static func run(name: String, path: String, scratch: URL) throws -> OracleComparison {
        let runDirectory = scratch.appendingPathComponent("run-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: runDirectory) }
        let verdict = try KeepalivedOracle.check(path, scratch: runDirectory)
        let ours = ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: LocalHost())
        return OracleComparison(
            name: name, keepalived: verdict, ourExitCode: ours.configTestExitCode, ourDiagnostics: ours.diagnostics,
            missingLines: missing(verdict.lines, in: ours.diagnostics))
    }

    /// The references no diagnostic points at (same line; same file when keepalived names one).
    static func missing(_ references: [KeepalivedOracle.LineReference], in diagnostics: [Diagnostic]) -> [KeepalivedOracle.LineReference] {
        let located = diagnostics.compactMap(\.location)
        return references.filter { reference in
            !located.contains { location in
                location.line == reference.line && (reference.file.map { sameFile($0, location.file) } ?? true)
            }
        }
    }

    /// keepalived names files as opened; we name them as matched. Same file if equal, or one is a
    /// relative tail of the other.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix("/" + b) || b.hasSuffix("/" + a)
    }

    /// A few lines saying exactly how the two disagree, for the mismatch summary.
    var report: String {
        var text = "\(name):"
        if keepalived.timedOut { text += " keepalived timed out;" }
        if keepalived.crashed { text += " keepalived 2.2.7 crashed (signal \(keepalived.exitCode));" }
        text += " exit keepalived \(keepalived.exitCode) vs ours \(ourExitCode)"
        if !missingLines.isEmpty {
            text += "; lines keepalived reports that we do not: " + missingLines.map(\.description).joined(separator: ", ")
        }
        let theirs = keepalived.stderr.split(separator: "\n").prefix(4).map { "    keepalived: \($0.prefix(160))" }
        let ours = ourDiagnostics.filter { $0.keepalivedClass != nil }.prefix(4).map {
            "    ours:       \(($0.location.map { "line \($0.line): " } ?? ""))\($0.message.prefix(140)) [\($0.keepalivedClass!)]"
        }
        return ([text] + theirs + ours).joined(separator: "\n")
    }
}

/// The outcome of a corpus: counts and every mismatch.
struct OracleSummary {
    var title: String
    var comparisons: [OracleComparison] = []

    var mismatches: [OracleComparison] { comparisons.filter { !$0.isMatch && !$0.isOracleCrash } }
    var oracleCrashes: [OracleComparison] { comparisons.filter(\.isOracleCrash) }

    var text: String {
        let exit = mismatches.filter { !$0.exitCodesAgree }.count
        let lines = mismatches.filter { !$0.missingLines.isEmpty }.count
        var out = "== keepalived 2.2.7 oracle, \(title): \(comparisons.count) configs, \(comparisons.count - mismatches.count - oracleCrashes.count) agree, "
            + "\(mismatches.count) differ (\(exit) exit code, \(lines) line numbers)"
        if !oracleCrashes.isEmpty {
            out += "\n   keepalived 2.2.7 itself crashed on \(oracleCrashes.count) (not compared; ours: "
                + oracleCrashes.map { "\($0.name) exit \($0.ourExitCode)" }.joined(separator: ", ") + ")"
        }
        var byPair: [String: Int] = [:]
        for mismatch in mismatches { byPair["keepalived \(mismatch.keepalived.exitCode) / ours \(mismatch.ourExitCode)", default: 0] += 1 }
        if !byPair.isEmpty {
            out += "\n   exit codes: " + byPair.sorted { $0.value > $1.value }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
        for mismatch in mismatches.prefix(OracleSummary.detailLimit) { out += "\n" + mismatch.report }
        if mismatches.count > OracleSummary.detailLimit {
            out += "\n   ... and \(mismatches.count - OracleSummary.detailLimit) more (names: "
                + mismatches.dropFirst(OracleSummary.detailLimit).map(\.name).joined(separator: " ") + ")"
        }
        return out
    }

    static let detailLimit = 40
}
