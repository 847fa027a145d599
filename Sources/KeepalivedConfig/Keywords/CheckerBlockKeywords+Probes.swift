/// SMTP_CHECK, DNS_CHECK, UDP_CHECK, MISC_CHECK, FILE_CHECK and BFD_CHECK (the parser parts of
/// keepalived's check_smtp.c, check_dns.c, check_udp.c, check_misc.c, check_file.c, check_bfd.c).
extension CheckerBlockKeywords {
    /// Edits the probe of the checker being read.
    static func editProbe(_ parser: ConfigParser, _ body: (inout Checker.Probe) -> Void) {
        parser.editChecker { body(&$0.probe) }
    }

    // MARK: SMTP_CHECK

    static let smtpEntries: [KeywordTable.Entry] = [
        .keyword("helo_name") { parser, line in
            guard let name = line[1] else {
                parser.error("SMTP_CHECK helo name missing", line, hint: "give the HELO name")
                return
            }
            editProbe(parser) { if case var .smtp(smtp) = $0 { smtp.heloName = name; $0 = .smtp(smtp) } }
        },
        .block("host", open: { parser, _ in
            editProbe(parser) { if case var .smtp(smtp) = $0 { smtp.hosts.append(ConnectionOptions()); $0 = .smtp(smtp) } }
        }, close: { parser in
            guard let checker = parser.currentChecker, case let .smtp(smtp) = checker.probe, let host = smtp.hosts.last else { return }
            if !connectionUsable(parser, host, at: checker.location) {
                editProbe(parser) { if case var .smtp(smtp) = $0 { smtp.hosts.removeLast(); $0 = .smtp(smtp) } }
            }
        }, KeywordTable(connectionEntries(edit: editSMTPHost, destinationFamily: { parser in
            guard case let .smtp(smtp) = parser.currentChecker?.probe, let host = smtp.hosts.last else { return nil }
            if host.destinationUnset { return nil }
            return host.connectIP?.family ?? parser.config.virtualServers.last?.realServers.last?.address.family
        }) + commonEntries)),
    ]

    @Sendable static func editSMTPHost(_ parser: ConfigParser, _ body: (inout ConnectionOptions) -> Void) {
        editProbe(parser) { probe in
            guard case var .smtp(smtp) = probe, !smtp.hosts.isEmpty else { return }
            body(&smtp.hosts[smtp.hosts.count - 1])
            probe = .smtp(smtp)
        }
    }

    /// keepalived's smtp_check_end_handler: without connection settings of its own, the checker
    /// takes the first deprecated host block; each further host becomes one more checker.
    @Sendable static func closeSMTP(_ parser: ConfigParser) {
        guard var checker = parser.currentChecker, case var .smtp(smtp) = checker.probe else { return }
        guard !smtp.hosts.isEmpty else {
            closeConnection(parser)
            return
        }
        parser.noteHere("The SMTP_CHECK host block is deprecated. Please define additional checkers.", hint: "write one SMTP_CHECK per host")
        let hosts = smtp.hosts
        smtp.hosts = []
        checker.probe = .smtp(smtp)
        var extra: [Checker] = []
        var own = checker.connection ?? ConnectionOptions()
        own.destinationUnset = false
        if own == ConnectionOptions() {
            checker.connection = hosts[0]
            for host in hosts.dropFirst() {
                var copy = checker
                copy.connection = host
                extra.append(copy)
            }
        } else {
            guard connectionUsable(parser, checker.connection!, at: checker.location) else {
                parser.dropCurrentChecker()
                return
            }
            for host in hosts {
                var copy = checker
                copy.connection = host
                extra.append(copy)
            }
        }
        parser.editRealServer { rs in
            rs.checkers[rs.checkers.count - 1] = checker
            rs.checkers += extra
        }
    }

    // MARK: DNS_CHECK

    static let dnsEntries: [KeywordTable.Entry] = [
        .keyword("type") { parser, line in
            guard let word = parser.argument(line, 1) else { return }
            guard let type = DNSQueryType(rawValue: word.uppercased()) else {
                parser.error("Unknown DNS check type \(word) - ignoring", line, word: 1,
                             hint: "use one of \(DNSQueryType.allCases.map(\.rawValue).joined(separator: ", "))")
                return
            }
            editProbe(parser) { if case var .dns(dns) = $0 { dns.type = type; $0 = .dns(dns) } }
        },
        .keyword("name") { parser, line in
            guard let name = parser.argument(line, 1) else { return }
            if case let .dns(dns)? = parser.currentChecker?.probe, dns.nameGiven {
                parser.error("DNS_CHECK name already specified - ignoring", line, word: 1, hint: "give name once")
                return
            }
            guard !hasEmptyLabel(name) else {
                parser.error("DNS_CHECK name '\(name)' has empty label - ignoring", line, word: 1, hint: "remove the doubled dot")
                return
            }
            editProbe(parser) { if case var .dns(dns) = $0 { dns.name = name; dns.nameGiven = true; $0 = .dns(dns) } }
        },
    ]

    static func hasEmptyLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "."), bytes.count > 1 { return true }
        var positions = [0]
        for (i, b) in bytes.enumerated() where i > 0 && b == UInt8(ascii: ".") { positions.append(i) }
        return positions.contains { $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: ".") }
    }

    @Sendable static func closeDNS(_ parser: ConfigParser) { closeConnection(parser) }

    // MARK: UDP_CHECK

    static let udpEntries: [KeywordTable.Entry] = [
        .keyword("payload") { parser, line in
            guard line.count > 1 else {
                parser.error("UDP_CHECK payload requires a payload", line, hint: "give the payload in hex")
                return
            }
            guard let (data, _) = hexString(line.arguments.map(\.text).joined(separator: " "), allowMask: false) else {
                parser.error("Invalid hex string for UDP_CHECK payload", line, word: 1, hint: "give pairs of hex digits")
                return
            }
            editUDP(parser) { $0.payload = data }
        },
        .keyword("require_reply") { parser, line in
            editUDP(parser) { $0.requireReply = true }
            guard line.count > 1 else { return }
            guard let (data, mask) = hexString(line.arguments.map(\.text).joined(separator: " "), allowMask: true) else {
                parser.error("Invalid hex string for UDP_CHECK reply", line, word: 1, hint: "give pairs of hex digits (x for any)")
                return
            }
            editUDP(parser) { $0.replyData = data; $0.replyMask = mask }
        },
        .keyword("min_reply_length") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...65535, { "UDP_CHECK min length \($0) not valid - must be between 0 & 65535" }) else { return }
            editUDP(parser) { $0.minReplyLength = UInt16(v) }
        },
        .keyword("max_reply_length") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...65535, { "UDP_CHECK max length \($0) not valid - must be between 0 & 65535" }) else { return }
            editUDP(parser) { $0.maxReplyLength = UInt16(v) }
        },
    ]

    static func editUDP(_ parser: ConfigParser, _ body: (inout UDPCheck) -> Void) {
        editProbe(parser) { if case var .udp(udp) = $0 { body(&udp); $0 = .udp(udp) } }
    }

    /// keepalived's read_hex_str: pairs of hex digits, spaces between bytes; with a mask, `x`
    /// stands for a nibble that may be anything. nil if invalid or empty.
    static func hexString(_ text: String, allowMask: Bool) -> ([UInt8], [UInt8])? {
        let chars = Array(text.utf8)
        func nibble(_ c: UInt8) -> (UInt8, UInt8)? {
            if let d = hexDigit(c) { return (d, 0) }
            if allowMask && (c == UInt8(ascii: "x") || c == UInt8(ascii: "X")) { return (0, 0x0f) }
            return nil
        }
        var data: [UInt8] = [], mask: [UInt8] = []
        var i = 0
        while true {
            while i < chars.count, chars[i] == UInt8(ascii: " ") || chars[i] == UInt8(ascii: "\t") { i += 1 }
            if i >= chars.count { break }
            guard var (value, maskValue) = nibble(chars[i]) else { return nil }
            i += 1
            if i < chars.count, chars[i] != UInt8(ascii: " ") {
                guard let (low, lowMask) = nibble(chars[i]) else { return nil }
                value = value << 4 | low
                maskValue = maskValue << 4 | lowMask
                i += 1
            }
            data.append(value)
            mask.append(maskValue)
        }
        return data.isEmpty ? nil : (data, mask)
    }

    @Sendable static func closeUDP(_ parser: ConfigParser) {
        guard let checker = parser.currentChecker, case let .udp(udp) = checker.probe else { return }
        if let co = checker.connection, !connectionUsable(parser, co, at: checker.location) {
            parser.dropCurrentChecker()
            return
        }
        if udp.minReplyLength > udp.maxReplyLength {
            parser.errorHere("UDP_CHECK min_reply length \(udp.minReplyLength) > max_reply_length \(udp.maxReplyLength) - will always fail",
                             class: .generalError, hint: "make min_reply_length at most max_reply_length")
        }
    }
}
