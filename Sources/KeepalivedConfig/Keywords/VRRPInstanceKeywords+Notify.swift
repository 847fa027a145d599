/// vrrp_instance keywords for gratuitous ARP/NA timing and for telling people about changes:
/// notify scripts, smtp_alert, notify_priority_changes.
extension VRRPInstanceKeywords {
    static let timerEntries: [KeywordTable.Entry] = [
        .keyword("garp_master_delay") { p, line in
            guard let seconds = seconds(p, line, 0...UInt64(UInt32.max / 1_000_000), "(\(name(p))): garp_master_delay '%' invalid - ignoring") else { return }
            edit(p) { $0.garpMasterDelay = seconds * 1_000_000 }
        },
        .keyword("garp_master_refresh") { p, line in
            // keepalived resets the refresh to 0 (off) on a bad value.
            let seconds = seconds(p, line, 0...UInt64(UInt32.max), "(\(name(p))): Invalid garp_master_refresh '%' - ignoring")
            if seconds != nil || line.count > 1 { edit(p) { $0.garpMasterRefresh = (seconds ?? 0) * 1_000_000 } }
        },
        .keyword("garp_master_repeat") { p, line in repeats(p, line, keyword: "garp_master_repeat", \.garpMasterRepeat) },
        .keyword("garp_master_refresh_repeat") { p, line in repeats(p, line, keyword: "garp_master_refresh_repeat", \.garpMasterRefreshRepeat) },
        .keyword("garp_lower_prio_delay") { p, line in
            guard let seconds = seconds(p, line, 0...UInt64(UInt32.max / 1_000_000), "(\(name(p))): garp_lower_prio_delay '%' invalid - ignoring") else { return }
            edit(p) { $0.garpLowerPriorityDelay = seconds * 1_000_000 }
        },
        .keyword("garp_lower_prio_repeat") { p, line in
            guard let count = seconds(p, line, 0...UInt64(Int32.max), "(\(name(p))): Invalid garp_lower_prio_repeat '%'") else { return }
            edit(p) { $0.garpLowerPriorityRepeat = UInt32(count) }
        },
        .keyword("down_timer_adverts") { p, line in
            guard let count = seconds(p, line, 1...100, "(\(name(p))): Invalid down_timer_adverts [1:100] '%'") else { return }
            edit(p) { $0.downTimerAdverts = Int(count) }
        },
        .keyword("garp_extra_if", garpExtraInterface),
        .keyword("vmac_garp_intvl") { p, line in
            p.warning("Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"", line, class: .deprecated,
                      hint: "rename it to garp_extra_if")
            garpExtraInterface(p, line)
        },
    ]

    static let notifyEntries: [KeywordTable.Entry] = [
        .keyword("notify_backup") { p, line in script(p, line, "notify_backup script", \.notifyBackup) },
        .keyword("notify_master") { p, line in script(p, line, "notify_master script", \.notifyMaster) },
        .keyword("notify_fault") { p, line in script(p, line, "notify_fault script", \.notifyFault) },
        .keyword("notify_stop") { p, line in script(p, line, "notify_stop script", \.notifyStop) },
        .keyword("notify") { p, line in script(p, line, "notify script", \.notify) },
        .keyword("notify_master_rx_lower_pri") { p, line in
            script(p, line, "notify_master_rx_lower_pri script", \.notifyMasterReceivedLowerPriority)
        },
        .keyword("notify_deleted") { p, line in
            if p.config.vrrpInstances.last?.notifyDeleted == true {
                p.error("(\(name(p))) notify_deleted already specified - ignoring \(line[1] ?? "")", line, hint: "give notify_deleted once")
                return
            }
            let script = line.count > 1 ? p.readScript(line, kind: "notify") : nil
            edit(p) { $0.notifyDeleted = true; $0.notifyDeletedScript = script }
        },
        .keyword("smtp_alert") { p, line in
            if let word = line[1], ConfigParser.bool(word) == nil {
                p.error("Invalid vrrp_instance smtp_alert parameter \(word)", line, word: 1, hint: "use on/off, true/false or yes/no")
                return
            }
            edit(p) { $0.smtpAlert = line[1].flatMap(ConfigParser.bool) ?? true }
        },
        .keyword("notify_priority_changes") { p, line in
            guard let value = flag(p, line, invalid: { "(\(name(p))) Invalid value '\($0)' for notify_priority_changes specified" }) else { return }
            edit(p) { $0.notifyPriorityChanges = value }
        },
    ]

    /// An unsigned number at word 1 in `range`, or nil after keepalived's message (`%` is the word).
    private static func seconds(_ parser: ConfigParser, _ line: KeywordLine, _ range: ClosedRange<UInt64>, _ message: String) -> UInt64? {
        guard let text = parser.argument(line, 1) else { return nil }
        guard let value = parser.readUnsigned(text, range, line, word: 1) else {
            parser.error(message.replacingPercent(with: text), line, word: 1,
                         hint: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// garp_master_repeat / garp_master_refresh_repeat: 0 is taken as 1.
    private static func repeats(_ parser: ConfigParser, _ line: KeywordLine, keyword: String, _ field: WritableKeyPath<VRRPInstance, UInt32?>) {
        let vrrpName = name(parser)
        guard var count = seconds(parser, line, 0...UInt64(UInt32.max), "(\(vrrpName)): \(keyword) '%' invalid - ignoring") else { return }
        if count == 0 {
            parser.error("(\(vrrpName)): \(keyword) must be greater than 0, setting to 1", line, word: 1, hint: "use 1 or more")
            count = 1
        }
        edit(parser) { $0[keyPath: field] = UInt32(count) }
    }

    /// keepalived.conf: garp_extra_if SECONDS [all]
    static func garpExtraInterface(_ parser: ConfigParser, _ line: KeywordLine) {
        let vrrpName = name(parser)
        var delay: UInt64?
        for i in 1..<max(line.count, 1) {
            if line.tokens[i].text == "all" {
                edit(parser) { $0.garpExtraInterfaceAll = true }
            } else if let value = parser.readUnsigned(line.tokens[i].text, 0...86400, line, word: i) {
                delay = value
            } else {
                parser.error("(\(vrrpName)): \(line.keyword) '\(line.tokens[i].text)' invalid - ignoring", line, word: i,
                             hint: "give seconds from 0 to 86400")
                return
            }
        }
        guard let delay else {
            parser.error("(\(vrrpName)): \(line.keyword) specified without time - ignoring", line, hint: "give seconds from 0 to 86400")
            return
        }
        edit(parser) { $0.garpExtraInterfaceInterval = UInt32(delay) }
    }

    /// A notify script keyword: the first one wins (set_vrrp_notify_script).
    private static func script(_ parser: ConfigParser, _ line: KeywordLine, _ what: String, _ field: WritableKeyPath<VRRPInstance, NotifyScript?>) {
        if parser.config.vrrpInstances.last?[keyPath: field] != nil {
            guard let word = parser.argument(line, 1) else { return }
            parser.error("(\(name(parser))) \(what) already specified - ignoring \(word)", line, word: 1, hint: "give \(line.keyword) once")
            return
        }
        let script = parser.readScript(line, kind: "notify")
        edit(parser) { $0[keyPath: field] = script }
    }
}

extension String {
    /// Puts `word` where `%` stands in a message template.
    fileprivate func replacingPercent(with word: String) -> String {
        var out = ""
        for character in self {
            if character == "%" { out += word } else { out.append(character) }
        }
        return out
    }
}
