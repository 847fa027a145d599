/// The `track_*` lists of sync groups (and instances): `NAME [weight N [reverse|noreverse]]` per
/// line, each name resolved when read (keepalived's alloc_track_if/script/file/process/bfd).
enum TrackListKeywords {
    /// What a list tracks; each kind has keepalived's own range and wording.
    enum Kind {
        case interface, script, file, process, bfd
    }

    /// Reads one list line for `owner` (an instance or sync group name), appending to `list`.
    static func parseItem(
        _ parser: ConfigParser, _ line: KeywordLine, kind: Kind, owner: String, existing: [TrackedObject]
    ) -> TrackedObject? {
        let name = line.tokens[0].text
        var weight = 0
        var reverse = false
        switch kind {
        case .interface:
            guard parser.lookupInterface(name) != nil else {
                parser.error("(\(owner)) tracked interface \(name) doesn't exist", line, hint: "name an existing interface")
                nonExistentInterface(parser)
                return nil
            }
        case .script:
            guard let script = parser.config.vrrpScripts.first(where: { $0.name == name }) else {
                parser.error("(\(owner)) track script \(name) not found, ignoring...", line, hint: "define vrrp_script \(name) before it is tracked")
                return nil
            }
            (weight, reverse) = (script.weight, script.weightReverse)
        case .file:
            guard let file = parser.config.trackFiles.first(where: { $0.name == name }) else {
                parser.error("(\(owner)) track file \(name) not found, ignoring...", line, hint: "define track_file \(name) before it is tracked")
                return nil
            }
            (weight, reverse) = (file.weight, file.weightReverse)
        case .process:
            guard let process = parser.config.trackProcesses.first(where: { $0.name == name }) else {
                parser.error("(\(owner)) track process \(name) not found, ignoring...", line,
                             hint: "define vrrp_track_process \(name) before it is tracked")
                return nil
            }
            (weight, reverse) = (process.weight, process.weightReverse)
        case .bfd:
            guard let bfd = parser.config.bfdInstances.first(where: { $0.name == name }) else {
                parser.error("(\(owner)) track bfd \(name) not found, ignoring...", line, hint: "define bfd_instance \(name) before it is tracked")
                return nil
            }
            (weight, reverse) = (bfd.weight, bfd.weightReverse)
        }
        if existing.contains(where: { $0.name == name }) {
            parser.error("(\(owner)) duplicate \(keyword(kind)) \(name) - ignoring", line, hint: "list it once")
            return nil
        }
        if line.count >= 2 {
            guard line[1] == "weight" else {
                let message = switch kind {
                case .interface: "(\(owner)) unknown track_interface \(name) option \(line[1]!) - ignoring"
                case .bfd: "(\(owner)) unknown track bfd \(name) option \(line[1]!) - ignoring"
                default: "(\(owner)) unknown \(noun(kind)) option \(line[1]!) - ignoring"
                }
                parser.error(message, line, word: 1, hint: "the only option is 'weight N'")
                return nil
            }
            guard line.count > 2 else {
                let message = kind == .interface
                    ? "(\(owner)) weight without value specified for track_interface \(name) - ignoring"
                    : "(\(owner)) weight without value specified for \(noun(kind)) \(name) - ignoring"
                parser.error(message, line, word: 1, hint: "give a number after 'weight'")
                return nil
            }
            let limit = kind == .bfd ? 253 : 254
            if let value = parser.readInt(line, 2, -limit...limit) {
                weight = value
                if (kind == .interface || kind == .script) && abs(value) == 254 {
                    parser.error("(\(owner)) weight for \(name) cannot be +/-254. Setting to +/-253", line, word: 2,
                                 hint: "use a weight from -253 to 253")
                    weight = value < 0 ? -253 : 253
                }
            } else {
                let message = switch kind {
                case .interface: "(\(owner)) weight \(line[2]!) for \(name) must be between [-253..253] inclusive. Ignoring..."
                case .script: "(\(owner)) track script \(name): weight must be between [-253..253] inclusive, ignoring..."
                case .file: "(\(owner)) weight for track file \(name) must be in [-254..254] inclusive. Ignoring..."
                case .process: "(\(owner)) weight for track process \(name) must be in [-254..254] inclusive. Ignoring..."
                case .bfd: "(\(owner)) weight for track bfd \(name) must be in [-253..253] inclusive. Ignoring..."
                }
                parser.error(message, line, word: 2, hint: "use a weight from -\(limit) to \(limit)")
                if kind == .interface { weight = 0 }
            }
            if line.count >= 4 {
                if line[3] == "reverse" {
                    reverse = true
                } else if line[3] == "noreverse" && kind != .interface {
                    reverse = false
                } else {
                    let message = switch kind {
                    case .interface: "(\(owner)) unknown track_interace \(name) weight option \(line[3]!) - ignoring"
                    case .script: "(\(owner)) unknown track_script \(name) weight option \(line[3]!) - ignoring"
                    case .file: "(\(owner)) unknown track file \(name) weight option \(line[3]!) - ignoring"
                    case .process: "(\(owner)) unknown track_process \(name) weight option \(line[3]!) - ignoring"
                    case .bfd: "(\(owner)) unknown track bfd \(name) weight option \(line[3]!) - ignoring"
                    }
                    parser.error(message, line, word: 3, hint: "use 'reverse' or 'noreverse'")
                    if kind == .file || kind == .bfd { return nil }
                }
            }
        }
        return TrackedObject(name: name, weight: weight, reverse: reverse, location: line.location)
    }

    /// keepalived's VRRP process remembers any unknown interface looked up without
    /// dynamic_interfaces and, after reading the file, reports it once and does not start.
    /// (VRRPValidation reports it.)
    static func nonExistentInterface(_ parser: ConfigParser) {
        parser.config.namedMissingInterface = true
    }

    private static func keyword(_ kind: Kind) -> String {
        switch kind {
        case .interface: "track_interface"
        case .script: "track_script"
        case .file: "track_file"
        case .process: "track_process"
        case .bfd: "track_bfd"
        }
    }

    private static func noun(_ kind: Kind) -> String {
        switch kind {
        case .interface: "track interface"
        case .script: "track script"
        case .file: "track file"
        case .process: "track process"
        case .bfd: "track bfd"
        }
    }
}
