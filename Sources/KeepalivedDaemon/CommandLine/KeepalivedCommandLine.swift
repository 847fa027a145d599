/// keepalived 2.2.7's parse_cmdline: the argument vector → CommandLineOptions, or a request to do
/// something else and exit (-v, -h, --signum, -T). Pure: the caller prints and exits.

public struct KeepalivedCommandLine: Sendable, Hashable {
    /// An option that makes keepalived do one thing and exit, at once, ignoring later options.
    public enum Request: Sendable, Hashable {
        /// `-h/--help`: usage on stderr, exit 0.
        case help
        /// `-v/--version`: version on stderr, exit 0.
        case version
        /// `--signum=SIGFUNC`: the number on stdout and exit 0, or "Unknown sigfunc" and exit 1.
        case signum(String)
        /// `-T/--genhash`: genhash mode with the other arguments; `warning` when -T was not first.
        case genhash(arguments: [String], warning: String?)
    }

    /// argv[0]: `--help` shows it as keepalived does.
    public var programName = "keepalived"
    public var options = CommandLineOptions()
    /// Set when an option asked to do something else than run or test the configuration.
    public var request: Request?
    /// What keepalived would print on stderr while parsing, in order ("Unknown option -Z", ...).
    public var messages: [String] = []
    /// keepalived exits with status 1 after parsing (unless a request came first).
    public var hasBadOption = false

    public init() {}

    /// The line keepalived prints on stdout when words that are not options remain, or nil.
    /// (keepalived leaves a space after every word.)
    public var unexpectedArgumentsLine: String? {
        guard request == nil, !options.unexpectedArguments.isEmpty else { return nil }
        return "Unexpected argument(s): " + options.unexpectedArguments.map { "\($0) " }.joined()
    }

    /// Parses a whole argument vector, argv[0] included. keepalived runs as genhash when called by that
    /// name; `permute` is false when POSIXLY_CORRECT is set (glibc then stops at the first operand).
    public static func parse(argv: [String], permute: Bool = true) -> KeepalivedCommandLine {
        let programName = argv.first ?? "keepalived"
        let arguments = Array(argv.dropFirst())
        var result: KeepalivedCommandLine
        if programName.split(separator: "/").last == "genhash" {
            result = KeepalivedCommandLine()
            result.request = .genhash(arguments: arguments, warning: nil)
        } else {
            result = parse(arguments, permute: permute)
        }
        result.programName = programName
        return result
    }

    /// Parses `arguments` (argv without argv[0]). `permute` is false when POSIXLY_CORRECT is set.
    public static func parse(_ arguments: [String], permute: Bool = true) -> KeepalivedCommandLine {
        var result = KeepalivedCommandLine()
        var getopt = Getopt(options: KeepalivedOption.getoptTable, arguments: arguments, permute: permute)
        var firstOption = true
        while let event = getopt.next() {
            defer { firstOption = false }
            switch event {
            // keepalived prints argv[curind], which after glibc's permutation can be another word;
            // we always name the option that was wrong.
            case .unknown(let spelling):
                result.messages.append("Unknown option \(spelling)")
                result.hasBadOption = true
            // keepalived 2.2.7 prints "--X" (reading before its option table) for a long option whose
            // argument is absent rather than empty; we print the option's name.
            case .missingArgument(let name):
                result.messages.append("Missing parameter for option \(name)")
                result.hasBadOption = true
            case .option(.genhash, _, let spelling):
                // keepalived hands the words after -T to genhash's own getopt.
                result.request = .genhash(
                    arguments: Array(arguments[getopt.position...]),
                    warning: firstOption ? nil : "Warning -- `\(spelling)` not used as first option, previous options ignored")
                return result
            case .option(let option, let argument, _):
                result.apply(option, argument)
                if result.request != nil { return result }
            }
        }
        result.options.unexpectedArguments = getopt.operands
        return result
    }

    /// One option's effect, as keepalived's parse_cmdline switch.
    private mutating func apply(_ option: KeepalivedOption, _ argument: String?) {
        let value = argument ?? ""
        switch option {
        case .version: request = .version
        case .help: request = .help
        case .signum: request = .signum(value)
        case .genhash: break // handled by parse: it ends option processing
        case .logConsole: options.logToConsole = true
        case .dontFork: options.dontFork = true
        case .dumpConf: options.dumpConfiguration = true
        case .dontReleaseVRRP: options.dontReleaseVRRP = true
        case .dontReleaseIPVS: options.dontReleaseIPVS = true
        case .logDetail: options.logDetail = options.logDetail == .normal ? .detailed : .extraDetailed
        case .dontRespawn: options.dontRespawn = true
        case .releaseVIPs: options.releaseVIPsOnSignal = true
        case .logFacility:
            if let facility = CommandLineOptions.SyslogFacility(value) {
                options.logFacility = facility
            } else {
                messages.append("Invalid log facility '\(value)'")
            }
        case .logFile:
            // Debian builds keepalived without --enable-log-file, so -g is refused; so is it here.
            messages.append("-g requires configure option --enable-log-file")
            hasBadOption = true
        case .noSyslog: options.noSyslog = true
        case .umask:
            if let mask = Self.umask(value) {
                options.umask = mask
            } else {
                // keepalived leaves this line without its newline; ours ends like the others.
                messages.append("Invalid --umask option \(value)")
                // keepalived: an invalid mask after a valid one resets the mask to 0.
                if options.umask != nil { options.umask = 0 }
            }
        case .configTest:
            options.configTest = value.isEmpty ? .standardError : .file(value)
            options.dontRespawn = true
            options.dontFork = true
            options.noSyslog = true
        case .useFile: options.configFile = value
        case .vrrpOnly: options.subsystems.remove(.checkers)
        case .checkOnly: options.subsystems.remove(.vrrp)
        case .noBFD: options.subsystems.remove(.bfd)
        case .pid: options.pidFile = value
        case .checkersPid: options.checkersPidFile = value
        case .addressMonitoring: options.addressMonitoring = true
        case .vrrpPid: options.vrrpPidFile = value
        case .bfdPid: options.bfdPidFile = value
        case .snmp: options.snmp = true
        case .snmpAgentSocket: options.snmpAgentSocket = value
        case .coreDumpPattern:
            options.coreDumpPattern = value
            options.coreDump = true
        case .coreDump: options.coreDump = true
        case .namespace: options.namespace = value
        case .allConfig: options.allConfig = true
        case .configID: options.configID = value
        case .all:
            options.runAllSubsystems = true
            options.subsystems = .all
        // keepalived: atoi(optarg).
        case .configFD: options.configFD = Int32(Self.cInteger(value) ?? 0)
        }
    }

    /// keepalived's set_umask: strtoll base 0 over the whole text, within 0777.
    static func umask(_ text: String) -> UInt32? {
        guard let value = cInteger(text, whole: true), value >= 0, value & ~0o777 == 0 else { return nil }
        return UInt32(value)
    }

    /// strtoll(text, &end, 0): optional blanks and sign, then 0x.. hex, 0.. octal or decimal.
    /// With `whole`, nil unless the number runs to the end of the text (an empty text is 0, as in C).
    static func cInteger(_ text: String, whole: Bool = false) -> Int64? {
        var rest = Substring(text).drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var radix = 10
        if rest.hasPrefix("0x") || rest.hasPrefix("0X"), rest.dropFirst(2).first?.isHexDigit == true {
            radix = 16
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("0") {
            radix = 8
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true })
        if whole && digits.count != rest.count && !(text.isEmpty) { return nil }
        guard !digits.isEmpty else { return whole ? (text.isEmpty ? 0 : nil) : 0 }
        guard let magnitude = Int64(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
