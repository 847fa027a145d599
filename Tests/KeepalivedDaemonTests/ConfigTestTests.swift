/// `-t` and `-d`: loading through the command-line options, reporting, dumping.
import KeepalivedConfig
import KeepalivedTestSupport
import Testing
@testable import KeepalivedDaemon

@Suite struct ConfigTestTests {
    static let conf = "/etc/keepalived/keepalived.conf"

    @Test func configIDDefaultsToTheNodeNameBeforeTheFirstDot() {
        let host = InMemoryHost(files: [Self.conf: "@lab1 not_a_keyword_a\n@lab2 not_a_keyword_b\n"], nodeName: "lab1.example.net")
        let report = ConfigTest.report(CommandLineOptions(), host: host)
        #expect(report.diagnosticLines.count == 1)
        #expect(report.diagnosticLines.first?.hasPrefix("\(Self.conf):1:") == true)
        #expect(report.diagnosticLines.first?.contains("not_a_keyword_a") == true)
        #expect(report.exitCode != 0)
    }

    @Test func configIDOptionWins() {
        let host = InMemoryHost(files: [Self.conf: "@lab1 not_a_keyword_a\n@lab2 not_a_keyword_b\n"])
        let options = KeepalivedCommandLine.parse(["-t", "-i", "lab2"]).options
        let report = ConfigTest.report(options, host: host)
        #expect(report.diagnosticLines.count == 1)
        #expect(report.diagnosticLines.first?.hasPrefix("\(Self.conf):2:") == true)
    }

    @Test func useFileNamesTheConfiguration() {
        let host = InMemoryHost(files: ["/tmp/k.conf": ""])
        let options = KeepalivedCommandLine.parse(["-t", "-f/tmp/k.conf"]).options
        let report = ConfigTest.report(options, host: host)
        #expect(report.diagnosticLines == [])
        #expect(report.exitCode == 0)
        #expect(report.dumpLines == [])
    }

    @Test func missingConfigurationIsReported() {
        let report = ConfigTest.report(CommandLineOptions(), host: InMemoryHost())
        #expect(report.loaded.fileMissing)
        #expect(report.diagnosticLines.contains { $0.contains(Self.conf) })
        #expect(report.exitCode == report.loaded.configTestExitCode)
    }

    @Test func allConfigMakesMissingIncludesFatal() {
        let files = [Self.conf: "include /etc/keepalived/missing.conf\n"]
        let relaxed = ConfigTest.report(KeepalivedCommandLine.parse(["-t"]).options, host: InMemoryHost(files: files))
        let strict = ConfigTest.report(KeepalivedCommandLine.parse(["-t", "-e"]).options, host: InMemoryHost(files: files))
        #expect(relaxed.exitCode == 0)
        #expect(strict.exitCode != 0)
    }

    @Test func dumpIsProducedOnlyWhenAsked() {
        let host = InMemoryHost(files: [Self.conf: ""])
        let plain = ConfigTest.report(KeepalivedCommandLine.parse(["-t"]).options, host: host)
        let dumped = ConfigTest.report(KeepalivedCommandLine.parse(["-t", "-d"]).options, host: host)
        #expect(plain.dumpLines.isEmpty)
        #expect(dumped.dumpLines.contains("global:"))
    }
}
