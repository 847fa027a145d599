/// garp_group: keepalived's garp_group_* parsers.
enum GARPGroupKeywords {
    static let table = KeywordTable([
        .keyword("garp_interval") { parser, line in interval(parser, line, what: "garp_interval") { $0.garpInterval = $1 } },
        .keyword("gna_interval") { parser, line in interval(parser, line, what: "gna_interval") { $0.gnaInterval = $1 } },
        .keyword("interface") { parser, line in
            guard let name = parser.argument(line, 1) else { return }
            add(parser, line, name, word: 1)
        },
        .keyword("interfaces") { parser, line in
            // keepalived reads the whole list first (read_value_block), then looks each name up.
            var items: [(KeywordLine, Int)] = []
            parser.readValueBlock(line) { item in items += item.tokens.indices.map { (item, $0) } }
            if items.isEmpty {
                parser.error("Warning - empty garp_group interfaces block", line, hint: "list the interfaces, or remove the block")
                return
            }
            let groups = parser.config.garpGroups.dropLast().filter { $0.aggregationGroup != 0 }.count
            parser.config.withLast(\.garpGroups) { $0.aggregationGroup = groups + 1 }
            for (item, index) in items { add(parser, item, item.tokens[index].text, word: index) }
        },
    ])

    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        parser.config.garpGroups.append(GARPGroup(location: line.location))
    }

    /// keepalived's garp_group_end_handler: a group without an interval is removed.
    static func close(_ parser: ConfigParser) {
        guard let group = parser.config.garpGroups.last, group.garpInterval == nil, group.gnaInterval == nil else { return }
        parser.errorHere("garp group \(group.aggregationGroup) does not have any delay set - removing", class: .generalError,
                         hint: "add garp_interval or gna_interval")
        parser.config.garpGroups.removeLast()
    }

    private static func add(_ parser: ConfigParser, _ line: KeywordLine, _ name: String, word: Int) {
        guard parser.lookupInterface(name) != nil else {
            parser.error("WARNING - interface \(name) specified for garp_group doesn't exist", line, word: word,
                         hint: "name an existing interface")
            TrackListKeywords.nonExistentInterface(parser)
            return
        }
        if parser.config.garpGroups.contains(where: { $0.interfaces.contains(name) }) {
            parser.error("garp_group already specified for \(name) - ignoring", line, word: word,
                         hint: "an interface belongs to one garp_group")
            return
        }
        parser.config.withLast(\.garpGroups) { $0.interfaces.append(name) }
    }

    private static func interval(_ parser: ConfigParser, _ line: KeywordLine, what: String, set: (inout GARPGroup, UInt64) -> Void) {
        guard let text = parser.argument(line, 1) else { return }
        guard let value = parser.readDecimal(text, shift: 6, 0...UInt64(Int32.max), line, word: 1) else {
            parser.error("garp_group \(what) '\(text)' invalid", line, word: 1, hint: "give seconds, e.g. 0.001")
            return
        }
        if value >= 1_000_000 {
            parser.note("The \(what) is very large - \(text) seconds", line, word: 1)
        }
        parser.config.withLast(\.garpGroups) { set(&$0, value) }
    }
}
