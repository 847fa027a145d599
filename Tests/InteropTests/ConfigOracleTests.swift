import Foundation
import KeepalivedConfig
import Testing

/// Our `-t` verdict against Debian's keepalived 2.2.7 on the same host: same exit code, and every
/// line keepalived points at is one our diagnostics point at too. Set
/// KEEPALIVED_ORACLE_REPORT_ONLY=1 to print the mismatch summary without failing (while keyword
/// handlers are still being written).
@Suite(.serialized, .enabled(if: KeepalivedOracle.shouldRun))
struct ConfigOracleTests {
    static var reportOnly: Bool { ProcessInfo.processInfo.environment["KEEPALIVED_ORACLE_REPORT_ONLY"] == "1" }

    /// Runs a corpus, prints its summary, and records one issue per mismatch.
    private func compare(_ title: String, _ entries: [OracleCorpus.Entry], scratch: URL) throws {
        guard KeepalivedOracle.isInstalled else {
            Issue.record("\(KeepalivedOracle.binary) is missing; CI needs Debian's keepalived (apt-get install keepalived)")
            return
        }
        var summary = OracleSummary(title: title)
        for entry in entries {
            summary.comparisons.append(try OracleComparison.run(name: entry.name, path: entry.path, scratch: scratch))
        }
        print(summary.text)
        if Self.reportOnly { return }
        for mismatch in summary.mismatches.prefix(OracleSummary.detailLimit) {
            Issue.record(Comment(rawValue: mismatch.report))
        }
        let mismatchCount = summary.mismatches.count
        #expect(mismatchCount == 0, "\(mismatchCount) of \(entries.count) \(title) differ from keepalived 2.2.7")
    }

    private func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func debianSamplesAgree() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let samples = OracleCorpus.samples()
        if KeepalivedOracle.isInstalled { #expect(samples.count >= 20, "Debian's keepalived ships 25 samples") }
        try compare("Debian samples", samples, scratch: scratch)
    }

    @Test func repositoryConfigsAgree() throws {
        let configs = OracleCorpus.repositoryConfigs()
        guard !configs.isEmpty else {
            print("ConfigOracleTests: no keepalived configurations under conf/ yet")
            return
        }
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try compare("conf/", configs, scratch: scratch)
    }

    @Test func mutatedSamplesAgree() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let mutants = try OracleCorpus.mutants(of: OracleCorpus.samples(), in: scratch)
        if KeepalivedOracle.isInstalled { #expect(mutants.count >= 250) }
        try compare("mutated samples", mutants, scratch: scratch)
    }

    /// Configurations whose every problem is at the lexical level (braces, quotes, unknown top-level
    /// words, conditionals, definitions, sequences): the harness's own check that agreement is
    /// detected, independent of the keyword handlers.
    static let lexicalConfigs: [(name: String, text: String)] = [
        ("empty", "! nothing but a comment\n"),
        ("braces", "bogus_kw 1\n}\n\n{\n@lab1 other\n@lab2 third\n"),
        ("sequence-and-quote", "~SEQ(i, 3) kw$i\n$X=1\n\"unterminated\n"),
        ("definitions", "$A=alpha\n$B=${A}_beta\n$B\n@^lab1 ignored\n@lab1 $A gamma\n"),
        ("lists", "~LST(v, one, two) word_$v\n~SEQx(h, 9, 11) hex_$h\n"),
    ]

    @Test func lexicalConfigsAgree() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var entries: [OracleCorpus.Entry] = []
        for config in Self.lexicalConfigs {
            let url = scratch.appendingPathComponent("\(config.name).conf")
            try config.text.write(to: url, atomically: false, encoding: .utf8)
            entries.append(.init(name: config.name, path: url.path))
        }
        try compare("lexical configs", entries, scratch: scratch)
    }

    @Test func keepalivedLineReferencesAreRead() {
        let output = """
            (/etc/keepalived/keepalived.conf: Line 12) Unknown keyword 'x'
            (Line 3) Unexpected '{' - ignoring
            (VI_1) Entering BACKUP STATE
            Non-existent interface specified in configuration
            """
        let references = KeepalivedOracle.lineReferences(in: output)
        #expect(references == [.init(file: "/etc/keepalived/keepalived.conf", line: 12), .init(file: nil, line: 3)])
        let ours = [Diagnostic(.error, "x", at: SourceLocation(file: "/etc/keepalived/keepalived.conf", line: 12))]
        #expect(OracleComparison.missing(references, in: ours) == [.init(file: nil, line: 3)])
        #expect(OracleComparison.missing([.init(file: "/etc/keepalived/other.conf", line: 12)], in: ours).count == 1)
        #expect(OracleComparison.sameFile("/etc/keepalived/a.conf", "a.conf"))
        #expect(!OracleComparison.sameFile("/etc/keepalived/a.conf", "b.conf"))
    }
}
