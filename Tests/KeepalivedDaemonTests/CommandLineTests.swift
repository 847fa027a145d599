/// The keepalived command line: getopt_long behaviour, keepalived 2.2.7's options and their effects.
import Testing
@testable import KeepalivedDaemon

/// An argument vector and the options it should produce.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let expected: CommandLineOptions
    var testDescription: String { arguments.isEmpty ? "(none)" : arguments.joined(separator: " ") }

    init(_ arguments: [String], _ edit: (inout CommandLineOptions) -> Void = { _ in }) {
        self.arguments = arguments
        var options = CommandLineOptions()
        edit(&options)
        expected = options
    }
}

/// An argument vector keepalived refuses, and what it prints.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let messages: [String]
    var testDescription: String { arguments.joined(separator: " ") }
    init(_ arguments: [String], _ messages: [String]) {
        self.arguments = arguments
        self.messages = messages
    }
}

@Suite struct CommandLineTests {
    static let accepted: [ParseCase] = [
        ParseCase([]),
        ParseCase(["-nlD"]) { $0.dontFork = true; $0.logToConsole = true; $0.logDetail = .detailed },
        ParseCase(["-D", "-D"]) { $0.logDetail = .extraDetailed },
        ParseCase(["-DDD"]) { $0.logDetail = .extraDetailed },
        ParseCase(["-f/etc/k.conf"]) { $0.configFile = "/etc/k.conf" },
        ParseCase(["-f", "/etc/k.conf"]) { $0.configFile = "/etc/k.conf" },
        ParseCase(["-nf", "/etc/k.conf"]) { $0.dontFork = true; $0.configFile = "/etc/k.conf" },
        ParseCase(["-nf/etc/k.conf"]) { $0.dontFork = true; $0.configFile = "/etc/k.conf" },
        ParseCase(["--use-file=/etc/k.conf"]) { $0.configFile = "/etc/k.conf" },
        ParseCase(["--use-file", "/etc/k.conf"]) { $0.configFile = "/etc/k.conf" },
        // A required argument is taken even when it looks like an option.
        ParseCase(["-f", "-n"]) { $0.configFile = "-n" },
        ParseCase(["--use-file", "--dont-fork"]) { $0.configFile = "--dont-fork" },
        // Unique prefixes; an exact name wins over longer names it prefixes.
        ParseCase(["--use=/k"]) { $0.configFile = "/k" },
        ParseCase(["--dump"]) { $0.dumpConfiguration = true },
        ParseCase(["--dont-f"]) { $0.dontFork = true },
        ParseCase(["--vrrp"]) { $0.subsystems = [.vrrp, .bfd] },
        ParseCase(["--vrrp_", "/run/v.pid"]) { $0.vrrpPidFile = "/run/v.pid" },
        ParseCase(["--check"]) { $0.subsystems = [.checkers, .bfd] },
        ParseCase(["--all"]) { $0.runAllSubsystems = true },
        ParseCase(["--all-"]) { $0.allConfig = true },
        ParseCase(["--pid=/p"]) { $0.pidFile = "/p" },
        ParseCase(["-PB"]) { $0.subsystems = [.vrrp] },
        ParseCase(["-C", "--all"]) { $0.runAllSubsystems = true },
        // Optional arguments are only ever attached.
        ParseCase(["-t"]) { $0.setConfigTest(nil) },
        ParseCase(["-t/tmp/log"]) { $0.setConfigTest("/tmp/log") },
        ParseCase(["-td"]) { $0.setConfigTest("d") },
        ParseCase(["-dt"]) { $0.setConfigTest(nil); $0.dumpConfiguration = true },
        ParseCase(["-t", "/tmp/log"]) { $0.setConfigTest(nil); $0.unexpectedArguments = ["/tmp/log"] },
        ParseCase(["--config-test=/tmp/log"]) { $0.setConfigTest("/tmp/log") },
        ParseCase(["--config-t"]) { $0.setConfigTest(nil) },
        ParseCase(["--config-test="]) { $0.setConfigTest(nil) },
        ParseCase(["-M"]) { $0.coreDump = true; $0.coreDumpPattern = "" },
        ParseCase(["-Mcore.%p"]) { $0.coreDump = true; $0.coreDumpPattern = "core.%p" },
        ParseCase(["--core-dump-pattern=x"]) { $0.coreDump = true; $0.coreDumpPattern = "x" },
        ParseCase(["-m"]) { $0.coreDump = true },
        // Operands are moved after the options; `--` ends the options; `-` is an operand.
        ParseCase(["foo", "-n", "bar"]) { $0.dontFork = true; $0.unexpectedArguments = ["foo", "bar"] },
        ParseCase(["-n", "--", "-l", "x"]) { $0.dontFork = true; $0.unexpectedArguments = ["-l", "x"] },
        ParseCase(["-"]) { $0.unexpectedArguments = ["-"] },
        ParseCase(["-S", "local3"]) { $0.logFacility = .local(3) },
        ParseCase(["-S5"]) { $0.logFacility = .local(5) },
        ParseCase(["--log-facility=user"]) { $0.logFacility = .user },
        ParseCase(["-u", "027"]) { $0.umask = 0o27 },
        ParseCase(["-u0x12"]) { $0.umask = 0x12 },
        ParseCase(["--umask=18"]) { $0.umask = 18 },
        ParseCase(["-e", "-i", "lab1"]) { $0.allConfig = true; $0.configID = "lab1" },
        ParseCase(["--config-id", "lab2"]) { $0.configID = "lab2" },
        ParseCase(["-s", "ns1", "-x", "-A", "tcp:localhost:705"]) {
            $0.namespace = "ns1"; $0.snmp = true; $0.snmpAgentSocket = "tcp:localhost:705"
        },
        ParseCase(["-p/a", "-r/b", "-c/c", "-b/d"]) {
            $0.pidFile = "/a"; $0.vrrpPidFile = "/b"; $0.checkersPidFile = "/c"; $0.bfdPidFile = "/d"
        },
        ParseCase(["-XVIRGad"]) {
            $0.releaseVIPsOnSignal = true; $0.dontReleaseVRRP = true; $0.dontReleaseIPVS = true
            $0.dontRespawn = true; $0.noSyslog = true; $0.addressMonitoring = true; $0.dumpConfiguration = true
        },
        ParseCase(["--config-fd=7"]) { $0.configFD = 7 },
        // A short option's empty argument is kept (only long options check for emptiness).
        ParseCase(["-f", ""]) { $0.configFile = "" },
    ]

    @Test(arguments: accepted)
    func parses(_ testCase: ParseCase) {
        let result = KeepalivedCommandLine.parse(testCase.arguments)
        #expect(result.messages == [])
        #expect(!result.hasBadOption)
        #expect(result.request == nil)
        #expect(result.options == testCase.expected)
    }

    static let refused: [ErrorCase] = [
        ErrorCase(["-Z"], ["Unknown option -Z"]),
        ErrorCase(["-nZl"], ["Unknown option -Z"]),
        ErrorCase(["--bogus"], ["Unknown option --bogus"]),
        ErrorCase(["--bogus=1", "-Y"], ["Unknown option --bogus=1", "Unknown option -Y"]),
        ErrorCase(["--dont"], ["Unknown option --dont"]),
        ErrorCase(["--no"], ["Unknown option --no"]),
        ErrorCase(["--log"], ["Unknown option --log"]),
        ErrorCase(["--help=x"], ["Unknown option --help=x"]),
        ErrorCase(["-fnord", "--dont-fork=yes"], ["Unknown option --dont-fork=yes"]),
        ErrorCase(["-f"], ["Missing parameter for option -f"]),
        ErrorCase(["-nf"], ["Missing parameter for option -f"]),
        ErrorCase(["--use-file"], ["Missing parameter for option --use-file"]),
        ErrorCase(["--use-file="], ["Missing parameter for option --use-file"]),
        ErrorCase(["--use-file", ""], ["Missing parameter for option --use-file"]),
        ErrorCase(["--use"], ["Missing parameter for option --use-file"]),
        ErrorCase(["--signum"], ["Missing parameter for option --signum"]),
        // keepalived 2.2.7 as Debian builds it has none of these.
        ErrorCase(["--flush-log-file"], ["Unknown option --flush-log-file"]),
        ErrorCase(["--debug"], ["Unknown option --debug"]),
        ErrorCase(["--perf"], ["Unknown option --perf"]),
        ErrorCase(["--no-mem-check"], ["Unknown option --no-mem-check"]),
        ErrorCase(["-L"], ["Unknown option -L"]),
        ErrorCase(["-g"], ["-g requires configure option --enable-log-file"]),
        ErrorCase(["--log-file=/tmp/x"], ["-g requires configure option --enable-log-file"]),
    ]

    @Test(arguments: refused)
    func refuses(_ testCase: ErrorCase) {
        let result = KeepalivedCommandLine.parse(testCase.arguments)
        #expect(result.messages == testCase.messages)
        #expect(result.hasBadOption)
        #expect(result.request == nil)
    }

    @Test func warningsDoNotFailTheCommandLine() {
        let facility = KeepalivedCommandLine.parse(["-S", "8"])
        #expect(facility.messages == ["Invalid log facility '8'"])
        #expect(!facility.hasBadOption)
        #expect(facility.options.logFacility == .daemon)

        let mask = KeepalivedCommandLine.parse(["-u", "999"])
        #expect(mask.messages == ["Invalid --umask option 999"])
        #expect(!mask.hasBadOption)
        #expect(mask.options.umask == nil)
    }

    @Test(arguments: [("022", UInt32?(0o22)), ("0x1ff", 0o777), ("511", 0o777), ("-0", 0), ("", 0),
                      ("08", nil), ("0x", nil), ("1000", nil), ("-1", nil), ("22k", nil), ("0o22", nil)])
    func umaskReadsLikeStrtoll(text: String, mask: UInt32?) {
        #expect(KeepalivedCommandLine.umask(text) == mask)
    }

    @Test func unexpectedArgumentsLineKeepsKeepalivedsTrailingSpace() {
        let result = KeepalivedCommandLine.parse(["a", "-n", "b"])
        #expect(result.unexpectedArgumentsLine == "Unexpected argument(s): a b ")
        #expect(KeepalivedCommandLine.parse(["-n"]).unexpectedArgumentsLine == nil)
    }

    @Test func posixlyCorrectStopsAtTheFirstOperand() {
        let result = KeepalivedCommandLine.parse(["-n", "foo", "-l"], permute: false)
        #expect(result.options.dontFork)
        #expect(!result.options.logToConsole)
        #expect(result.options.unexpectedArguments == ["foo", "-l"])
    }

    @Test func requestsStopParsingAtOnce() {
        #expect(KeepalivedCommandLine.parse(["-v", "--bogus"]).request == .version)
        #expect(KeepalivedCommandLine.parse(["-v", "--bogus"]).messages == [])
        #expect(KeepalivedCommandLine.parse(["-hv"]).request == .help)
        #expect(KeepalivedCommandLine.parse(["--vers"]).request == .version)
        let late = KeepalivedCommandLine.parse(["--bogus", "--help"])
        #expect(late.request == .help)
        #expect(late.messages == ["Unknown option --bogus"])
        #expect(KeepalivedCommandLine.parse(["--sig=STOP"]).request == .signum("STOP"))
        #expect(KeepalivedCommandLine.parse(["--signum", "JSON", "-Z"]).request == .signum("JSON"))
    }

    @Test func genhashTakesTheWordsAfterIt() {
        let first = KeepalivedCommandLine.parse(["-T", "-s", "10.0.0.1", "-p", "80"])
        #expect(first.request == .genhash(arguments: ["-s", "10.0.0.1", "-p", "80"], warning: nil))
        let late = KeepalivedCommandLine.parse(["-n", "--genhash", "-s", "h"])
        #expect(late.request == .genhash(
            arguments: ["-s", "h"], warning: "Warning -- `--genhash` not used as first option, previous options ignored"))
    }

    @Test func wholeArgvKeepsTheProgramNameAndRunsGenhashByName() {
        let normal = KeepalivedCommandLine.parse(argv: ["/usr/sbin/keepalived", "-n"])
        #expect(normal.programName == "/usr/sbin/keepalived")
        #expect(normal.options.dontFork)
        let genhash = KeepalivedCommandLine.parse(argv: ["/usr/bin/genhash", "-s", "h", "-p", "80"])
        #expect(genhash.request == .genhash(arguments: ["-s", "h", "-p", "80"], warning: nil))
    }

    @Test func configIDDefaultsToTheNodeNameUpToTheFirstDot() {
        var options = CommandLineOptions()
        #expect(options.effectiveConfigID(nodeName: "lb1.example.org") == "lb1")
        #expect(options.effectiveConfigID(nodeName: "lb2") == "lb2")
        options.configID = "other"
        #expect(options.effectiveConfigID(nodeName: "lb1.example.org") == "other")
        #expect(options.effectiveConfigFile == "/etc/keepalived/keepalived.conf")
        #expect(options.loaderOptions(nodeName: "x").includeCheck == [])
        options.allConfig = true
        #expect(options.loaderOptions(nodeName: "x").includeCheck == .all)
    }

    @Test(arguments: [
        ("STOP", Int32(15)), ("RELOAD", 1), ("DATA", 10), ("STATS", 12), ("STATS_CLEAR", 63), ("JSON", 36),
    ])
    func signalNumbers(name: String, number: Int32) throws {
        let function = try #require(SignalFunction(name: name))
        #expect(function.signalNumber == number)
        #expect(SignalFunction.answer(name).standardOutput == "\(number)")
        #expect(SignalFunction.answer(name).status == 0)
    }

    @Test(arguments: ["stop", "TDUMP", "", "SIGTERM"])
    func unknownSignalFunction(name: String) {
        let answer = SignalFunction.answer(name)
        #expect(answer.standardOutput == nil)
        #expect(answer.standardError == "Unknown sigfunc \(name)")
        #expect(answer.status == 1)
    }

    @Test func helpListsEveryVisibleOptionInKeepalivedsColumns() {
        let text = HelpText.usage(programName: "keepalived")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Usage: keepalived [OPTION...]")
        #expect(lines.contains { $0.hasPrefix("  -f, --use-file=FILE          ") })
        #expect(lines.contains { $0.hasPrefix("      --signum=SIGFUNC         ") })
        #expect(lines.contains { $0.hasPrefix("  -t, --config-test[=LOG_FILE] ") })
        #expect(!text.contains("--config-fd"))
        #expect(!text.contains("--log-file"))
    }

    @Test func versionStartsWithKeepalivedsVersionLine() {
        let text = HelpText.version(system: "Linux 6.1", distribution: "Debian GNU/Linux 12 (bookworm)")
        #expect(text.hasPrefix("Keepalived v2.2.7 (swift-keepalived)\n"))
        #expect(text.contains("Running on Linux 6.1\n"))
        #expect(text.contains("Distro: Debian GNU/Linux 12 (bookworm)\n"))
    }

    @Test func unsupportedOptionsAreNamed() {
        let result = KeepalivedCommandLine.parse(["-x", "-A", "unix:/s", "-n", "-d", "-f", "/k", "-P", "-s", "ns", "-a"])
        #expect(result.options.unsupportedOptionsInUse == [.addressMonitoring])
        #expect(KeepalivedOption.snmp.displayName == "-x/--snmp")
        #expect(KeepalivedOption.all.displayName == "--all")
        #expect(CommandLineOptions().unsupportedOptionsInUse == [])
    }
}

extension CommandLineOptions {
    /// What `-t` sets besides the report destination (keepalived also sets no-respawn, no-fork, no-syslog).
    mutating func setConfigTest(_ file: String?) {
        configTest = file.map { .file($0) } ?? .standardError
        dontRespawn = true
        dontFork = true
        noSyslog = true
    }

    @Test func logFacilityMapsToSyslogFacilities() {
        #expect(CommandLineOptions.SyslogFacility("local3")?.syslogValue == 19 << 3)
        #expect(CommandLineOptions.SyslogFacility("7")?.syslogValue == 23 << 3)
        #expect(CommandLineOptions.SyslogFacility("daemon")?.syslogValue == 3 << 3)
        #expect(KeepalivedCommandLine.parse(["-S", "2"]).options.unsupportedOptionsInUse.isEmpty)
    }
}
