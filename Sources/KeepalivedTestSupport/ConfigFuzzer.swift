/// Generates hostile keepalived.conf inputs from a fixed seed: random bytes, keyword soup, brace
/// soup, deep nesting, over-long lines, NULs, unterminated quotes, self-referential `$definitions`,
/// huge `~SEQ` ranges and mutated realistic configs. Every input is bounded in size, so a parse
/// of one must finish quickly; the fuzz test and `keepalived-bench` share this generator.
public struct ConfigFuzzer: Sendable {
    /// The kinds of input, used in turn by `next()`.
    public enum Kind: String, CaseIterable, Sendable {
        case randomBytes, keywordSoup, braceSoup, deepNesting, hugeLines, nulBytes, unterminatedQuotes
        case selfReferentialDefinitions, hugeSequences, mutatedConfig
    }

    private var rng: SeededRandom
    private var counter = 0

    public init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    /// The next input, cycling through every kind.
    public mutating func next() -> (kind: Kind, bytes: [UInt8]) {
        let kind = Kind.allCases[counter % Kind.allCases.count]
        counter += 1
        return (kind, input(kind))
    }

    /// One input of the given kind.
    public mutating func input(_ kind: Kind) -> [UInt8] {
        switch kind {
        case .randomBytes: return randomBytes()
        case .keywordSoup: return Array(keywordSoup().utf8)
        case .braceSoup: return Array(braceSoup().utf8)
        case .deepNesting: return Array(deepNesting().utf8)
        case .hugeLines: return Array(hugeLines().utf8)
        case .nulBytes: return nulBytes()
        case .unterminatedQuotes: return Array(unterminatedQuotes().utf8)
        case .selfReferentialDefinitions: return Array(selfReferentialDefinitions().utf8)
        case .hugeSequences: return Array(hugeSequences().utf8)
        case .mutatedConfig: return Array(mutatedConfig().utf8)
        }
    }

    // MARK: - Kinds

    private mutating func randomBytes() -> [UInt8] {
        let alphabet = Array("{}\"\\#!$@~ \t\n\r=(),;".utf8)
        return (0..<rng.int(0...2048)).map { _ in
            rng.chance(40) ? rng.pick(alphabet) : UInt8(truncatingIfNeeded: rng.next())
        }
    }

    private mutating func word() -> String {
        switch rng.int(0...9) {
        case 0...4: return rng.pick(ConfigFuzzer.keywords)
        case 5: return String(rng.int(-5...70000))
        case 6: return rng.pick(["{", "}", "\"", "\"a b\"", "!", "#", "\\", "$X", "${Y}", "@lab1", "@^lab1", "~SEQ(i,3)"])
        case 7: return rng.pick(["eth0", "lo", "eth9", "10.0.0.1", "10.0.0.1/24", "fe80::1", "::1/128", "VI_1", "G1"])
        case 8: return rng.pick(ConfigMutation.badNumbers + ConfigMutation.badBools)
        default: return rng.pick(["true", "false", "yes", "no", "on", "off", "dev", "via", "weight", "reverse"])
        }
    }

    private mutating func keywordSoup() -> String {
        (0..<rng.int(1...120)).map { _ in
            (0..<rng.int(1...6)).map { _ in word() }.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }

    private mutating func braceSoup() -> String {
        let pieces = ["{", "}", "{ }", "}}", "{{", "\n", " ", "vrrp_instance V", "global_defs", "virtual_server 10.0.0.1 80",
                      "real_server 10.0.0.2 80", "TCP_CHECK", "vrrp_script s", "virtual_ipaddress", "track_interface"]
        return (0..<rng.int(1...300)).map { _ in rng.pick(pieces) }.joined(separator: rng.chance(50) ? " " : "\n") + "\n"
    }

    private mutating func deepNesting() -> String {
        let depth = rng.int(10...1500)
        let opener = rng.pick(["vrrp_instance V {", "global_defs {", "{", "virtual_server 10.0.0.1 80 {", "virtual_ipaddress {"])
        var text = String(repeating: opener + "\n", count: depth)
        if rng.chance(70) { text += String(repeating: "}\n", count: rng.int(0...depth + 5)) }
        return text
    }

    private mutating func hugeLines() -> String {
        var lines: [String] = []
        for _ in 0..<rng.int(1...3) {
            let length = rng.int(900...3000)
            let filler = rng.pick(["a", "x ", "10.0.0.1 ", "{", "\"", "$A", "# ", "priority 100 "])
            var line = rng.pick(ConfigFuzzer.keywords) + " "
            while line.utf8.count < length { line += filler }
            lines.append(line)
            if rng.chance(50) { lines.append(rng.pick(ConfigFuzzer.keywords) + " 1") }
        }
        return lines.joined(separator: "\n") + (rng.chance(80) ? "\n" : "")
    }

    private mutating func nulBytes() -> [UInt8] {
        var bytes = Array(keywordSoup().utf8)
        for _ in 0..<rng.int(1...20) {
            bytes.insert(0, at: rng.int(0...bytes.count))
        }
        return bytes
    }

    private mutating func unterminatedQuotes() -> String {
        (0..<rng.int(1...40)).map { _ in
            let keyword = rng.pick(ConfigFuzzer.keywords)
            switch rng.int(0...3) {
            case 0: return "\(keyword) \"open"
            case 1: return "\(keyword) \"a\" \"b"
            case 2: return "\(keyword) \"{\" } \""
            default: return "\(keyword) 'single \"x\\\" y"
            }
        }.joined(separator: "\n") + "\n"
    }

    private mutating func selfReferentialDefinitions() -> String {
        var lines = [
            "$A=$A", "$B=$C", "$C=$B x", "$D=${D}${D}", "$E=$E$E$E$E", "$M= \\", "  $M \\", "  $M",
            "$P=${P 1}", "$Q=$_RANDOM", "$R=$", "${", "$=1", "$ A=1",
        ]
        lines.shuffle(using: &rng)
        lines = Array(lines.prefix(rng.int(2...6)))
        let uses = ["$A", "$B", "${C}", "$D", "$E", "$M", "$P", "${Q}", "${R}", "vrrp_instance $A {", "priority $D", "$UNDEFINED"]
        for _ in 0..<rng.int(1...12) {
            lines.insert(rng.pick(uses), at: rng.int(0...lines.count))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func hugeSequences() -> String {
        let forms = [
            "~SEQ(i, 0, 1, \(rng.int(2_000_000...2_000_000_000))) vrrp_instance V$i",
            "~SEQ(i, \(Int64.max))",
            "~SEQ(i, -9223372036854775807, 1, 9223372036854775807) x $i",
            "~SEQ(i, 1, 0, 10) x",
            "~SEQ(i, 10, 1, 1) x",
            "~SEQx(i, -1, 5) x",
            "~SEQ(i, \(rng.int(1...50))) ~SEQ(j, \(rng.int(1...50))) $X=$i.$j",
            "~SEQ(i, 3) ~SEQ(j, 3) ~SEQ(k, 3) ~LST(v, a, b) n $i $j $k $v",
            "~LST(v, \(String(repeating: "a,", count: rng.int(1...300)))z) $v",
            "~SEQ(i, 1000000000, -7, -1000000000) x",
            "~SEQ(", "~SEQ(i", "~SEQ(i,)", "~LST(", "~LST({a,b}, {1}, {2,3,4}) $a", "~XYZ(i, 1) x",
        ]
        return (0..<rng.int(1...4)).map { _ in rng.pick(forms) }.joined(separator: "\n") + "\n"
    }

    private mutating func mutatedConfig() -> String {
        var text = rng.pick(ConfigFuzzer.seedConfigs)
        for _ in 0..<rng.int(1...4) {
            let mutation = rng.pick(ConfigMutation.allCases)
            var stream = SeededRandom(seed: rng.next())
            if let mutated = mutation.apply(to: text, using: &stream) { text = mutated }
        }
        return text
    }
}
