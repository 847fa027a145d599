/// Reads logical lines against keyword tables, the way keepalived's process_stream does, and lets
/// keyword handlers build the Configuration.
final class ConfigParser {
    let host: any ConfigHost
    let reader: LineReader
    /// The configuration under construction; handlers append blocks and edit the last one.
    var config = Configuration()
    private(set) var diagnostics: [Diagnostic] = []
    /// knownNames' memo: per list, a signature of its state and the names.
    var nameCache: [AnyKeyPath: NameMemo] = [:]
    /// Set when keepalived would have exited at once (a keyword missing a required parameter).
    var abortedLikeKeepalived = false

    private var keywordLevel = 0
    /// The block keywords enclosing the current line, outermost first.
    private var blockPath: [String] = []
    /// `blockPath` joined with dots and a trailing dot ("" at the root), kept in step with it.
    private var blockPrefix = ""
    var reportUnsupported = true
    /// Per keyword table and keyword: its path, whether the daemon acts on it, and its uses.
    private var uses: [ObjectIdentifier: [String: KeywordUse]] = [:]
    private var unsupportedOrder: [KeywordUse] = []
    /// keepalived's skip_sublevel: -1 waiting for the '{' of a skipped block, >0 braces still open.
    private var skipSublevel = 0

    init(host: any ConfigHost, configID: String, includeCheck: IncludeChecks) {
        self.host = host
        let box = DiagnosticBox()
        self.reader = LineReader(host: host, configID: configID, includeCheck: includeCheck) { box.diagnostics.append($0) }
        self.box = box
    }

    private let box: DiagnosticBox
    private final class DiagnosticBox { var diagnostics: [Diagnostic] = [] }

    /// All diagnostics so far, from the reader and the handlers, in the order they arose.
    func collectDiagnostics() -> [Diagnostic] {
        flushReaderDiagnostics()
        return diagnostics
    }

    private func flushReaderDiagnostics() {
        if !box.diagnostics.isEmpty {
            diagnostics += box.diagnostics
            box.diagnostics.removeAll()
        }
    }

    // MARK: - Reporting

    func report(_ diagnostic: Diagnostic) {
        flushReaderDiagnostics()
        diagnostics.append(diagnostic)
    }

    /// An error keepalived also reports, at a word of a line.
    func error(
        _ message: String, _ line: KeywordLine, word: Int = 0, class cls: ConfigErrorClass = .generalError,
        hint: String? = nil
    ) {
        report(Diagnostic(.error, message, at: line.location(of: word), keyword: line.keyword, hint: hint, class: cls))
    }

    /// A warning keepalived also reports through its configuration error channel.
    func warning(
        _ message: String, _ line: KeywordLine, word: Int = 0, class cls: ConfigErrorClass? = .warning, hint: String? = nil
    ) {
        report(Diagnostic(.warning, message, at: line.location(of: word), keyword: line.keyword, hint: hint, class: cls))
    }

    /// Something keepalived only logs: shown to the operator, never part of the `-t` verdict.
    func note(_ message: String, _ line: KeywordLine, word: Int = 0, hint: String? = nil) {
        report(Diagnostic(.warning, message, at: line.location(of: word), keyword: line.keyword, hint: hint))
    }

    /// An error at the current reader position (no keyword line at hand).
    func errorHere(_ message: String, class cls: ConfigErrorClass, hint: String? = nil) {
        report(Diagnostic(.error, message, at: reader.location.line > 0 ? reader.location : nil, hint: hint, class: cls))
    }

    /// A required parameter is missing: keepalived reports it and exits with status 2.
    func missingParameter(_ line: KeywordLine, at index: Int) {
        abortedLikeKeepalived = true
        let after = index > 0 && index - 1 < line.count ? " after keyword `\(line.tokens[index - 1].text)`" : ""
        error(
            "Configuration line starting `\(line.keyword)` is missing a parameter\(after) at word position \(index + 1)",
            line, word: Swift.min(index, line.count - 1), class: .missingParameter,
            hint: "add the missing value; keepalived 2.2.7 stops at this line")
    }

    /// The word at `index`, or a missing-parameter report (keepalived's strvec_slot).
    func argument(_ line: KeywordLine, _ index: Int) -> String? {
        if let word = line[index] { return word }
        missingParameter(line, at: index)
        return nil
    }

    // MARK: - Lines

    /// The next line split into words, or nil at the end. Unmatched quotes are reported.
    func nextLine() -> KeywordLine? {
        while let line = reader.readLine() {
            let (tokens, unmatched) = Tokenizer.words(line.bytes, firstColumn: line.location.column)
            if unmatched {
                errorHere("Unmatched quote: '\(line.text)'", class: .unmatchedQuote, hint: "close the double quote")
            }
            guard !tokens.isEmpty else { continue }
            var location = line.location
            location.column = tokens[0].column
            return KeywordLine(tokens: tokens, location: location, rawBytes: line.bytes)
        }
        return nil
    }

    // MARK: - The keyword loop

    /// Runs the keyword loop for one level (keepalived's process_stream). Returns true when a
    /// skipped block ended this level early.
    @discardableResult
    func process(_ table: KeywordTable, needBlockStart initialNeed: Bool) -> Bool {
        var needBlockStart = initialNeed
        while let line = nextLine() {
            var word = line.tokens[0].text

            if skipSublevel == -1 {
                if word == "{" {
                    skipSublevel = 1
                    needBlockStart = false
                    continue
                }
                skipSublevel = 0
            }
            if skipSublevel != 0 {
                for token in line.tokens {
                    word = token.text
                    if word == "{" {
                        skipSublevel += 1
                    } else if word == "}" {
                        skipSublevel -= 1
                        if skipSublevel == 0 { break }
                    }
                }
                if word == "}" && skipSublevel == 0 && keywordLevel > 0 { return true }
                continue
            }

            if needBlockStart {
                needBlockStart = false
                if word == "{" && keywordLevel > 0 { continue }
                error("Missing '{' at beginning of configuration block", line, class: .missingBlockStart,
                      hint: "put '{' after the block keyword")
            } else if word == "{" {
                error("Unexpected '{' - ignoring", line, class: .unexpectedBlockStart, hint: "remove the extra '{'")
                continue
            }

            if word == "}" && keywordLevel > 0 { return false }

            guard let entry = table[word] else {
                error("Unknown keyword '\(word)'", line, class: .unknownKeyword,
                      hint: suggestion(for: word, in: table))
                continue
            }

            var keywordLine = line
            var sublevelNeedsBlockStart = false
            if !entry.active {
                skipSublevel = keywordLine.tokens.last?.text == "{" ? 1 : -1
            }
            if entry.sublevel != nil {
                if keywordLine.tokens.last?.text == "{" {
                    keywordLine.tokens.removeLast()
                } else {
                    sublevelNeedsBlockStart = true
                }
            }
            if entry.active && reportUnsupported { noteUse(of: word, in: table, at: line.location) }
            if entry.active, let handler = entry.handler { handler(self, keywordLine) }
            if let sublevel = entry.sublevel {
                keywordLevel += 1
                blockPath.append(word)
                let outerPrefix = blockPrefix
                blockPrefix += word + "."
                let skipped = process(sublevel, needBlockStart: sublevelNeedsBlockStart)
                blockPath.removeLast()
                blockPrefix = outerPrefix
                keywordLevel -= 1
                if !skipped, entry.active, let close = entry.close { close(self) }
            }
        }
        return false
    }

    private func noteUse(of keyword: String, in table: KeywordTable, at location: SourceLocation) {
        let tableID = ObjectIdentifier(table)
        if let use = uses[tableID]?[keyword] {
            if !use.supported { use.count += 1 }
            return
        }
        let path = blockPrefix + keyword
        let use = KeywordUse(path: path, supported: FeatureSupport.isSupported(path), first: location)
        uses[tableID, default: [:]][keyword] = use
        if !use.supported { unsupportedOrder.append(use) }
    }

    /// One warning per keyword the daemon does not act on yet, at its first use.
    func reportUnsupportedKeywords() {
        for use in unsupportedOrder {
            let path = use.path
            let times = use.count == 1 ? "" : " (used \(use.count) times; first use here)"
            report(Diagnostic(
                .warning, "'\(path)' is accepted but not supported yet\(times)", at: use.first,
                keyword: path.split(separator: ".").last.map(String.init),
                hint: "the daemon reads it but does not act on it in this version"))
        }
        uses.removeAll()
        unsupportedOrder.removeAll()
    }

    /// Whether unknown keywords get a "did you mean" (off for keepalived's extra per-process reads).
    var suggestKeywords = true
    /// Suggestions cost an edit distance per keyword of the level: a flood of garbage gets few.
    private var suggestionsLeft = 200

    /// "did you mean" for an unknown keyword: the closest keyword of the same level.
    private func suggestion(for word: String, in table: KeywordTable) -> String {
        let fallback = "remove it, or check that it belongs in this block"
        guard suggestKeywords, suggestionsLeft > 0, word != "{", word != "}", word.utf8.count <= 48 else { return fallback }
        suggestionsLeft -= 1
        var best: (String, Int)?
        let length = word.utf8.count
        for name in table.names where abs(name.utf8.count - length) <= Swift.max(2, name.utf8.count / 4) {
            let distance = EditDistance.between(word, name)
            if distance <= Swift.max(2, name.count / 4), best == nil || distance < best!.1 { best = (name, distance) }
        }
        if let best { return "did you mean '\(best.0)'?" }
        return fallback
    }

    // MARK: - Value blocks

    /// Reads a `{ item ... }` list after a keyword, one line per item (keepalived's
    /// alloc_value_block): `item` gets each line's words.
    /// `unnamedBlock`: keepalived's virtual_server_group passes the reader a list whose first word is
    /// missing; a missing '{' then makes keepalived read that word and exit (status 2).
    func readValueBlock(_ line: KeywordLine, unnamedBlock: Bool = false, item: (KeywordLine) -> Void) {
        var needBlockStart = true
        if line.count > 1 {
            if line.tokens[1].text == "{" {
                needBlockStart = false
                if line.count > 2 {
                    var rest = line
                    rest.tokens = Array(line.tokens.dropFirst(2))
                    var closes = false
                    if rest.tokens.last?.text == "}" {
                        rest.tokens.removeLast()
                        closes = true
                    }
                    if !rest.tokens.isEmpty { item(rest) }
                    if closes { return }
                }
            } else {
                error("Block \(line.keyword) has extra parameters \(line.tokens[1].text) ...", line, word: 1,
                      hint: "put the values inside the braces")
            }
        }
        while var current = nextLine() {
            if needBlockStart {
                needBlockStart = false
                if current.tokens[0].text == "{" {
                    if current.count == 1 { continue }
                    current.tokens.removeFirst()
                } else if unnamedBlock {
                    abortedLikeKeepalived = true
                    error("Configuration line starting `***MISSING ***` is missing a parameter at word position 1", current,
                          class: .missingParameter, hint: "put '{' after \(line.keyword); keepalived 2.2.7 stops here")
                } else {
                    note("'{' missing from beginning of block \(line.keyword)", current, hint: "put '{' after \(line.keyword)")
                }
            }
            var closes = false
            if current.tokens.last?.text == "}" {
                if current.count == 1 { break }
                closes = true
                current.tokens.removeLast()
            }
            item(current)
            if closes { break }
        }
    }

    /// All the words of a `{ ... }` list after a keyword (keepalived's read_value_block).
    func readValueList(_ line: KeywordLine) -> [Token] {
        var words: [Token] = []
        readValueBlock(line) { words += $0.tokens }
        return words
    }

    /// Skips a block the parser does not need (keepalived's skip_block).
    func skipBlock(needBlockStart: Bool) {
        skipSublevel = needBlockStart ? -1 : 1
    }
}

/// Levenshtein distance, for keyword suggestions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// How often one keyword (at one place in the block structure) was used.
final class KeywordUse {
    let path: String
    let supported: Bool
    let first: SourceLocation
    var count = 1

    init(path: String, supported: Bool, first: SourceLocation) {
        self.path = path
        self.supported = supported
        self.first = first
    }
}
