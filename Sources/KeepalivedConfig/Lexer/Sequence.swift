/// `~SEQ(var, start, step, end) text` and `~LST(var, v1, v2, ...) text` line generators.
struct LineSequence {
    enum Values {
        case numbers(next: Int, step: Int, last: Int, hex: Bool)
        /// Each entry assigns one value to each variable, in order.
        case lists(variables: [[UInt8]], sets: [[[UInt8]]], next: Int)
    }

    var variable: [UInt8]
    var values: Values
    /// The text each generated line is made from.
    var text: [UInt8]

    /// The assignments for the next line, and whether this sequence is now exhausted.
    mutating func next() -> (assignments: [([UInt8], [UInt8])], done: Bool) {
        switch values {
        case let .numbers(next, step, last, hex):
            let value = Array((hex ? String(next, radix: 16) : String(next)).utf8)
            // A range ending at Int.min/Int.max must end there, not trap on the overflow.
            let (following, overflow) = next.addingReportingOverflow(step)
            values = .numbers(next: following, step: step, last: last, hex: hex)
            let done = overflow || (step > 0 ? following > last : following < last)
            return ([(variable, value)], done)
        case let .lists(variables, sets, next):
            let set = sets[next]
            values = .lists(variables: variables, sets: sets, next: next + 1)
            return (Array(zip(variables, set)), next + 1 >= sets.count)
        }
    }

    /// How many lines this sequence still generates (saturating at UInt64.max).
    var remainingCount: UInt64 {
        switch values {
        case let .numbers(next, step, last, _):
            guard step != 0, step > 0 ? next <= last : next >= last else { return 1 }
            let distance = step > 0 ? UInt64(bitPattern: Int64(last &- next)) : UInt64(bitPattern: Int64(next &- last))
            let (count, overflow) = (distance / UInt64(step.magnitude)).addingReportingOverflow(1)
            return overflow ? UInt64.max : count
        case let .lists(_, sets, next):
            return UInt64(Swift.max(1, sets.count - next))
        }
    }

    private static let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]

    private static func skipBlanks(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, blank.contains(b[i]) { i += 1 }
    }

    /// strtol(p, &end, 0): optional sign, then decimal, 0x hex or 0 octal digits.
    static func strtol(_ b: [UInt8], _ i: inout Int) -> Int {
        skipBlanks(b, &i)
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var radix = 10
        if i + 1 < b.count, b[i] == UInt8(ascii: "0"), b[i + 1] | 0x20 == UInt8(ascii: "x"),
           i + 2 < b.count, hexValue(b[i + 2]) != nil {
            radix = 16
            i += 2
        } else if i < b.count, b[i] == UInt8(ascii: "0") {
            radix = 8
        }
        // Like strtol, out-of-range values saturate at Int.min/Int.max instead of wrapping.
        var magnitude: UInt64 = 0
        while i < b.count, let digit = hexValue(b[i]), digit < radix {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            magnitude = o1 || o2 ? UInt64.max : sum
            i += 1
        }
        if negative { return magnitude >= UInt64(Int.max) + 1 ? Int.min : -Int(magnitude) }
        return magnitude > UInt64(Int.max) ? Int.max : Int(magnitude)
    }

    static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    enum ParseError: Error { case invalid, invalidValues, hexNegative, tooLong, multiline }

    /// Parses `~SEQ[x](...)` with its parameters already expanded by `expand`.
    static func parseSEQ(_ line: [UInt8], expand: ([UInt8]) -> [UInt8]?) throws(ParseError) -> LineSequence {
        var p = 4
        var hex = false
        if p < line.count, line[p] == UInt8(ascii: "x") { hex = true; p += 1 }
        skipBlanks(line, &p)
        guard p < line.count, line[p] == UInt8(ascii: "(") else { throw .invalid }
        p += 1
        skipBlanks(line, &p)
        let varStart = p
        while p < line.count, !blank.contains(line[p]), line[p] != UInt8(ascii: ","), line[p] != UInt8(ascii: ")") { p += 1 }
        let variable = Array(line[varStart..<p])
        skipBlanks(line, &p)
        guard p < line.count, line[p] != UInt8(ascii: ")"), p != varStart else { throw .invalid }
        p += 1
        skipBlanks(line, &p)
        guard let close = line[p...].firstIndex(of: UInt8(ascii: ")")) else { throw .invalid }
        let parameterText = Array(line[p...close])
        guard parameterText.count + 1 <= 64 else { throw .tooLong }
        guard let expanded = expand(parameterText) else { throw .multiline }

        var q = 0
        let start: Int, step: Int, end: Int
        let one = strtol(expanded, &q)
        skipBlanks(expanded, &q)
        if q < expanded.count, expanded[q] == UInt8(ascii: ")") {
            end = one
            step = end < 1 ? -1 : 1
            start = end < 0 ? -1 : 1
        } else {
            guard q < expanded.count, expanded[q] == UInt8(ascii: ",") else { throw .invalid }
            q += 1
            let two = strtol(expanded, &q)
            skipBlanks(expanded, &q)
            if q < expanded.count, expanded[q] == UInt8(ascii: ")") {
                start = one
                end = two
                step = start <= end ? 1 : -1
            } else {
                guard q < expanded.count, expanded[q] == UInt8(ascii: ",") else { throw .invalid }
                q += 1
                let three = strtol(expanded, &q)
                skipBlanks(expanded, &q)
                guard q < expanded.count, expanded[q] == UInt8(ascii: ")") else { throw .invalid }
                start = one
                step = two
                end = three
                if step == 0 || (start < end && step < 0) || (start > end && step > 0) { throw .invalidValues }
            }
        }
        if hex && (start < 0 || end < 0) { throw .hexNegative }
        var textStart = close + 1
        skipBlanks(line, &textStart)
        return LineSequence(
            variable: variable, values: .numbers(next: start, step: step, last: end, hex: hex),
            text: Array(line[textStart...]))
    }

    /// Parses `~LST(var, v1, v2) text` or `~LST({a,b}, {1,2}, {3,4}) text`.
    static func parseLST(_ line: [UInt8]) -> LineSequence? {
        var p = 4
        let stopNames: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "}")]
        let stopValues = stopNames.union([UInt8(ascii: ")")])
        func at(_ i: Int) -> UInt8 { i < line.count ? line[i] : 0 }

        skipBlanks(line, &p)
        guard at(p) == UInt8(ascii: "(") else { return nil }
        p += 1
        skipBlanks(line, &p)
        var endChar = UInt8(ascii: ",")
        if at(p) == UInt8(ascii: "{") {
            endChar = UInt8(ascii: "}")
            p += 1
            skipBlanks(line, &p)
        }
        var variables: [[UInt8]] = []
        while true {
            let start = p
            while p < line.count, !stopNames.contains(line[p]) { p += 1 }
            variables.append(Array(line[start..<p]))
            skipBlanks(line, &p)
            if at(p) == endChar { break }
            guard at(p) == UInt8(ascii: ",") else { return nil }
            p += 1
            skipBlanks(line, &p)
        }
        if at(p) == UInt8(ascii: "}") {
            p += 1
            skipBlanks(line, &p)
        }
        guard at(p) == UInt8(ascii: ",") else { return nil }
        p += 1
        skipBlanks(line, &p)

        var sets: [[[UInt8]]] = []
        while true {
            var setEnd = UInt8(ascii: ",")
            if at(p) == UInt8(ascii: "{") {
                setEnd = UInt8(ascii: "}")
                p += 1
                skipBlanks(line, &p)
            }
            var set: [[UInt8]] = []
            while true {
                let start = p
                while p < line.count, !stopValues.contains(line[p]) { p += 1 }
                set.append(Array(line[start..<p]))
                skipBlanks(line, &p)
                if at(p) == setEnd || (at(p) == UInt8(ascii: ")") && setEnd == UInt8(ascii: ",")) { break }
                guard at(p) == UInt8(ascii: ",") else { return nil }
                p += 1
                skipBlanks(line, &p)
                guard set.count <= variables.count - 1 else { return nil }
            }
            while set.count < variables.count { set.append([]) }
            sets.append(set)
            if at(p) == UInt8(ascii: "}") && setEnd == UInt8(ascii: "}") {
                p += 1
                skipBlanks(line, &p)
            }
            if at(p) == UInt8(ascii: ")") { break }
            guard at(p) == UInt8(ascii: ",") else { return nil }
            p += 1
            skipBlanks(line, &p)
        }
        guard !variables.isEmpty, !sets.isEmpty else { return nil }
        p += 1
        skipBlanks(line, &p)
        return LineSequence(
            variable: variables[0], values: .lists(variables: variables, sets: sets, next: 0),
            text: p < line.count ? Array(line[p...]) : [])
    }
}
