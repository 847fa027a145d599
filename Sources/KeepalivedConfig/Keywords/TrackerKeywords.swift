/// track_group, track_file, vrrp_script, vrrp_track_process, bfd_instance, garp_group: the root
/// entries, and vrrp_script (keepalived's vrrp_script_handler and friends).
enum TrackerKeywords {
    static let rootEntries: [KeywordTable.Entry] = [
        .block("vrrp_script", open: openScript, close: closeScript, scriptTable),
        .block("track_file", open: { TrackFileKeywords.open($0, $1, deprecated: false) },
               close: TrackFileKeywords.close, TrackFileKeywords.table),
        .block("vrrp_track_file", open: { TrackFileKeywords.open($0, $1, deprecated: true) },
               close: TrackFileKeywords.close, TrackFileKeywords.table),
        .block("vrrp_track_process", open: TrackProcessKeywords.open, close: TrackProcessKeywords.close,
               TrackProcessKeywords.table),
        .block("bfd_instance", open: BFDKeywords.open, close: BFDKeywords.close, BFDKeywords.table),
        .block("garp_group", open: GARPGroupKeywords.open, close: GARPGroupKeywords.close, GARPGroupKeywords.table),
        .block("track_group", open: TrackGroupKeywords.open, TrackGroupKeywords.table),
    ]

    // MARK: - vrrp_script

    static let scriptTable = KeywordTable([
        .keyword("script") { parser, line in
            // keepalived re-splits the raw line the script way; words after the command are ignored.
            guard case let .success(words) = Tokenizer.scriptWords(line.raw), words.count >= 2,
                  case let .success(arguments) = Tokenizer.scriptWords(words[1]), !arguments.isEmpty else { return }
            parser.config.withLast(\.vrrpScripts) { script in
                var notify = NotifyScript(arguments: arguments, location: line.location(of: 1))
                notify.user = script.script?.user
                notify.group = script.script?.group
                script.script = notify
            }
        },
        .keyword("interval") { parser, line in
            secondsKeyword(parser, line, what: "interval", rangeText: { "must be between 1 and \($0)" }) { $0.interval = $1 }
        },
        .keyword("timeout") { parser, line in
            secondsKeyword(parser, line, what: "timeout", rangeText: { _ in "invalid" }) { $0.timeout = $1 }
        },
        .keyword("weight") { parser, line in
            let name = parser.config.vrrpScripts.last?.name ?? ""
            if let weight = parser.readInt(line, 1, -253...253) {
                parser.config.withLast(\.vrrpScripts) { $0.weight = weight }
            } else if line.count > 1 {
                parser.error("vrrp_script \(name) weight \(line[1]!) must be in [-253, 253]", line, word: 1,
                             hint: "use a weight from -253 to 253")
            }
            if line.count >= 3 {
                if line[2] == "reverse" {
                    parser.config.withLast(\.vrrpScripts) { $0.weightReverse = true }
                } else {
                    parser.error("vrrp_script \(name) unknown weight option \(line[2]!)", line, word: 2,
                                 hint: "the only option after the weight is 'reverse'")
                }
            }
        },
        .keyword("rise") { parser, line in riseFall(parser, line, what: "rise") { $0.rise = $1 } },
        .keyword("fall") { parser, line in riseFall(parser, line, what: "fall") { $0.fall = $1 } },
        .keyword("user") { parser, line in
            guard let user = parser.argument(line, 1) else { return }
            let group = line[2]
            if parser.host.user(named: user) == nil {
                parser.note("Script user '\(user)' does not exist", line, word: 1)
            } else if let group, parser.host.group(named: group) == nil {
                parser.note("Script group '\(group)' does not exist", line, word: 2)
            } else {
                parser.config.withLast(\.vrrpScripts) { script in
                    script.user = user
                    script.group = group
                    script.userSet = true
                    script.userInvalid = false
                }
                return
            }
            let command = commandText(parser.config.vrrpScripts.last?.script?.arguments ?? [])
            parser.error("Unable to set uid/gid for script \(command)", line, word: 1,
                         hint: "name an existing user (and group); keepalived drops this vrrp_script")
            parser.config.withLast(\.vrrpScripts) { $0.userInvalid = true }
        },
        .keyword("init_fail") { parser, _ in parser.config.withLast(\.vrrpScripts) { $0.initFail = true } },
    ])

    static func openScript(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let name = parser.argument(line, 1) else { return }
        parser.config.vrrpScripts.append(VRRPScript(name: name, location: line.location))
    }

    /// keepalived's vrrp_vscript_end_handler: no command, a bad `user`, or no default script user
    /// removes the script (so instances tracking it report it as not found).
    static func closeScript(_ parser: ConfigParser) {
        guard var script = parser.config.vrrpScripts.last else { return }
        var remove = script.userInvalid
        if script.script == nil {
            parser.errorHere("No script set for vrrp_script \(script.name) - removing", class: .generalError,
                             hint: "add a 'script' line to the vrrp_script block")
            remove = true
        } else if !remove && !script.userSet {
            if DefaultScriptUser.resolve(parser) == nil {
                parser.errorHere("Unable to set default user for vrrp script \(script.name) - removing", class: .generalError,
                                 hint: "create the keepalived_script user, set script_user in global_defs, or give 'user' here")
                remove = true
            }
        }
        if remove {
            parser.config.vrrpScripts.removeLast()
            return
        }
        script.script?.user = script.user
        script.script?.group = script.group
        parser.config.vrrpScripts[parser.config.vrrpScripts.count - 1] = script
    }

    /// keepalived's cmd_str: each word in single quotes (not a leading `<`/`>` redirection).
    static func commandText(_ arguments: [String]) -> String {
        arguments.enumerated().map { index, word in
            index == 0 && (word.first == "<" || word.first == ">") ? word : "'\(word)'"
        }.joined(separator: " ")
    }

    /// interval/timeout: whole seconds in 2.2.7 (read_unsigned, 0 allowed and raised to 1).
    private static func secondsKeyword(
        _ parser: ConfigParser, _ line: KeywordLine, what: String, rangeText: (UInt64) -> String,
        set: (inout VRRPScript, UInt64) -> Void
    ) {
        let name = parser.config.vrrpScripts.last?.name ?? ""
        let maximum = UInt64(UInt32.max) / 1_000_000
        guard var seconds = parser.readUnsigned(line, 1, 0...maximum) else {
            if line.count > 1 {
                parser.error("(\(name)): vrrp script \(what) '\(line[1]!)' \(rangeText(maximum)) - ignoring", line, word: 1,
                             hint: "give whole seconds (2.2.7 takes no fractions)")
            }
            return
        }
        if seconds == 0 {
            parser.error("(\(name)): vrrp script \(what) must be greater than 0, setting to 1", line, word: 1,
                         hint: "use at least 1 second")
            seconds = 1
        }
        parser.config.withLast(\.vrrpScripts) { set(&$0, seconds * 1_000_000) }
    }

    private static func riseFall(_ parser: ConfigParser, _ line: KeywordLine, what: String, set: (inout VRRPScript, Int) -> Void) {
        let name = parser.config.vrrpScripts.last?.name ?? ""
        guard let value = parser.readUnsigned(line, 1, 1...UInt64(Int32.max)) else {
            if line.count > 1 {
                parser.error("(\(name)): vrrp script \(what) value '\(line[1]!)' invalid, defaulting to 1", line, word: 1,
                             hint: "use a count of at least 1")
                parser.config.withLast(\.vrrpScripts) { set(&$0, 1) }
            }
            return
        }
        parser.config.withLast(\.vrrpScripts) { set(&$0, Int(value)) }
    }
}
