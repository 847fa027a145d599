/// Reaching the block being read (keepalived's list_last_entry on virtual servers, real servers
/// and checkers) and the small readers the checker keywords share.
extension ConfigParser {
    /// Edits the virtual server being read.
    func editVirtualServer(_ body: (inout VirtualServer) -> Void) {
        config.withLast(\.virtualServers, body)
    }

    /// Edits the real server being read.
    func editRealServer(_ body: (inout RealServer) -> Void) {
        config.withLast(\.virtualServers) { vs in
            guard !vs.realServers.isEmpty else { return }
            body(&vs.realServers[vs.realServers.count - 1])
        }
    }

    /// Edits the checker being read (the last one of the real server being read).
    func editChecker(_ body: (inout Checker) -> Void) {
        editRealServer { rs in
            guard !rs.checkers.isEmpty else { return }
            body(&rs.checkers[rs.checkers.count - 1])
        }
    }

    /// The checker being read, if any.
    var currentChecker: Checker? {
        config.virtualServers.last?.realServers.last?.checkers.last
    }

    /// Drops the checker being read (keepalived's dequeue_new_checker).
    func dropCurrentChecker() {
        editRealServer { rs in _ = rs.checkers.popLast() }
    }

    /// Something keepalived only logs, at the current reader position (a block's closing line).
    func noteHere(_ message: String, hint: String? = nil) {
        report(Diagnostic(.warning, message, at: reader.location.line > 0 ? reader.location : nil, hint: hint))
    }

    /// An optional BOOL (absent: true); an invalid word is reported as `message` and gives nil.
    func checkerBool(_ line: KeywordLine, _ message: String) -> Bool? {
        guard let word = line[1] else { return true }
        if let value = ConfigParser.bool(word) { return value }
        error("\(message) \(word)", line, word: 1, hint: "use on/off, true/false or yes/no")
        return nil
    }

    /// A TIMER parameter in µs; on failure `message` is reported too (keepalived's handlers).
    ///
    /// keepalived's checker handlers call read_timer with ignore_error set, and for decimals that
    /// stays lenient even under `-t`: an invalid number is reported, yet the digits before the
    /// junk are used when in range (`warmup x` means 0, `delay_loop 5x` means 5 µs).
    func checkerTimer(_ line: KeywordLine, min: UInt64, max: UInt64 = 0, _ message: (String) -> String) -> UInt64? {
        guard let text = argument(line, 1) else { return nil }
        let upper = max == 0 ? UInt64.max - 1 : max
        var accepted: UInt64?
        switch NumberText.decimal(text, shift: 6) {
        case .negative:
            error("negative number '\(text)'", line, word: 1, class: .invalidNumber)
        case let .value(value, tooManyPlaces, valid, overflow):
            if tooManyPlaces {
                error("number '\(text)' has too many decimal places", line, word: 1, class: .invalidNumber,
                      hint: "use at most 6 decimal places")
            }
            if !valid {
                error("invalid number '\(text)'", line, word: 1, class: .invalidNumber, hint: "write a decimal number")
            }
            if overflow {
                if valid { error("number '\(text)' outside unsigned decimal range", line, word: 1, class: .invalidNumber) }
            } else if !(min...upper).contains(value) {
                if valid {
                    error("number '\(text)' outside range [\(NumberText.format(min, shift: 6)), \(NumberText.format(upper, shift: 6))]",
                          line, word: 1, class: .invalidNumber)
                }
            } else {
                accepted = value
            }
        }
        if accepted == nil {
            error(message(text), line, word: 1, hint: "give a time in seconds (decimals allowed)")
        }
        return accepted
    }

    /// An unsigned parameter; on failure `message` is reported too.
    func checkerUnsigned(_ line: KeywordLine, _ range: ClosedRange<UInt64>, _ message: (String) -> String) -> UInt64? {
        guard line.count > 1 else {
            missingParameter(line, at: 1)
            return nil
        }
        if let value = readUnsigned(line, 1, range) { return value }
        error(message(line[1] ?? ""), line, word: 1, hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
        return nil
    }

    /// keepalived's inet_stosockaddr: an address (anything from the first '-' or '/' dropped) and
    /// an optional port, 1-65535. A port of all zeros counts as none. nil if either is invalid
    /// (a bad port is reported as a number error here; the caller reports the address).
    func serviceAddress(_ text: String, port portText: String?, _ line: KeywordLine, portWord: Int) -> (IPAddress, UInt16?)? {
        var port: UInt16?
        if let portText, portText.contains(where: { $0 != "0" }) {
            guard let value = readUnsigned(portText, 1...65535, line, word: portWord) else { return nil }
            port = UInt16(value)
        }
        guard let address = ConfigParser.socketAddress(text) else { return nil }
        return (address, port)
    }

    /// The address part of inet_stosockaddr: the family from a ':' anywhere in the text, the part
    /// before any '-' or '/' parsed with inet_pton.
    static func socketAddress(_ text: String) -> IPAddress? {
        let wantV6 = text.contains(":")
        var head = Substring(text)
        if let cut = text.firstIndex(where: { $0 == "-" }) ?? text.firstIndex(of: "/") { head = text[..<cut] }
        guard let address = IPAddress(String(head)), (address.family == .inet6) == wantV6 else { return nil }
        return address
    }
}
