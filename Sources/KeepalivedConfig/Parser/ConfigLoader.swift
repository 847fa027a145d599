/// Reads a keepalived.conf (and everything it includes) into a Configuration and its diagnostics.
public enum ConfigLoader {
    public struct Options: Sendable {
        /// `-f/--use-file`: the configuration file (a glob pattern, as in keepalived).
        public var configFile: String
        /// `-i/--config-id`: the id `@id` lines are compared with.
        public var configID: String
        /// `-e/--all-config` turns every include check on.
        public var includeCheck: IncludeChecks
        /// Whether to warn once per keyword the daemon does not act on yet.
        public var reportUnsupported: Bool

        public init(configFile: String, configID: String, includeCheck: IncludeChecks = [], reportUnsupported: Bool = true) {
            self.configFile = configFile
            self.configID = configID
            self.includeCheck = includeCheck
            self.reportUnsupported = reportUnsupported
        }
    }

    public static func load(_ options: Options, host realHost: any ConfigHost) -> LoadedConfiguration {
        let host = MemoizingHost(realHost)
        let parser = ConfigParser(host: host, configID: options.configID, includeCheck: options.includeCheck)
        parser.reportUnsupported = options.reportUnsupported
        var fileMissing = false
        if parser.reader.openMain(options.configFile) {
            parser.process(RootKeywords.table, needBlockStart: false)
            if parser.reader.blockDepth > 0 {
                parser.report(Diagnostic(
                    .error, "There are \(parser.reader.blockDepth) missing '}'s or extra '{'s", at: nil,
                    hint: "close every block", class: .missingBlockEnd))
            }
        } else {
            fileMissing = true
            parser.report(Diagnostic(
                .error, "Unable to find configuration file \(options.configFile)", at: nil,
                hint: "give an existing file with -f", class: .fileNotFound))
        }
        parser.reportUnsupportedKeywords()
        var config = parser.config
        var processDiagnostics: [Diagnostic] = []
        if !fileMissing && hasStructuralProblems(parser.collectDiagnostics()) {
            // keepalived reads the file once per process, each skipping the others' blocks by
            // counting braces; with broken structure the passes disagree, and keepalived reports
            // all of them. Their diagnostics replace the single pass's parse diagnostics.
            processDiagnostics = perProcessDiagnostics(options, host: host)
        }
        // keepalived exits at a missing parameter before any of its post-parse checks.
        if !fileMissing && !parser.abortedLikeKeepalived {
            ConfigValidation.run(&config, ValidationContext(host: host, report: { parser.report($0) }))
        }
        var diagnostics = parser.collectDiagnostics()
        if !processDiagnostics.isEmpty {
            var seen = Set(diagnostics.map(DiagnosticKey.init))
            for diagnostic in processDiagnostics where seen.insert(DiagnosticKey(diagnostic)).inserted {
                diagnostics.append(diagnostic)
            }
        }
        return LoadedConfiguration(
            configuration: config, diagnostics: diagnostics,
            abortedLikeKeepalived: parser.abortedLikeKeepalived, fileMissing: fileMissing,
            includeFileError: parser.reader.fileErrorOccurred)
    }
}

extension ConfigLoader {
    /// Problems after which keepalived's per-process reads can differ from one all-keyword read.
    static func hasStructuralProblems(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains {
            switch $0.keepalivedClass {
            case .unknownKeyword?, .unexpectedBlockStart?, .missingBlockStart?, .unexpectedBlockEnd?, .missingBlockEnd?,
                 .unmatchedQuote?:
                true
            default:
                false
            }
        }
    }

    /// The parse diagnostics of keepalived's parent, VRRP, checker and BFD reads of the file.
    static func perProcessDiagnostics(_ options: Options, host: any ConfigHost) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for process in RootKeywords.Process.allCases {
            let parser = ConfigParser(host: host, configID: options.configID, includeCheck: options.includeCheck)
            parser.reportUnsupported = false
            parser.suggestKeywords = false
            guard parser.reader.openMain(options.configFile), let table = RootKeywords.processTables[process] else { continue }
            parser.process(table, needBlockStart: false)
            all += parser.collectDiagnostics()
        }
        return all
    }

    /// Equal diagnostics from several passes are reported once.
    struct DiagnosticKey: Hashable {
        var file: String?
        var line: Int?
        var message: String
        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            message = diagnostic.message
        }
    }
}

/// A parsed configuration with everything said about it.
public struct LoadedConfiguration: Sendable {
    public var configuration: Configuration
    public var diagnostics: [Diagnostic]
    /// keepalived would have exited at once with status 2 (a keyword missing its parameter).
    public var abortedLikeKeepalived: Bool
    /// The main configuration file could not be found or read.
    public var fileMissing: Bool
    /// An include problem that the include checks make fatal.
    public var includeFileError: Bool

    /// The exit status keepalived 2.2.7's `--config-test` gives for the same configuration:
    /// 0 fine, 2 aborted, 4 cannot run, 5 errors but would run, 6 scripts without script security.
    public var configTestExitCode: Int32 {
        if abortedLikeKeepalived { return 2 }
        if includeFileError && !fileMissing { return 6 }
        switch diagnostics.keepalivedClass {
        case .ok: return 0
        case .fileNotFound, .badInterface, .fatal: return 4
        case .securityError: return 6
        default: return 5
        }
    }

    /// Whether the daemon can run this configuration.
    public var isRunnable: Bool {
        !abortedLikeKeepalived && !fileMissing && !diagnostics.keepalivedClass.preventsRunning
    }
}
