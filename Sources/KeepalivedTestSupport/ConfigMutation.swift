/// Small, deterministic edits that turn a valid keepalived.conf into a slightly broken one, the
/// kind of mistake an operator makes; used by the keepalived oracle tests, the fuzz test and the bench.
public enum ConfigMutation: String, CaseIterable, Sendable {
    case deleteLine, duplicateLine, dropBrace, insertBrace, badNumber, misspellKeyword, dropArgument
    case swapLines, bogusKeyword, badBool, truncateQuote

    /// Numbers that keepalived's number readers reject or clamp: out of range, negative, garbage.
    static let badNumbers = [
        "-1", "0", "256", "65536", "4294967296", "99999999999999999999", "-2147483649", "1e3", "0x1G",
        "12abc", "abc", "1.5.3", "+", "-", "007", "3.14159",
    ]

    /// Words that are not keepalived's true/false spellings.
    static let badBools = ["maybe", "yess", "2", "nope", "TRUE1", "-"]

    /// Keywords keepalived does not know, at any level.
    static let bogusKeywords = ["frobnicate", "vrrp_instanse", "priority_boost", "global_def", "real_servers", "X"]

    /// The text with this mutation applied, chosen by `rng`; nil if the text has nothing to mutate
    /// in this way (for example no number for `badNumber`).
    public func apply(to text: String, using rng: inout SeededRandom) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // Lines with content (not blank, not whole-line comments) are the ones worth editing.
        let content = lines.indices.filter { index in
            let trimmed = lines[index].drop(while: { $0 == " " || $0 == "\t" })
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("!")
        }
        guard !content.isEmpty else { return nil }
        func candidates(_ predicate: (String) -> Bool) -> [Int] { content.filter { predicate(lines[$0]) } }

        switch self {
        case .deleteLine:
            lines.remove(at: rng.pick(content))
        case .duplicateLine:
            let i = rng.pick(content)
            lines.insert(lines[i], at: i)
        case .dropBrace:
            let braces = candidates { $0.contains("{") || $0.contains("}") }
            guard !braces.isEmpty else { return nil }
            let i = rng.pick(braces)
            let positions = lines[i].indices.filter { lines[i][$0] == "{" || lines[i][$0] == "}" }
            lines[i].remove(at: rng.pick(positions))
        case .insertBrace:
            let i = rng.pick(content)
            let brace = rng.chance(50) ? "{" : "}"
            if rng.chance(50) { lines.insert(brace, at: i) } else { lines[i] += " " + brace }
        case .badNumber:
            let numeric = candidates { ConfigMutation.words($0).dropFirst().contains(where: ConfigMutation.isNumber) }
            guard !numeric.isEmpty else { return nil }
            let i = rng.pick(numeric)
            var words = ConfigMutation.words(lines[i])
            let positions = words.indices.dropFirst().filter { ConfigMutation.isNumber(words[$0]) }
            words[rng.pick(Array(positions))] = rng.pick(ConfigMutation.badNumbers)
            lines[i] = ConfigMutation.indentation(lines[i]) + words.joined(separator: " ")
        case .misspellKeyword:
            let keyworded = candidates { ($0.split(separator: " ").first?.count ?? 0) > 2 && !$0.contains("\"") }
            guard !keyworded.isEmpty else { return nil }
            let i = rng.pick(keyworded)
            var words = ConfigMutation.words(lines[i])
            guard var keyword = words.first.map(Array.init), keyword.count > 2, keyword[0] != "{", keyword[0] != "}" else { return nil }
            let p = rng.index(keyword.count - 1)
            switch rng.int(0...2) {
            case 0: keyword.swapAt(p, p + 1)
            case 1: keyword.remove(at: p)
            default: keyword.insert(keyword[p], at: p)
            }
            if String(keyword) == words[0] { keyword.append("x") }
            words[0] = String(keyword)
            lines[i] = ConfigMutation.indentation(lines[i]) + words.joined(separator: " ")
        case .dropArgument:
            let withArguments = candidates {
                let words = ConfigMutation.words($0).filter { $0 != "{" && $0 != "}" }
                return words.count >= 2 && !$0.contains("\"")
            }
            guard !withArguments.isEmpty else { return nil }
            let i = rng.pick(withArguments)
            var words = ConfigMutation.words(lines[i])
            let trailingBrace = words.last == "{" ? words.removeLast() : nil
            words.removeLast()
            if let trailingBrace { words.append(trailingBrace) }
            lines[i] = ConfigMutation.indentation(lines[i]) + words.joined(separator: " ")
        case .swapLines:
            guard content.count >= 2 else { return nil }
            let a = rng.index(content.count - 1)
            lines.swapAt(content[a], content[a + 1])
        case .bogusKeyword:
            let i = rng.pick(content)
            let word = rng.pick(ConfigMutation.bogusKeywords)
            lines.insert(ConfigMutation.indentation(lines[i]) + word + (rng.chance(30) ? " 1" : ""), at: i)
        case .badBool:
            let bools: Set<String> = ["true", "false", "yes", "no", "on", "off"]
            var found = candidates { ConfigMutation.words($0).dropFirst().contains(where: bools.contains) }
            if found.isEmpty {
                // keepalived's flag keywords take an optional bool: give one a bad word instead.
                found = candidates { ConfigMutation.words($0).count == 1 && ConfigMutation.words($0)[0].count > 1 }
            }
            guard !found.isEmpty else { return nil }
            let i = rng.pick(found)
            var words = ConfigMutation.words(lines[i])
            if let position = words.indices.dropFirst().first(where: { bools.contains(words[$0]) }) {
                words[position] = rng.pick(ConfigMutation.badBools)
            } else {
                words.append(rng.pick(ConfigMutation.badBools))
            }
            lines[i] = ConfigMutation.indentation(lines[i]) + words.joined(separator: " ")
        case .truncateQuote:
            let quoted = candidates { $0.contains("\"") }
            if quoted.isEmpty {
                let i = rng.pick(content)
                lines[i] += " \"unterminated"
            } else {
                let i = rng.pick(quoted)
                let line = lines[i]
                let open = line.firstIndex(of: "\"")!
                let rest = line[line.index(after: open)...]
                let keep = rest.isEmpty ? 0 : rng.int(0...Swift.max(0, rest.count - 2))
                lines[i] = String(line[...open]) + String(rest.prefix(keep))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `count` mutants of `text`, the same for the same `name` and `seed`: the mutations are used
    /// in turn, each with its own stream of choices.
    public static func mutants(of text: String, name: String, seed: UInt64, count: Int) -> [(label: String, text: String)] {
        var rng = SeededRandom(seed: seed ^ SeededRandom.hash(name))
        var result: [(String, String)] = []
        var attempts = 0
        while result.count < count && attempts < count * 4 {
            let mutation = allCases[attempts % allCases.count]
            attempts += 1
            var stream = SeededRandom(seed: rng.next())
            if let mutated = mutation.apply(to: text, using: &stream), mutated != text {
                result.append(("\(name)~\(mutation.rawValue)#\(attempts)", mutated))
            }
        }
        return result
    }

    static func words(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    static func indentation(_ line: String) -> String {
        String(line.prefix(while: { $0 == " " || $0 == "\t" }))
    }

    static func isNumber(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
