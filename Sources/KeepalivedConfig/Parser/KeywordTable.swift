/// A level of keepalived.conf keywords: what each keyword does and which open a nested level.
final class KeywordTable: Sendable {
    typealias Handler = @Sendable (ConfigParser, KeywordLine) -> Void
    typealias CloseHandler = @Sendable (ConfigParser) -> Void

    /// A reference type, so looking a keyword up on every line costs one reference count, not one
    /// per closure.
    final class Entry: Sendable {
        let name: String
        /// Runs when the keyword is read (with the keyword line).
        let handler: Handler?
        /// The nested level a `{ ... }` after the keyword is read with.
        let sublevel: KeywordTable?
        /// Runs after the nested level's closing brace.
        let close: CloseHandler?
        /// Inactive keywords belong to another keepalived process: their blocks are skipped.
        let active: Bool

        init(name: String, handler: Handler?, sublevel: KeywordTable? = nil, close: CloseHandler? = nil, active: Bool = true) {
            self.name = name
            self.handler = handler
            self.sublevel = sublevel
            self.close = close
            self.active = active
        }

        /// The same keyword as another keepalived process installs it: inactive keywords get no
        /// sub-keywords and no close handler (their blocks are skipped at their own level).
        func inProcess(active: Bool) -> Entry {
            active ? self : Entry(name: name, handler: handler, sublevel: nil, close: nil, active: false)
        }
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
        KeywordTable(names.compactMap { entries[$0] }.map { $0.inProcess(active: false) })
    }
}

extension KeywordTable.Entry {
    /// A keyword whose handler reads its arguments (and possibly a `{ value list }` of its own).
    static func keyword(_ name: String, _ handler: @escaping KeywordTable.Handler) -> KeywordTable.Entry {
        KeywordTable.Entry(name: name, handler: handler)
    }

    /// A keyword that opens a nested level of keywords.
    static func block(
        _ name: String, open: KeywordTable.Handler? = nil, close: KeywordTable.CloseHandler? = nil,
        _ sublevel: KeywordTable
    ) -> KeywordTable.Entry {
        KeywordTable.Entry(name: name, handler: open, sublevel: sublevel, close: close)
    }
}
