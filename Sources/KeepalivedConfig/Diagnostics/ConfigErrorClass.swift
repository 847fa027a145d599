/// keepalived's classes of configuration problem (its `config_err_t`), in keepalived's order.
///
/// keepalived remembers the numerically *largest* class reported during a parse and turns it into
/// the `--config-test` exit code; the ordering here must therefore stay exactly as keepalived's.
public enum ConfigErrorClass: Int, Comparable, Sendable, CaseIterable {
    case ok = 0
    // keepalived cannot run the configuration.
    case fileNotFound, badInterface, fatal
    // Configuration errors, but keepalived still runs.
    case multipleFiles, unknownKeyword, unexpectedBlockStart, missingBlockStart, unexpectedBlockEnd, missingBlockEnd
    case unmatchedQuote, missingParameter, invalidNumber, generalError, warning, deprecated
    // Scripts configured without script security.
    case securityError

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether keepalived refuses to run a configuration whose worst problem is of this class.
    public var preventsRunning: Bool {
        switch self {
        case .fileNotFound, .badInterface, .fatal: true
        default: false
        }
    }
}
