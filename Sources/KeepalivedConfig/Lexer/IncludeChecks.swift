/// Which include problems are errors (`include_check`, `-e`, and the `includer`/`includem`/... forms).
public struct IncludeChecks: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A matched path that is a directory, unreadable, or not a regular non-executable file.
    public static let readable = IncludeChecks(rawValue: 0x01)
    /// No file matched a pattern without wildcards.
    public static let match = IncludeChecks(rawValue: 0x02)
    /// No file matched even though the pattern had wildcards.
    public static let wildcardMatch = IncludeChecks(rawValue: 0x04)
    /// Every alternative of a `{a,b}` pattern must match.
    public static let braceMatch = IncludeChecks(rawValue: 0x08)

    public static let all: IncludeChecks = [.readable, .match, .wildcardMatch, .braceMatch]
}
