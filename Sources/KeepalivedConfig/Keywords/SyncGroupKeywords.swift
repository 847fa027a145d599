/// vrrp_sync_group: keepalived's vrrp_sync_group_handler and the keywords of the block.
enum SyncGroupKeywords {
    static let rootEntries: [KeywordTable.Entry] = [
        .block("vrrp_sync_group", open: open, table),
    ]

    static let table = KeywordTable([
        .keyword("group") { parser, line in
            guard let group = parser.config.syncGroups.last else { return }
            if group.hasGroupList {
                parser.error("Group list already specified for sync group \(group.name)", line,
                             hint: "give one 'group' list per sync group")
                parser.skipBlock(needBlockStart: true)
                return
            }
            let members = parser.readValueList(line)
            parser.config.withLast(\.syncGroups) { $0.members = members; $0.hasGroupList = !members.isEmpty }
            if members.isEmpty {
                parser.error("Warning - sync group \(group.name) has empty group block", line,
                             hint: "list the vrrp_instances of the group")
            }
        },
        trackList("track_interface", .interface, \.trackInterfaces),
        trackList("track_script", .script, \.trackScripts),
        trackList("track_file", .file, \.trackFiles),
        trackList("track_process", .process, \.trackProcesses),
        trackList("track_bfd", .bfd, \.trackBFDs),
        notify("notify_backup", \.notifyBackup),
        notify("notify_master", \.notifyMaster),
        notify("notify_fault", \.notifyFault),
        notify("notify_stop", \.notifyStop),
        notify("notify", \.notify),
        .keyword("smtp_alert") { parser, line in
            var value = true
            if let word = line[1] {
                guard let parsed = ConfigParser.bool(word) else {
                    parser.error("Invalid vrrp_group smtp_alert parameter \(word)", line, word: 1, hint: "use on/off, true/false or yes/no")
                    return
                }
                value = parsed
            }
            parser.config.withLast(\.syncGroups) { $0.smtpAlert = value }
        },
        .keyword("global_tracking") { parser, line in
            let name = parser.config.syncGroups.last?.name ?? ""
            parser.error("(\(name)) global_tracking is deprecated. Use track_interface/script/file on the sync group", line,
                         hint: "replace it with sync_group_tracking_weight")
            parser.config.withLast(\.syncGroups) { $0.trackingWeight = true }
        },
        .keyword("sync_group_tracking_weight") { parser, _ in parser.config.withLast(\.syncGroups) { $0.trackingWeight = true } },
        .keyword("notify_priority_changes") { parser, line in
            var value = true
            if let word = line[1] {
                guard let parsed = ConfigParser.bool(word) else {
                    let name = parser.config.syncGroups.last?.name ?? ""
                    parser.error("(\(name)) Invalid value '\(word)' for sync group notify_priority_changes specified", line, word: 1,
                                 hint: "use on/off, true/false or yes/no")
                    return
                }
                value = parsed
            }
            parser.config.withLast(\.syncGroups) { $0.notifyPriorityChanges = value }
        },
    ])

    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard line.count == 2 else {
            parser.error("vrrp_sync_group must have a name - skipping", line, hint: "write 'vrrp_sync_group NAME {'")
            parser.skipBlock(needBlockStart: true)
            return
        }
        let name = line[1]!
        if parser.config.syncGroups.contains(where: { $0.name == name }) {
            parser.error("vrrp sync group \(name) already defined", line, word: 1, hint: "give each sync group its own name")
            parser.skipBlock(needBlockStart: true)
            return
        }
        parser.config.syncGroups.append(VRRPSyncGroup(name: name, location: line.location))
    }

    private static func trackList(
        _ keyword: String, _ kind: TrackListKeywords.Kind, _ list: WritableKeyPath<VRRPSyncGroup, [TrackedObject]>
    ) -> KeywordTable.Entry {
        // Key paths to stored properties are immutable values; Swift 6 just cannot see it.
        nonisolated(unsafe) let list = list
        return .keyword(keyword) { parser, line in
            parser.readValueBlock(line) { item in
                guard let group = parser.config.syncGroups.last,
                      let tracked = TrackListKeywords.parseItem(parser, item, kind: kind, owner: group.name, existing: group[keyPath: list])
                else { return }
                parser.config.withLast(\.syncGroups) { $0[keyPath: list].append(tracked) }
            }
        }
    }

    private static func notify(_ keyword: String, _ field: WritableKeyPath<VRRPSyncGroup, NotifyScript?>) -> KeywordTable.Entry {
        nonisolated(unsafe) let field = field
        return .keyword(keyword) { parser, line in
            guard let group = parser.config.syncGroups.last else { return }
            if group[keyPath: field] != nil {
                parser.error("vrrp group \(group.name): \(keyword) script already specified - ignoring \(line[1] ?? "")", line, word: 1,
                             hint: "give one \(keyword) per sync group")
                return
            }
            guard let script = parser.readScript(line, kind: "notify") else { return }
            parser.config.withLast(\.syncGroups) { $0[keyPath: field] = script }
        }
    }
}
