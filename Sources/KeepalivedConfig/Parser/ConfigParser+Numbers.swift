/// keepalived's number readers (read_int, read_unsigned, read_decimal_unsigned, read_timer,
/// check_true_false): the same accepted forms, ranges and messages.
extension ConfigParser {
    /// An integer in `range` (strtol base 10), or nil after reporting why not.
    func readInt(_ line: KeywordLine, _ index: Int, _ range: ClosedRange<Int>) -> Int? {
        guard let text = argument(line, index) else { return nil }
        return readInt(text, range, line, word: index)
    }

    func readInt(_ text: String, _ range: ClosedRange<Int>, _ line: KeywordLine, word: Int) -> Int? {
        let parsed = NumberText.strtol(text, radix: 10)
        if !parsed.rest.isEmpty {
            error("invalid number '\(text)'", line, word: word, class: .invalidNumber, hint: "write a whole number")
        } else if parsed.overflow || parsed.value < Int(Int32.min) || parsed.value > Int(Int32.max) {
            error("number '\(text)' outside integer range", line, word: word, class: .invalidNumber)
        } else if !range.contains(parsed.value) {
            error("number '\(text)' outside range [\(range.lowerBound), \(range.upperBound)]", line, word: word,
                  class: .invalidNumber, hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        } else {
            return parsed.value
        }
        return nil
    }

    /// An unsigned integer in `range` (strtoul), or nil after reporting why not.
    func readUnsigned(_ line: KeywordLine, _ index: Int, _ range: ClosedRange<UInt64>, radix: Int = 10) -> UInt64? {
        guard let text = argument(line, index) else { return nil }
        return readUnsigned(text, range, line, word: index, radix: radix)
    }

    func readUnsigned(_ text: String, _ range: ClosedRange<UInt64>, _ line: KeywordLine, word: Int, radix: Int = 10, limit: UInt64 = UInt64(UInt32.max)) -> UInt64? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        let parsed = NumberText.strtoul(String(trimmed), radix: radix)
        if trimmed.first == "-" {
            error("negative number '\(text)'", line, word: word, class: .invalidNumber, hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        } else if !parsed.rest.isEmpty {
            error("invalid number '\(text)'", line, word: word, class: .invalidNumber, hint: "write a whole number")
        } else if parsed.overflow || parsed.value > limit {
            error("number '\(text)' outside unsigned integer range", line, word: word, class: .invalidNumber)
        } else if !range.contains(parsed.value) {
            error("number '\(text)' outside range [\(range.lowerBound), \(range.upperBound)]", line, word: word,
                  class: .invalidNumber, hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        } else {
            return parsed.value
        }
        return nil
    }

    /// A decimal fraction with at most `shift` decimal places, returned times 10^shift
    /// (read_decimal_unsigned). `range` is in the returned unit.
    func readDecimal(_ text: String, shift: Int, _ range: ClosedRange<UInt64>, _ line: KeywordLine, word: Int) -> UInt64? {
        switch NumberText.decimal(text, shift: shift) {
        case .negative:
            error("negative number '\(text)'", line, word: word, class: .invalidNumber)
            return nil
        case let .value(value, tooManyPlaces, valid, overflow):
            if tooManyPlaces {
                error("number '\(text)' has too many decimal places", line, word: word, class: .invalidNumber,
                      hint: "use at most \(shift) decimal places")
            }
            if !valid {
                error("invalid number '\(text)'", line, word: word, class: .invalidNumber, hint: "write a decimal number")
                return nil
            }
            if overflow {
                error("number '\(text)' outside unsigned decimal range", line, word: word, class: .invalidNumber)
                return nil
            }
            if !range.contains(value) {
                error("number '\(text)' outside range [\(NumberText.format(range.lowerBound, shift: shift)), \(NumberText.format(range.upperBound, shift: shift))]",
                      line, word: word, class: .invalidNumber)
                return nil
            }
            return value
        }
    }

    /// A TIMER (decimal seconds, microsecond resolution) in microseconds (read_timer).
    func readTimer(_ line: KeywordLine, _ index: Int, min: UInt64 = 0, max: UInt64 = 0) -> UInt64? {
        guard let text = argument(line, index) else { return nil }
        return readDecimal(text, shift: 6, min...(max == 0 ? UInt64.max - 1 : max), line, word: index)
    }

    /// on/true/yes or off/false/no (check_true_false); nil if the word is none of them.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "on", "yes": true
        case "false", "off", "no": false
        default: nil
        }
    }

    /// An optional BOOL after a keyword: absent means true; an invalid word is reported.
    func readOptionalBool(_ line: KeywordLine, _ index: Int = 1, default defaultValue: Bool = true) -> Bool? {
        guard let text = line[index] else { return defaultValue }
        if let value = ConfigParser.bool(text) { return value }
        error("invalid value '\(text)' for \(line.keyword)", line, word: index, hint: "use on/off, true/false or yes/no")
        return nil
    }
}

/// C-library number conversions, reimplemented so the pure modules need no Glibc.
enum NumberText {
    struct Parsed {
        var value: Int
        var rest: Substring
        var overflow: Bool
    }

    /// strtol: leading white space, optional sign, digits in `radix` (0 means C's prefixes).
    static func strtol(_ text: String, radix: Int) -> Parsed {
        let u = strtoul(text, radix: radix, signedLimit: true)
        return Parsed(value: u.negative ? -Int(clamping: u.value) : Int(clamping: u.value), rest: u.rest, overflow: u.overflow)
    }

    struct UnsignedParsed {
        var value: UInt64
        var rest: Substring
        var overflow: Bool
        var negative = false
    }

    static func strtoul(_ text: String, radix: Int, signedLimit: Bool = false) -> UnsignedParsed {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" { s.removeFirst() }
        let start = s
        var negative = false
        if let c = s.first, c == "-" || c == "+" {
            negative = c == "-"
            s.removeFirst()
        }
        var base = radix
        if (base == 0 || base == 16), s.hasPrefix("0x") || s.hasPrefix("0X"),
           s.dropFirst(2).first?.hexDigitValue != nil {
            s = s.dropFirst(2)
            base = 16
        } else if base == 0 {
            base = s.first == "0" ? 8 : 10
        }
        var value: UInt64 = 0
        var overflow = false
        var digits = 0
        while let c = s.first, let d = c.hexDigitValue, d < base, c.isASCII {
            let (m, o1) = value.multipliedReportingOverflow(by: UInt64(base))
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            value = a
            digits += 1
            s.removeFirst()
        }
        if digits == 0 { return UnsignedParsed(value: 0, rest: start, overflow: false) }
        if signedLimit && value > UInt64(Int64.max) + (negative ? 1 : 0) { overflow = true }
        if !signedLimit && negative { value = 0 &- value }
        return UnsignedParsed(value: value, rest: s, overflow: overflow, negative: negative)
    }

    enum Decimal {
        case negative
        case value(UInt64, tooManyPlaces: Bool, valid: Bool, overflow: Bool)
    }

    /// read_decimal_unsigned_long: up to `shift` decimal places (more are rounded and reported).
    static func decimal(_ text: String, shift: Int) -> Decimal {
        if text.first == "-" { return .negative }
        var integerPart = Substring(text)
        var fraction = Substring("")
        var tooMany = false
        var roundUp = false
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fraction = text[text.index(after: dot)...]
            if fraction.count > shift {
                tooMany = true
                let next = fraction[fraction.index(fraction.startIndex, offsetBy: shift)]
                roundUp = next >= "5"
                fraction = fraction.prefix(shift)
            }
        }
        let digits = String(integerPart) + String(fraction) + String(repeating: "0", count: shift - fraction.count)
        let parsed = strtoul(digits, radix: 10)
        var value = parsed.value
        if roundUp { value &+= 1 }
        return .value(value, tooManyPlaces: tooMany, valid: parsed.rest.isEmpty, overflow: parsed.overflow || parsed.negative)
    }

    /// `value` / 10^shift as `I.FFFFFF`.
    static func format(_ value: UInt64, shift: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<shift { scale *= 10 }
        let fraction = String(value % scale)
        return "\(value / scale).\(String(repeating: "0", count: shift - fraction.count))\(fraction)"
    }
}
