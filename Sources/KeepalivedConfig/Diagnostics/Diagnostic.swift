/// One problem found in a configuration: what, where, and what to do about it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where it was found; nil for problems of the whole file set (for example, no file at all).
    public var location: SourceLocation?
    /// The keyword the problem belongs to, when there is one.
    public var keyword: String?
    public var message: String
    /// What the operator can do about it.
    public var hint: String?
    /// The class keepalived 2.2.7 reports for the same problem; nil for problems keepalived only logs
    /// (or does not notice), which never change the `-t` exit code.
    public var keepalivedClass: ConfigErrorClass?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation?, keyword: String? = nil,
        hint: String? = nil, class keepalivedClass: ConfigErrorClass? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.keyword = keyword
        self.hint = hint
        self.keepalivedClass = keepalivedClass
    }

    /// `file:line:column: severity: message [keyword] (hint)`, the form compilers use.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let keyword { text += " [\(keyword)]" }
        if let hint { text += "; \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// The worst keepalived class among these diagnostics (keepalived keeps the largest value).
    public var keepalivedClass: ConfigErrorClass {
        reduce(ConfigErrorClass.ok) { worst, diagnostic in
            guard let cls = diagnostic.keepalivedClass, cls != .ok else { return worst }
            return Swift.max(worst, cls)
        }
    }
}
