/// MISC_CHECK, FILE_CHECK and BFD_CHECK (the parser parts of keepalived's check_misc.c,
/// check_file.c and check_bfd.c).
extension CheckerBlockKeywords {
    // MARK: MISC_CHECK

    static func editMisc(_ parser: ConfigParser, _ body: (inout MiscCheck) -> Void) {
        parser.editChecker { checker in
            guard !checker.discarded, case var .misc(misc) = checker.probe else { return }
            body(&misc)
            checker.probe = .misc(misc)
        }
    }

    static let miscEntries: [KeywordTable.Entry] = [
        .keyword("misc_path") { parser, line in
            guard case let .success(words) = Tokenizer.scriptWords(line.raw), words.count >= 2,
                  case let .success(arguments) = Tokenizer.scriptWords(words[1]), !arguments.isEmpty else { return }
            let script = NotifyScript(arguments: arguments, location: line.location(of: 1))
            editMisc(parser) { misc in
                var withUser = script
                withUser.user = misc.user
                withUser.group = misc.group
                misc.script = withUser
            }
        },
        .keyword("misc_timeout") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max / 1_000_000), { "Invalid misc_timeout value '\($0)'" }) else { return }
            editMisc(parser) { $0.timeout = v * 1_000_000 }
        },
        .keyword("misc_dynamic") { parser, _ in editMisc(parser) { $0.dynamic = true } },
        .keyword("user") { parser, line in
            guard let checker = parser.currentChecker, !checker.discarded, case let .misc(misc) = checker.probe else { return }
            let command = misc.script.map(commandString) ?? ""
            guard let user = line[1] else {
                parser.error("No user specified for misc checker script \(command)", line, hint: "give a user name")
                return
            }
            var failed = parser.host.user(named: user) == nil
            if failed { parser.note("Script user '\(user)' does not exist", line, word: 1) }
            let group = line[2]
            if !failed, let group, parser.host.group(named: group) == nil {
                parser.note("Script group '\(group)' does not exist", line, word: 2)
                failed = true
            }
            if failed {
                parser.error("Failed to set uid/gid for misc checker script \(command) - removing", line, word: 1,
                             hint: "name an existing user (and group)")
                parser.editChecker { $0.discarded = true }
                return
            }
            editMisc(parser) { misc in
                misc.user = user
                misc.group = group
                misc.script?.user = user
                misc.script?.group = group
            }
        },
    ]

    /// keepalived's cmd_str: each word in single quotes.
    static func commandString(_ script: NotifyScript) -> String {
        script.arguments.enumerated().map { index, word in
            index == 0 && (word.hasPrefix("<") || word.hasPrefix(">")) ? word : "'\(word)'"
        }.joined(separator: " ")
    }

    @Sendable static func closeMisc(_ parser: ConfigParser) {
        guard let checker = parser.currentChecker, case let .misc(misc) = checker.probe else { return }
        if checker.discarded { return parser.dropCurrentChecker() }
        if misc.script == nil {
            parser.errorHere("No script path has been specified for MISC_CHECKER - skipping", class: .generalError,
                             hint: "add misc_path with the script to run")
            parser.dropCurrentChecker()
        }
    }

    // MARK: FILE_CHECK

    static let fileCheckBlock = KeywordTable.Entry.block("FILE_CHECK", open: { parser, line in
        parser.editRealServer { $0.fileChecks.append(FileCheck(location: line.location)) }
    }, close: { parser in
        guard let file = parser.config.virtualServers.last?.realServers.last?.fileChecks.last, file.trackFile == nil else { return }
        parser.errorHere("FILE_CHECK has no track_file specified - ignoring", class: .generalError, hint: "add track_file NAME")
        parser.editRealServer { _ = $0.fileChecks.popLast() }
    }, KeywordTable([
        .keyword("track_file") { parser, line in
            guard let name = parser.argument(line, 1) else { return }
            guard parser.config.trackFiles.contains(where: { $0.name == name }) else {
                parser.error("track_file \(name) not found", line, word: 1, hint: "define track_file \(name) { } before it is used")
                return
            }
            editFileCheck(parser) { $0.trackFile = name }
        },
        .keyword("weight") { parser, line in
            guard line.count > 1 else {
                parser.error("track file weight missing", line, hint: "give a weight")
                return
            }
            guard let weight = parser.readInt(line, 1, -Int(Int32.max)...Int(Int32.max)) else {
                parser.error("weight for track file must be in [\(-Int(Int32.max))..\(Int32.max)] inclusive. Ignoring...", line, word: 1)
                return
            }
            var reverse = false
            if let option = line[2] {
                switch option {
                case "reverse": reverse = true
                case "noreverse": reverse = false
                default:
                    parser.error("unknown track file weight option \(option) - ignoring", line, word: 2, hint: "use reverse or noreverse")
                    return
                }
            }
            editFileCheck(parser) { $0.weight = Int32(weight); $0.reverse = reverse }
        },
    ]))

    static func editFileCheck(_ parser: ConfigParser, _ body: (inout FileCheck) -> Void) {
        parser.editRealServer { rs in
            guard !rs.fileChecks.isEmpty else { return }
            body(&rs.fileChecks[rs.fileChecks.count - 1])
        }
    }

    // MARK: BFD_CHECK

    /// keepalived's FMT_RS: `[address]:protocol:port`.
    static func realServerName(_ parser: ConfigParser) -> String {
        guard let vs = parser.config.virtualServers.last, let rs = vs.realServers.last else { return "" }
        return CheckerValidation.format(rs, in: vs)
    }

    static let bfdEntries: [KeywordTable.Entry] = [
        .keyword("name") { parser, line in
            guard let checker = parser.currentChecker, !checker.discarded, case .bfd(let current) = checker.probe else { return }
            let rsName = realServerName(parser)
            var problem: String?
            if line.count != 2 {
                problem = "(\(rsName)) BFD_CHECK - No or too many names specified - skipping checker"
            } else if !parser.config.bfdInstances.contains(where: { $0.name == line[1]! }) {
                problem = "(\(rsName)) BFD_CHECK - BFD \(line[1]!) not configured"
            } else if let current {
                problem = "(\(rsName)) BFD_CHECK - BFD \(line[1]!) already specified as \(current)"
            } else if line[1]!.utf8.count >= 32 {
                problem = "(\(rsName)) BFD_CHECK - BFD name \(line[1]!) too long"
            } else if parser.config.virtualServers.last?.realServers.last?.checkers.dropLast().contains(where: {
                if case .bfd(line[1]) = $0.probe { return true }
                return false
            }) == true {
                problem = "(\(rsName)) BFD_CHECK - RS already monitoring \(line[1]!)"
            }
            if let problem {
                parser.error(problem, line, word: min(1, line.count - 1), hint: "name one bfd_instance, once per real server")
                parser.editChecker { $0.discarded = true }
                return
            }
            parser.editChecker { $0.probe = .bfd(name: line[1]!) }
        },
        .keyword("alpha") { parser, line in
            guard parser.currentChecker?.discarded == false else { return }
            guard let v = parser.checkerBool(line, "Invalid alpha parameter") else { return }
            parser.editChecker { $0.alpha = v }
        },
    ]

    @Sendable static func closeBFD(_ parser: ConfigParser) {
        guard let checker = parser.currentChecker, case let .bfd(name) = checker.probe else { return }
        if checker.discarded { return parser.dropCurrentChecker() }
        if name == nil {
            parser.errorHere("(\(realServerName(parser))) No name has been specified for BFD_CHECKER - skipping",
                             class: .generalError, hint: "add name with a bfd_instance")
            parser.dropCurrentChecker()
        }
    }
}
