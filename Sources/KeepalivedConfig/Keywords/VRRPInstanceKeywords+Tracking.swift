/// vrrp_instance track_interface / track_script / track_file / track_process / track_bfd lists:
/// each item names something already defined, with an optional `weight W [reverse|noreverse]`.
extension VRRPInstanceKeywords {
    static let trackingEntries: [KeywordTable.Entry] = [
        .keyword("dont_track_primary") { p, _ in edit(p) { $0.dontTrackPrimary = true } },
        .keyword("track_interface") { p, line in p.readValueBlock(line) { trackInterface(p, $0) } },
        .keyword("track_script") { p, line in
            p.readValueBlock(line) { item in
                trackObject(p, item, kind: .script, known: p.knownNames(\.vrrpScripts, \.name), list: \.trackScripts)
            }
        },
        .keyword("track_file") { p, line in
            p.readValueBlock(line) { item in
                trackObject(p, item, kind: .file, known: p.knownNames(\.trackFiles, \.name), list: \.trackFiles)
            }
        },
        .keyword("track_process") { p, line in
            p.readValueBlock(line) { item in
                trackObject(p, item, kind: .process, known: p.knownNames(\.trackProcesses, \.name), list: \.trackProcesses)
            }
        },
        .keyword("track_bfd") { p, line in
            p.readValueBlock(line) { item in
                trackObject(p, item, kind: .bfd, known: p.knownNames(\.bfdInstances, \.name), list: \.trackBFDs)
            }
        },
    ]

    /// keepalived.conf: track_interface { IFNAME [weight W [reverse]] } (alloc_track_if)
    static func trackInterface(_ parser: ConfigParser, _ item: KeywordLine) {
        let vrrpName = name(parser)
        let ifname = item.keyword
        guard parser.lookupInterface(ifname) != nil else {
            parser.error("(\(vrrpName)) tracked interface \(ifname) doesn't exist", item,
                         hint: "name an interface this host has (keepalived 2.2.7 will not start)")
            edit(parser) { $0.namedMissingInterface = true }
            return
        }
        if parser.config.vrrpInstances.last?.trackInterfaces.contains(where: { $0.name == ifname }) == true {
            parser.error("(\(vrrpName)) duplicate track_interface \(ifname) - ignoring", item, hint: "list each interface once")
            return
        }
        var tracked = TrackedInterface(name: ifname, location: item.location)
        if item.count >= 2 {
            guard item.tokens[1].text == "weight" else {
                parser.error("(\(vrrpName)) unknown track_interface \(ifname) option \(item.tokens[1].text) - ignoring", item, word: 1,
                             hint: "the only option is `weight W [reverse]`")
                return
            }
            guard item.count > 2 else {
                parser.error("(\(vrrpName)) weight without value specified for track_interface \(ifname) - ignoring", item, word: 1,
                             hint: "write `weight W` with W from -253 to 253")
                return
            }
            tracked.weight = weight(parser, item) {
                "(\(vrrpName)) weight \(item.tokens[2].text) for \(ifname) must be between [-253..253] inclusive. Ignoring..."
            } ?? 0
            if item.count >= 4 {
                if item.tokens[3].text == "reverse" {
                    tracked.reverse = true
                } else {
                    parser.error("(\(vrrpName)) unknown track_interace \(ifname) weight option \(item.tokens[3].text) - ignoring",
                                 item, word: 3, hint: "the only weight option is `reverse`")
                }
            }
        }
        edit(parser) { $0.trackInterfaces.append(tracked) }
    }

    /// Reads `weight W` at word 2 with keepalived's ±254 leniency: nil (after `message`) if invalid.
    private static func weight(
        _ parser: ConfigParser, _ item: KeywordLine, limit: Int = 254, clampOwnerWeights: Bool = true,
        message: () -> String
    ) -> Int? {
        guard var weight = parser.readInt(item.tokens[2].text, -limit...limit, item, word: 2) else {
            parser.error(message(), item, word: 2, hint: "use a weight from -253 to 253")
            return nil
        }
        if clampOwnerWeights && abs(weight) == 254 {
            parser.error("(\(name(parser))) weight for \(item.keyword) cannot be +/-254. Setting to +/-253", item, word: 2,
                         hint: "use a weight from -253 to 253")
            weight = weight < 0 ? -253 : 253
        }
        return weight
    }

    enum TrackedKind: String {
        case script, file, process, bfd

        var listKeyword: String { "track_\(rawValue)" }
    }

    /// alloc_track_script / vrrp_alloc_track_file / alloc_track_process / alloc_track_bfd.
    static func trackObject(
        _ parser: ConfigParser, _ item: KeywordLine, kind: TrackedKind, known: Set<String>,
        list: WritableKeyPath<VRRPInstance, [TrackedObject]>
    ) {
        let vrrpName = name(parser)
        let tracked = item.keyword
        let label = "track \(kind.rawValue)"
        guard known.contains(tracked) else {
            parser.error("(\(vrrpName)) \(label) \(tracked) not found, ignoring...", item,
                         hint: "define the \(kind == .script ? "vrrp_script" : kind == .file ? "track_file" : kind == .process ? "vrrp_track_process" : "bfd_instance") before this instance")
            return
        }
        if parser.config.vrrpInstances.last?[keyPath: list].contains(where: { $0.name == tracked }) == true {
            parser.error("(\(vrrpName)) duplicate \(kind.listKeyword) \(tracked) - ignoring", item, hint: "list each \(kind.rawValue) once")
            return
        }
        var object = TrackedObject(name: tracked, location: item.location)
        if item.count >= 2 {
            guard item.tokens[1].text == "weight" else {
                let option = item.tokens[1].text
                parser.error(kind == .bfd ? "(\(vrrpName)) unknown \(label) \(tracked) option \(option) - ignoring"
                                          : "(\(vrrpName)) unknown \(label) option \(option) - ignoring",
                             item, word: 1, hint: "the only option is `weight W [reverse|noreverse]`")
                return
            }
            guard item.count > 2 else {
                parser.error("(\(vrrpName)) weight without value specified for \(label) \(tracked) - ignoring", item, word: 1,
                             hint: "write `weight W`")
                return
            }
            switch kind {
            case .script:
                object.weight = weight(parser, item) {
                    "(\(vrrpName)) track script \(tracked): weight must be between [-253..253] inclusive, ignoring..."
                }
            case .file, .process:
                object.weight = weight(parser, item, clampOwnerWeights: false) {
                    "(\(vrrpName)) weight for \(label) \(tracked) must be in [-254..254] inclusive. Ignoring..."
                }
            case .bfd:
                object.weight = weight(parser, item, limit: 253, clampOwnerWeights: false) {
                    "(\(vrrpName)) weight for \(label) \(tracked) must be in [-253..253] inclusive. Ignoring..."
                }
            }
            if item.count >= 4 {
                switch item.tokens[3].text {
                case "reverse": object.reverse = true
                case "noreverse": object.reverse = false
                default:
                    let what = kind == .file || kind == .bfd ? label : kind.listKeyword
                    parser.error("(\(vrrpName)) unknown \(what) \(tracked) weight option \(item.tokens[3].text) - ignoring",
                                 item, word: 3, hint: "use reverse or noreverse")
                    // keepalived drops the whole item for files and BFD, keeps it for scripts and processes.
                    if kind == .file || kind == .bfd { return }
                }
            }
        }
        edit(parser) { $0[keyPath: list].append(object) }
    }
}
