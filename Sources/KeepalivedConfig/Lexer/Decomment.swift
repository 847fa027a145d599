/// keepalived's per-line clean-up: comments, `\#`/`\!` escapes and surrounding blanks.
enum Decomment {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    static let hash = UInt8(ascii: "#"), bang = UInt8(ascii: "!")

    struct Result {
        /// Bytes removed from the front (leading blanks), to keep columns right.
        var leadingTrim: Int
        var unterminatedQuote: Bool
    }

    /// Removes leading blanks, the comment (`#` or `!` outside double quotes), the backslash of
    /// `\#`/`\!` outside quotes, and trailing blanks; a trailing `\` (continuation) is kept with
    /// the blanks before it removed.
    static func apply(_ line: inout [UInt8]) -> Result {
        var start = 0
        while start < line.count, line[start] == space || line[start] == tab { start += 1 }
        if start > 0 { line.removeFirst(start) }

        var inQuote = false
        var continuation = false
        var commentAt: Int?
        var i = 0
        while i < line.count {
            let c = line[i]
            if c == quote {
                if commentAt == nil { inQuote.toggle() }
                i += 1
            } else if c == backslash {
                if i + 1 < line.count {
                    if !inQuote, line[i + 1] == hash || line[i + 1] == bang {
                        line.remove(at: i)
                        i += 1
                    } else {
                        i += 2
                    }
                    continue
                }
                line.removeLast()
                continuation = true
                break
            } else {
                if !inQuote, commentAt == nil, c == bang || c == hash { commentAt = i }
                i += 1
            }
        }
        if let commentAt { line.removeSubrange(commentAt...) }
        while let last = line.last, last == space || last == tab { line.removeLast() }
        if continuation { line.append(backslash) }
        return Result(leadingTrim: start, unterminatedQuote: inQuote)
    }
}
