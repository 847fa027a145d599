/// vrrp_track_process: keepalived's vrrp_tprocess_* parsers.
enum TrackProcessKeywords {
    static let table = KeywordTable([
        .keyword("process") { parser, line in
            guard let process = parser.config.trackProcesses.last else { return }
            if process.process != nil {
                parser.error("Process already set for track process \(process.name) - ignoring \(line[1] ?? "")", line, word: 1,
                             hint: "give one 'process' per vrrp_track_process")
                return
            }
            guard let path = parser.argument(line, 1) else { return }
            parser.config.withLast(\.trackProcesses) { tracked in
                tracked.process = path
                if line.count > 2 {
                    tracked.parameters = line.tokens.dropFirst(2).map(\.text)
                    if tracked.parameterMatch == .none { tracked.parameterMatch = .exact }
                    tracked.fullCommand = true
                }
            }
        },
        .keyword("param_match") { parser, line in
            let match: TrackProcess.ParameterMatch
            switch line[1] {
            case nil: match = .exact
            case "initial": match = .initial
            case "partial": match = .partial
            case let other?:
                parser.error("Invalid param_match type \(other) - ignoring", line, word: 1, hint: "use 'initial' or 'partial', or nothing for exact")
                return
            }
            parser.config.withLast(\.trackProcesses) { $0.parameterMatch = match; $0.fullCommand = true }
        },
        .keyword("weight") { parser, line in
            guard let process = parser.config.trackProcesses.last else { return }
            guard line.count >= 2 else {
                parser.error("No weight specified for track process \(process.name) - ignoring", line, hint: "give a weight from -254 to 254")
                return
            }
            if process.weight != 0 {
                parser.error("Weight already set for track process \(process.name) - ignoring \(line[1]!)", line, word: 1,
                             hint: "give one 'weight' per vrrp_track_process")
                return
            }
            guard let weight = parser.readInt(line, 1, -254...254) else {
                parser.error("Weight (\(line[1]!)) for vrrp_track_process \(process.name) must be between [-254..254] inclusive. Ignoring...",
                             line, word: 1, hint: "use a weight from -254 to 254")
                return
            }
            if line.count >= 3 {
                if line[2] == "reverse" {
                    parser.config.withLast(\.trackProcesses) { $0.weightReverse = true }
                } else {
                    parser.error("vrrp_track_process \(process.name) unknown weight option \(line[2]!)", line, word: 2,
                                 hint: "the only option after the weight is 'reverse'")
                }
            }
            parser.config.withLast(\.trackProcesses) { $0.weight = weight }
        },
        .keyword("quorum") { parser, line in
            guard let process = parser.config.trackProcesses.last else { return }
            guard let quorum = parser.readUnsigned(line, 1, 1...65535) else {
                if line.count > 1 {
                    parser.error("Quorum (\(line[1]!)) for vrrp_track_process \(process.name) must be between [1..65535] inclusive. Ignoring...",
                                 line, word: 1, hint: "use a quorum from 1 to 65535")
                }
                return
            }
            if quorum > UInt64(process.quorumMax) {
                parser.error("Quorum is greater than quorum_max - ignoring", line, word: 1, hint: "raise quorum_max first")
                return
            }
            parser.config.withLast(\.trackProcesses) { $0.quorum = UInt32(quorum) }
        },
        .keyword("quorum_max") { parser, line in
            guard let process = parser.config.trackProcesses.last else { return }
            guard let value = parser.readUnsigned(line, 1, 0...65535) else {
                if line.count > 1 {
                    parser.error("quorum_max (\(line[1]!)) for vrrp_track_process \(process.name) must be between [0..65535] inclusive. Ignoring...",
                                 line, word: 1, hint: "use a value from 0 to 65535")
                }
                return
            }
            let quorumMax = UInt32(value)
            if (quorumMax != 0 || process.quorum > 1) && quorumMax < process.quorum {
                parser.error("quorum_max is less than quorum - ignoring", line, word: 1, hint: "make quorum_max at least quorum")
                return
            }
            parser.config.withLast(\.trackProcesses) { tracked in
                tracked.quorumMax = quorumMax
                if quorumMax == 0 { tracked.quorum = 0 } else if tracked.quorum == 0 { tracked.quorum = 1 }
            }
        },
        .keyword("delay") { parser, line in delay(parser, line, prefix: "", terminate: true, fork: true) },
        .keyword("terminate_delay") { parser, line in delay(parser, line, prefix: "terminate_", terminate: true, fork: false) },
        .keyword("fork_delay") { parser, line in delay(parser, line, prefix: "fork_", terminate: false, fork: true) },
        .keyword("full_command") { parser, _ in parser.config.withLast(\.trackProcesses) { $0.fullCommand = true } },
    ])

    /// keepalived's vrrp_tprocess_delay_general: decimal seconds, 1 µs to 3600 s.
    private static func delay(_ parser: ConfigParser, _ line: KeywordLine, prefix: String, terminate: Bool, fork: Bool) {
        guard let process = parser.config.trackProcesses.last, let text = parser.argument(line, 1) else { return }
        guard let value = parser.readDecimal(text, shift: 6, 1...3_600_000_000, line, word: 1) else {
            parser.error("\(prefix)delay (\(text)) for vrrp_track_process \(process.name) must be between [0.000001..3600] inclusive. Ignoring...",
                         line, word: 1, hint: "give seconds, e.g. 0.5")
            return
        }
        parser.config.withLast(\.trackProcesses) { tracked in
            if terminate { tracked.terminateDelay = value }
            if fork { tracked.forkDelay = value }
        }
    }

    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let name = parser.argument(line, 1) else { return }
        parser.config.trackProcesses.append(TrackProcess(name: name, location: line.location))
    }

    /// keepalived's vrrp_tprocess_end_handler: a block without `process` is dropped.
    static func close(_ parser: ConfigParser) {
        guard let process = parser.config.trackProcesses.last, process.process == nil else { return }
        parser.errorHere("track process '\(process.name)' process name not specified", class: .generalError,
                         hint: "add a 'process NAME' line")
        parser.config.trackProcesses.removeLast()
    }
}
