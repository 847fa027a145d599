/// One word of a configuration line, quotes removed, with the column it started at.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var column: Int

    public init(_ text: String, column: Int = 1) {
        self.text = text
        self.column = column
    }

    public var description: String { text }
}

enum Tokenizer {
    /// keepalived's ordinary tokeniser (alloc_strvec): words split on white space; a word starting
    /// with `"` runs to the next `"` (no escapes); a `"` also ends an unquoted word.
    /// Returns nil for an unmatched quote, with the words before it in `partial`.
    static func words(_ bytes: [UInt8], firstColumn: Int) -> (tokens: [Token], unmatchedQuote: Bool) {
        var tokens: [Token] = []
        var i = 0
        let n = bytes.count
        while true {
            while i < n, isWhite(bytes[i]) { i += 1 }
            guard i < n else { break }
            let column = firstColumn + i
            if bytes[i] == UInt8(ascii: "\"") {
                let start = i + 1
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else {
                    return (tokens, true)
                }
                tokens.append(Token(String(decoding: bytes[start..<end], as: UTF8.self), column: column))
                i = end + 1
            } else {
                let start = i
                while i < n, !isWhite(bytes[i]), bytes[i] != UInt8(ascii: "\"") { i += 1 }
                tokens.append(Token(String(decoding: bytes[start..<i], as: UTF8.self), column: column))
            }
        }
        return (tokens, false)
    }

    @inline(__always)
    static func isWhite(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0c || c == 0x0d || c == 0x0b
    }

    enum ScriptError: Error, Equatable {
        case missingQuote(Character)
        case escapeAtEnd
    }

    /// keepalived's script tokeniser (alloc_strvec_quoted_escaped): `"` and `'` both quote and may
    /// join onto unquoted text; backslash escapes (\n, \t, \xHH, \ooo, \cC, \C) work everywhere.
    static func scriptWords(_ text: String) -> Result<[String], ScriptError> {
        let bytes = Array(text.utf8)
        var words: [String] = []
        var i = 0
        let n = bytes.count
        var quote: UInt8 = 0
        while i < n {
            while i < n, isWhite(bytes[i]) { i += 1 }
            guard i < n else { break }
            var word: [UInt8] = []
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "\\") {
                    i += 1
                    guard i < n else { return .failure(.escapeAtEnd) }
                    let e = bytes[i]
                    if e == UInt8(ascii: "x"), i + 1 < n, LineSequence.hexValue(bytes[i + 1]) != nil {
                        var value: UInt8 = 0
                        i += 1
                        while i < n, let digit = LineSequence.hexValue(bytes[i]) {
                            value = value &<< 4 | UInt8(digit)
                            i += 1
                        }
                        word.append(value)
                    } else if e == UInt8(ascii: "c"), i + 1 < n {
                        word.append(bytes[i + 1] & 0x1f)
                        i += 2
                    } else if e >= UInt8(ascii: "0"), e <= UInt8(ascii: "7") {
                        var value = e - UInt8(ascii: "0")
                        i += 1
                        for _ in 0..<2 where i < n && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "7") {
                            value = value &<< 3 &+ (bytes[i] - UInt8(ascii: "0"))
                            i += 1
                        }
                        word.append(value)
                    } else {
                        let map: [UInt8: UInt8] = [
                            UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "E"): 0x1b, UInt8(ascii: "f"): 0x0c,
                            UInt8(ascii: "n"): 0x0a, UInt8(ascii: "r"): 0x0d, UInt8(ascii: "t"): 0x09, UInt8(ascii: "v"): 0x0b,
                        ]
                        word.append(map[e] ?? e)
                        i += 1
                    }
                    continue
                }
                if quote != 0 {
                    if c == quote { quote = 0 } else { word.append(c) }
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                    i += 1
                    continue
                }
                if isWhite(c) { break }
                word.append(c)
                i += 1
            }
            if quote != 0 { return .failure(.missingQuote(Character(Unicode.Scalar(quote)))) }
            words.append(String(decoding: word, as: UTF8.self))
        }
        return .success(words)
    }
}
