/// track_group: keepalived's static_track_group_* parsers.
enum TrackGroupKeywords {
    static let table = KeywordTable([
        .keyword("group") { parser, line in
            guard let group = parser.config.trackGroups.last else { return }
            if group.members != nil {
                parser.error("Group list already specified for sync group \(group.name)", line,
                             hint: "give one 'group' list per track_group")
                parser.skipBlock(needBlockStart: true)
                return
            }
            let members = parser.readValueList(line)
            parser.config.withLast(\.trackGroups) { $0.members = members.isEmpty ? nil : members }
            if members.isEmpty {
                parser.error("Warning - track group \(group.name) has empty group block", line,
                             hint: "list the vrrp_instances the group follows")
            }
        },
    ])

    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard line.count == 2 else {
            parser.error("track_group must have a name - skipping", line, hint: "write 'track_group NAME {'")
            parser.skipBlock(needBlockStart: true)
            return
        }
        let name = line[1]!
        if parser.config.trackGroups.contains(where: { $0.name == name }) {
            parser.error("track_group \(name) already defined", line, word: 1, hint: "give each track_group its own name")
            parser.skipBlock(needBlockStart: true)
            return
        }
        parser.config.trackGroups.append(TrackGroup(name: name, location: line.location))
    }
}
