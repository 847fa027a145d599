/// A level of keepalived.conf keywords: what each keyword does and which open a nested level.
final class KeywordTable: Sendable {
    typealias Handler = @Sendable (ConfigParser, KeywordLine) -> Void
    typealias CloseHandler = @Sendable (ConfigParser) -> Void

    struct Entry: Sendable {
        var name: String
        /// Runs when the keyword is read (with the keyword line).
        var handler: Handler?
        /// The nested level a `{ ... }` after the keyword is read with.
        var sublevel: KeywordTable?
        /// Runs after the nested level's closing brace.
        var close: CloseHandler?
        /// Inactive keywords belong to another keepalived process: their blocks are skipped.
        var active: Bool = true
    }

    private let entries: [String: Entry]
    let names: [String]

    init(_ entries: [Entry]) {
        var table: [String: Entry] = [:]
        var names: [String] = []
        for entry in entries where table[entry.name] == nil {
            table[entry.name] = entry
            names.append(entry.name)
        }
        self.entries = table
        self.names = names
    }

    subscript(_ name: String) -> Entry? { entries[name] }

    /// A copy with every keyword of this level marked inactive (keepalived's other processes).
    func deactivated() -> KeywordTable {
        KeywordTable(names.compactMap { entries[$0] }.map { var e = $0; e.active = false; return e })
    }
}

extension KeywordTable.Entry {
    /// A keyword whose handler reads its arguments (and possibly a `{ value list }` of its own).
    static func keyword(_ name: String, _ handler: @escaping KeywordTable.Handler) -> Self {
        Self(name: name, handler: handler)
    }

    /// A keyword that opens a nested level of keywords.
    static func block(
        _ name: String, open: KeywordTable.Handler? = nil, close: KeywordTable.CloseHandler? = nil,
        _ sublevel: KeywordTable
    ) -> Self {
        Self(name: name, handler: open, sublevel: sublevel, close: close)
    }
}
