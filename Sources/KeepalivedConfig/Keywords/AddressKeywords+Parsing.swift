/// Pieces shared by the address, route and rule parsers: keepalived's parse_ipaddress and
/// parse_route, interface and track_group look-ups, realms.
extension AddressKeywords {
    /// keepalived's parse_ipaddress: the family is IPv6 if the text has a ':', an optional
    /// `/PREFIX` (when allowed) defaults to the full length, and a bad prefix is reported but
    /// replaced by the full length.
    static func parseIP(_ parser: ConfigParser, _ text: String, _ line: KeywordLine, word: Int, allowPrefix: Bool) -> IPPrefix? {
        let isIPv6 = text.contains(":")
        let full = isIPv6 ? 128 : 32
        var length = full
        var addressText = Substring(text)
        if allowPrefix, let slash = text.firstIndex(of: "/") {
            let lengthText = String(text[text.index(after: slash)...])
            if let value = parser.readUnsigned(lengthText, 0...UInt64(full), line, word: word) {
                length = Int(value)
            } else {
                parser.error("Invalid address prefix len \(lengthText) for address \(text) - using \(full)", line, word: word,
                             hint: "use a prefix length from 0 to \(full)")
            }
            addressText = text[..<slash]
        }
        let address: IPAddress? = isIPv6 ? IPAddress.parseV6(String(addressText)) : IPAddress.parseV4(addressText).map { .v4($0) }
        guard let address else {
            parser.error("VRRP parsed invalid IP \(text). skipping IP...", line, word: word,
                         hint: "write an IPv4 or IPv6 address" + (allowPrefix ? ", optionally with /PREFIX" : " without a prefix"))
            return nil
        }
        return IPPrefix(address: address, length: length)
    }

    /// keepalived's parse_route: `default`/`any`/`all` (family from the rest of the line),
    /// the deprecated `default6`, or ADDR[/PREFIX]. The family is nil for the family-less forms.
    static func parseRouteTarget(_ parser: ConfigParser, _ text: String, _ line: KeywordLine, word: Int) -> (RouteDestination, IPAddress.Family?)? {
        switch text {
        case "default", "any", "all":
            return (.any, nil)
        case "default6":
            parser.note("'default6' is deprecated - please replace with 'inet6 default'", line, word: word,
                        hint: "write 'inet6 default'")
            return (.any, .inet6)
        default:
            guard let prefix = parseIP(parser, text, line, word: word, allowPrefix: true) else { return nil }
            return (.prefix(prefix), prefix.address.family)
        }
    }

    static let nonExistentInterfaceMessage = "Non-existent interface specified in configuration"

    /// Whether the host has the interface (keepalived's if_get_by_ifname with IF_CREATE_IF_DYNAMIC,
    /// without dynamic_interfaces). keepalived then says once, after parsing, that a non-existent
    /// interface was named; that line is not part of the `-t` verdict.
    static func interfaceExists(_ parser: ConfigParser, _ name: String, _ line: KeywordLine, word: Int) -> Bool {
        if parser.lookupInterface(name) != nil { return true }
        if !parser.collectDiagnostics().contains(where: { $0.message == nonExistentInterfaceMessage }) {
            parser.note(nonExistentInterfaceMessage, line, word: word,
                        hint: "keepalived 2.2.7 would not start its VRRP process until \(name) exists")
        }
        return false
    }

    /// static_track_group_find: a track_group block read before this line.
    static func trackGroupExists(_ parser: ConfigParser, _ name: String) -> Bool {
        parser.config.trackGroups.contains { $0.name == name }
    }

    /// A static route's or rule's `track_group NAME` (word `word`): a second one is an error that ends
    /// the line (`stop`); an unknown group is an error and leaves the entry untracked.
    static func trackGroup(
        _ parser: ConfigParser, _ line: KeywordLine, word: Int, name: String, current: String?, owner: String
    ) -> (group: String?, stop: Bool) {
        if current != nil {
            parser.error("track_group \(name) is a duplicate", line, word: word, hint: "give one track_group per \(owner)")
            return (current, true)
        }
        guard trackGroupExists(parser, name) else {
            parser.error("track_group \(name) not found", line, word: word, hint: "define track_group \(name) before this line")
            return (nil, false)
        }
        return (name, false)
    }

    /// keepalived's get_realms: `TO` or `FROM/TO`, each a realm name or 0-255; FROM goes in the
    /// high 16 bits.
    static func realms(_ text: String, host: any ConfigHost) -> UInt32? {
        if let slash = text.firstIndex(of: "/") {
            guard let from = RoutingNameTable.lookup(String(text[..<slash]), .realm, host: host),
                  let to = RoutingNameTable.lookup(String(text[text.index(after: slash)...]), .realm, host: host) else { return nil }
            return from << 16 | to
        }
        return RoutingNameTable.lookup(text, .realm, host: host)
    }

    /// keepalived's get_u8/get_u16/get_u32/get_u64: the number reader's own report, then `message`.
    static func readNumber(
        _ parser: ConfigParser, _ line: KeywordLine, _ index: Int, max: UInt64, _ message: (String) -> String, hint: String
    ) -> UInt64? {
        guard let text = parser.argument(line, index) else { return nil }
        if let value = max == UInt64.max ? readUnsigned64(parser, text, line, word: index)
            : parser.readUnsigned(text, 0...max, line, word: index) {
            return value
        }
        parser.error(message(text), line, word: index, hint: hint)
        return nil
    }

    /// keepalived's read_unsigned64: like read_unsigned, but its overflow message names 64 bits.
    static func readUnsigned64(_ parser: ConfigParser, _ text: String, _ line: KeywordLine, word: Int) -> UInt64? {
        let parsed = NumberText.strtoul(text, radix: 10)
        if parsed.overflow, parsed.rest.isEmpty, !parsed.negative {
            parser.error("number '\(text)' outside unsigned 64 bit range", line, word: word, class: .invalidNumber,
                         hint: "use a value from 0 to \(UInt64.max)")
            return nil
        }
        return parser.readUnsigned(text, 0...UInt64.max, line, word: word, limit: UInt64.max)
    }
}
