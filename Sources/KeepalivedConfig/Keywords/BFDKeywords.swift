/// bfd_instance: keepalived's bfd_parser.c, as the BFD and VRRP processes together read it.
enum BFDKeywords {
    static let table = KeywordTable([
        .keyword("source_ip") { parser, line in
            guard let bfd = parser.config.bfdInstances.last, let text = parser.argument(line, 1) else { return }
            guard let address = IPAddress(text) else {
                if bfd.isEnabled {
                    parser.error("Configuration error: BFD instance \(bfd.name) has malformed source address \(text), ignoring",
                                 line, word: 1, hint: "give an IPv4 or IPv6 address")
                }
                return
            }
            parser.config.withLast(\.bfdInstances) { $0.source = address }
        },
        .keyword("neighbor_ip") { parser, line in neighbor(parser, line, spelling: "neighbor") },
        .keyword("neighbour_ip") { parser, line in neighbor(parser, line, spelling: "neighbour") },
        .keyword("min_rx") { parser, line in interval(parser, line, what: "min_rx", minimum: 1) { $0.minRx = $1 } },
        .keyword("min_tx") { parser, line in interval(parser, line, what: "min_tx", minimum: 1) { $0.minTx = $1 } },
        .keyword("idle_tx") { parser, line in interval(parser, line, what: "idle_tx", minimum: 1000) { $0.idleTx = $1 } },
        .keyword("multiplier") { parser, line in
            guard let bfd = parser.config.bfdInstances.last else { return }
            guard let value = parser.readUnsigned(line, 1, 1...255) else {
                parser.error("Configuration error: BFD instance \(bfd.name) multiplier value \(line[1] ?? "") not valid (must be in range [1-255]), ignoring",
                             line, word: 1, hint: "use a multiplier from 1 to 255")
                return
            }
            parser.config.withLast(\.bfdInstances) { $0.multiplier = Int(value) }
        },
        .keyword("passive") { parser, _ in parser.config.withLast(\.bfdInstances) { $0.passive = true } },
        .keyword("ttl") { parser, line in ttl(parser, line) },
        .keyword("hoplimit") { parser, line in ttl(parser, line) },
        .keyword("max_hops") { parser, line in
            guard let bfd = parser.config.bfdInstances.last else { return }
            guard let value = parser.readInt(line, 1, -1...255) else {
                parser.error("Configuration error: BFD instance \(bfd.name) max_hops value \(line[1] ?? "") not valid (must be in range [-1-255]), ignoring",
                             line, word: 1, hint: "use a value from -1 to 255")
                return
            }
            parser.config.withLast(\.bfdInstances) { $0.maxHops = value }
        },
        .keyword("weight") { parser, line in
            guard let bfd = parser.config.bfdInstances.last else { return }
            if let value = parser.readInt(line, 1, -253...253) {
                parser.config.withLast(\.bfdInstances) { $0.weight = value }
            } else {
                parser.error("Configuration error: BFD instance \(bfd.name) weight value \(line[1] ?? "") not valid (must be in range [-253-253]), ignoring",
                             line, word: 1, hint: "use a weight from -253 to 253")
            }
            if line.count >= 3 {
                if line[2] == "reverse" {
                    parser.config.withLast(\.bfdInstances) { $0.weightReverse = true }
                } else {
                    parser.error("Configuration error: BFD instance \(bfd.name) unknown weight option \(line[2]!)", line, word: 2,
                                 hint: "the only option after the weight is 'reverse'")
                }
            }
        },
        .keyword("vrrp") { parser, _ in parser.config.withLast(\.bfdInstances) { $0.notifyVRRP = true } },
        .keyword("checker") { parser, _ in parser.config.withLast(\.bfdInstances) { $0.notifyChecker = true } },
    ])

    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let name = parser.argument(line, 1) else { return }
        if name.utf8.count >= 32 {
            parser.error("BFD name \(name) too long", line, word: 1, hint: "use at most 31 characters")
            parser.error("Configuration error: BFD instance \(name) name too long (maximum length is 31 characters) - ignoring",
                         line, word: 1, hint: "use at most 31 characters")
            parser.skipBlock(needBlockStart: true)
            return
        }
        if parser.config.bfdInstances.contains(where: { $0.name == name }) {
            parser.error("BFD \(name) already specified", line, word: 1, hint: "give each bfd_instance its own name")
            parser.error("Configuration error: BFD instance \(name) already configured - ignoring", line, word: 1,
                         hint: "give each bfd_instance its own name")
            parser.skipBlock(needBlockStart: true)
            return
        }
        parser.config.bfdInstances.append(BFDInstance(name: name, location: line.location))
    }

    /// keepalived's bfd_end_handler: addresses must be given and agree; the defaults follow.
    static func close(_ parser: ConfigParser) {
        guard var bfd = parser.config.bfdInstances.last, bfd.isEnabled else { return }
        defer { parser.config.bfdInstances[parser.config.bfdInstances.count - 1] = bfd }
        guard let neighbor = bfd.neighbor else {
            parser.errorHere("Configuration error: BFD instance \(bfd.name) has no neighbor address set, disabling instance",
                             class: .generalError, hint: "add neighbor_ip")
            bfd.isEnabled = false
            return
        }
        if let source = bfd.source, source.family != neighbor.family {
            // keepalived prints the neighbour with the source's text (a shared buffer); kept for grep.
            parser.errorHere("Configuration error: BFD instance \(bfd.name) source address \(source) and neighbor address \(source) are not of the same family, disabling instance",
                             class: .generalError, hint: "use addresses of one family")
            bfd.isEnabled = false
            return
        }
        let others = parser.config.bfdInstances.dropLast()
        if others.contains(where: { $0.isEnabled && $0.neighbor == neighbor && $0.source == bfd.source }) {
            let what = bfd.source.map { "duplicate source/neighbor address \($0)/\(neighbor)" } ?? "duplicate neighbor address \(neighbor)"
            parser.errorHere("Configuration error: BFD instance \(bfd.name) has \(what), ignoring instance",
                             class: .generalError, hint: "each bfd_instance needs its own peer")
            bfd.isEnabled = false
            return
        }
        if bfd.maxHops > (bfd.ttl ?? 255) {
            parser.errorHere("BFD instance \(bfd.name): max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit",
                             class: .generalError, hint: "keep max_hops at or below ttl")
            bfd.maxHops = bfd.ttl ?? 255
        }
        if !bfd.notifyVRRP && !bfd.notifyChecker {
            bfd.notifyVRRP = true
            bfd.notifyChecker = true
        }
    }

    private static func neighbor(_ parser: ConfigParser, _ line: KeywordLine, spelling: String) {
        guard let bfd = parser.config.bfdInstances.last, let text = parser.argument(line, 1) else { return }
        guard bfd.isEnabled else { return }
        guard let address = IPAddress(text) else {
            parser.error("Configuration error: BFD instance \(bfd.name) has malformed \(spelling) address \(text), ignoring instance",
                         line, word: 1, hint: "give an IPv4 or IPv6 address")
            parser.config.withLast(\.bfdInstances) { $0.isEnabled = false }
            return
        }
        parser.config.withLast(\.bfdInstances) { $0.neighbor = address }
    }

    /// min_rx / min_tx / idle_tx: milliseconds with 3 decimals, held in microseconds.
    private static func interval(
        _ parser: ConfigParser, _ line: KeywordLine, what: String, minimum: UInt64, set: (inout BFDInstance, UInt64) -> Void
    ) {
        guard let bfd = parser.config.bfdInstances.last, let text = parser.argument(line, 1) else { return }
        let maximum = UInt64(UInt32.max) / 1000
        guard let value = parser.readDecimal(text, shift: 3, (minimum * 1000)...(maximum * 1000), line, word: 1) else {
            parser.error("Configuration error: BFD instance \(bfd.name) \(what) value \(text) is not valid (must be in range [\(minimum)-\(maximum)]), ignoring",
                         line, word: 1, hint: "give milliseconds")
            return
        }
        if value > 10_000 * 1000 {
            parser.note("Configuration warning: BFD instance \(bfd.name) \(what) value \(text) is larger than max sensible (10000)", line, word: 1)
        }
        parser.config.withLast(\.bfdInstances) { set(&$0, value) }
    }

    private static func ttl(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let bfd = parser.config.bfdInstances.last else { return }
        guard let value = parser.readUnsigned(line, 1, 1...255) else {
            parser.error("Configuration error: BFD instance \(bfd.name) ttl/hoplimit value \(line[1] ?? "") not valid (must be in range [1-255]), ignoring",
                         line, word: 1, hint: "use a value from 1 to 255")
            return
        }
        parser.config.withLast(\.bfdInstances) { $0.ttl = Int(value) }
    }
}
