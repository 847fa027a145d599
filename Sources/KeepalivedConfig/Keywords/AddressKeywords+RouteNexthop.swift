/// Route `nexthop` lists, `encap` and the route metric times (keepalived's parse_nexthops,
/// parse_encap and get_time_rtt).
extension AddressKeywords {
    /// Reads the `nexthop ...` groups from `start`. As in keepalived, a bad nexthop is reported and
    /// ends the list, but the route itself is kept.
    static func parseNexthops(_ parser: ConfigParser, _ line: KeywordLine, from start: Int, into route: inout Route, family: inout IPAddress.Family?) {
        var i = start
        var hopFamily: IPAddress.Family?
        let keeps = "; keepalived keeps the route without this nexthop"
        func report(_ message: String, _ word: Int, _ hint: String) {
            parser.error(message, line, word: word, hint: hint + keeps)
        }
        while i < line.count && line.tokens[i].text == "nexthop" {
            i += 1
            var hop = RouteNexthop()
            hop: while i < line.count {
                switch line.tokens[i].text {
                case "via":
                    i += 1
                    guard var text = parser.argument(line, i) else { return }
                    if text == "inet" || text == "inet6" {
                        hopFamily = text == "inet" ? .inet : .inet6
                        i += 1
                        guard let next = parser.argument(line, i) else { return }
                        text = next
                    }
                    if let hopFamily {
                        if family == nil {
                            family = hopFamily
                        } else if family != hopFamily {
                            return report("IPv4/6 mismatch for nexthop", i, "use one address family on a route")
                        }
                    }
                    guard let gateway = parseIP(parser, text, line, word: i, allowPrefix: false) else {
                        return report("invalid nexthop address \(text)", i, "give via a plain address")
                    }
                    if let family, gateway.address.family != family {
                        return report("Address family mismatch for next hop", i, "use one address family on a route")
                    }
                    if family == nil { family = gateway.address.family }
                    hop.gateway = gateway.address
                case "dev":
                    i += 1
                    guard let name = parser.argument(line, i) else { return }
                    guard interfaceExists(parser, name, line, word: i) else {
                        return report("WARNING - interface \(name) for VROUTE nexthop doesn't exist", i, "name an existing interface")
                    }
                    hop.interface = name
                case "weight":
                    i += 1
                    guard let weight = readNumber(parser, line, i, max: 256, { "Invalid weight \($0) specified for route" },
                                                  hint: "give a weight from 1 to 256" + keeps) else { return }
                    if weight == 0 { return report("Invalid weight 0 specified for route", i, "give a weight from 1 to 256") }
                    hop.weight = Int(weight)
                case "onlink":
                    hop.onLink = true
                case "encap":
                    parseEncap(parser, line, &i, &hop.encap)
                case "realms":
                    i += 1
                    guard let text = parser.argument(line, i) else { return }
                    guard let realms = realms(text, host: parser.host) else {
                        return report("Invalid realms \(text) for route", i, "give REALM or FROM/TO, each 0-255 or a name from /etc/iproute2/rt_realms")
                    }
                    hop.realms = realms
                    if family == nil {
                        family = .inet
                    } else if family != .inet {
                        return report("realms are only supported for IPv4", i, "remove realms from IPv6 nexthops")
                    }
                case "as":
                    i += 1
                    guard let next = parser.argument(line, i) else { return }
                    if next == "to" { i += 1 }
                    return report("'as [to]' (nat) not supported", i, "remove 'as to'")
                default:
                    break hop
                }
                i += 1
            }
            route.nexthops.append(hop)
        }
        if i < line.count {
            report("Route has trailing nonsense after nexthops - \(line.tokens[i].text)", i, "put only nexthop groups after the first nexthop")
        }
    }

    /// `encap TYPE ...` with `i` at `encap`; leaves `i` at the last word it used, so that the
    /// caller's step lands on the next one (keepalived's parse_encap, word for word).
    static func parseEncap(_ parser: ConfigParser, _ line: KeywordLine, _ i: inout Int, _ encap: inout RouteEncap?) {
        i += 1
        guard i < line.count else {
            parser.error("Missing encap type", line, word: i - 1, hint: "give ip, ip6, mpls or ila after encap")
            return
        }
        let type = line.tokens[i].text
        i += 1
        switch type {
        case "ip", "ip6":
            parseTunnelEncap(parser, line, &i, &encap, ipv6: type == "ip6")
        case "mpls":
            if i >= line.count {
                parser.error("missing address for MPLS encapsulation", line, word: i - 1, hint: "give LABEL[/LABEL]")
            } else {
                let text = line.tokens[i].text
                if let labels = mplsLabels(text) {
                    encap = .mpls(labels: labels)
                } else {
                    parser.error("invalid mpls address \(text) for encapsulation", line, word: i, hint: "give one or two labels 0-1048575 as LABEL[/LABEL]")
                }
                i += 1
            }
        case "ila":
            if i >= line.count {
                parser.error("missing locator for ILA encapsulation", line, word: i - 1, hint: "give a locator as four hex groups a:b:c:d")
            } else {
                let text = line.tokens[i].text
                if let locator = ilaLocator(text) {
                    encap = .ila(locator: locator)
                } else {
                    parser.error("invalid locator \(text) for ila encapsulation", line, word: i, hint: "give a locator as four hex groups a:b:c:d")
                }
                i += 1
            }
        default:
            parser.error("Unknown encap type - \(type)", line, word: i - 1, hint: "use ip, ip6, mpls or ila")
            return
        }
        i -= 1
    }

    /// `encap ip|ip6` option pairs (keepalived's parse_encap_ip / parse_encap_ip6). On a bad value
    /// `i` stays at that option, which keepalived then reads again as a route word.
    private static func parseTunnelEncap(_ parser: ConfigParser, _ line: KeywordLine, _ i: inout Int, _ encap: inout RouteEncap?, ipv6: Bool) {
        var tunnel = RouteEncap.IPTunnel()
        let kind = ipv6 ? "ip6" : "ip"
        var failed = false
        options: while i + 1 < line.count {
            let key = line.tokens[i].text, value = line.tokens[i + 1].text
            switch (key, ipv6) {
            case ("id", _):
                guard let id = readNumber(parser, line, i + 1, max: UInt64.max,
                                          { ipv6 ? "id \($0) value invalid for IPv6 encapsulation" : "encap id \($0) value is invalid" },
                                          hint: "give a tunnel id number") else { failed = true; break options }
                tunnel.id = id
            case ("dst", _), ("src", _):
                guard let address = parseIP(parser, value, line, word: i + 1, allowPrefix: false) else {
                    parser.error("Invalid encap \(kind) \(key) \(value)", line, word: i + 1, hint: "give a plain address")
                    failed = true
                    break options
                }
                guard address.address.family == (ipv6 ? .inet6 : .inet) else {
                    parser.error(ipv6 ? "IPv4 address \(value) not valid for ip6 encapsulation" : "IPv6 address \(value) not valid for ip encapsulation",
                                 line, word: i + 1, hint: "use encap \(ipv6 ? "ip" : "ip6") for that family")
                    failed = true
                    break options
                }
                if key == "dst" { tunnel.destination = address.address } else { tunnel.source = address.address }
            case ("tos", false), ("tc", true):
                guard let tos = RoutingNameTable.lookup(value, .dsfield, host: parser.host) else {
                    parser.error(ipv6 ? "tc value \(key) is invalid for ip6 encapsulation" : "dsfield \(value) not valid for ip encapsulation",
                                 line, word: i + 1, hint: "give 0-255 or a name from /etc/iproute2/rt_dsfield")
                    failed = true
                    break options
                }
                tunnel.tos = UInt8(tos)
            case ("ttl", false), ("hoplimit", true):
                guard let ttl = readNumber(parser, line, i + 1, max: 255,
                                           { ipv6 ? "Invalid hoplimit \($0) specified for ip6 encapsulation" : "ttl \($0) is not valid for ip encapsulation" },
                                           hint: "give 0-255") else { failed = true; break options }
                tunnel.ttl = UInt8(ttl)
            case ("flags", _):
                guard let flags = readNumber(parser, line, i + 1, max: UInt64(UInt16.max),
                                             { "flags \($0) is not valid for \(kind) encapsulation" }, hint: "give 0-65535") else {
                    failed = true
                    break options
                }
                tunnel.flags = UInt16(flags)
            default:
                break options
            }
            i += 2
        }
        if !failed && tunnel.destination == nil && tunnel.id == nil {
            parser.error("address or id missing for \(kind) encapsulation", line, word: Swift.min(i, line.count - 1),
                         hint: "give dst ADDR or id N")
            failed = true
        }
        if failed {
            tunnel.destination = nil
            tunnel.source = nil
        }
        encap = ipv6 ? .ip6(tunnel) : .ip(tunnel)
    }

    /// MPLS label stack `L[/L]`: at most two 20-bit labels (strtoul base 0 each).
    static func mplsLabels(_ text: String) -> [UInt32]? {
        var labels: [UInt32] = []
        var rest = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        while labels.count < 2 {
            guard let first = rest.first, first != "-", first != " ", first != "\t" else { return nil }
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            let parsed = NumberText.strtoul(String(rest[..<end]), radix: 0)
            guard parsed.rest.isEmpty, rest[..<end].contains(where: { $0.isASCII && $0.isNumber }), !parsed.overflow,
                  parsed.value <= 0xFFFFF else { return nil }
            labels.append(UInt32(parsed.value))
            if end == rest.endIndex { return labels }
            rest = rest[rest.index(after: end)...]
        }
        return nil
    }

    /// An ILA locator: exactly four 16-bit hex groups separated by ':'.
    static func ilaLocator(_ text: String) -> UInt64? {
        let groups = text.drop(while: { $0 == " " || $0 == "\t" }).split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count == 4 else { return nil }
        var value: UInt64 = 0
        for group in groups {
            guard let first = group.first, first.isHexDigit, let part = UInt64(group, radix: 16), part <= 0xffff else { return nil }
            value = value << 16 | part
        }
        return value
    }

    /// keepalived's get_time_rtt: a bare number is already in the metric's unit (1/`unit` ms);
    /// `Ns`/`Nsec(s)` are seconds and `Nms` milliseconds. Out-of-range values are clamped to
    /// 0.2-120 s, which keepalived only logs.
    static func routeTime(_ parser: ConfigParser, _ text: String, unit: UInt64, _ line: KeywordLine, word: Int) -> UInt32? {
        let trimmed = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        var number = trimmed
        var raw = true
        var shift = 0
        if let s = trimmed.firstIndex(where: { $0 == "s" || $0 == "S" }) {
            guard ["s", "sec", "secs"].contains(trimmed[s...].lowercased()) else { return nil }
            raw = false
            var end = s
            if end > trimmed.startIndex, trimmed[trimmed.index(before: end)].lowercased() == "m" {
                end = trimmed.index(before: end)
            } else {
                shift = 3
            }
            guard end > trimmed.startIndex else { return nil }
            number = trimmed[..<end]
        }
        if number.contains(where: { $0 == "e" || $0 == "E" }) {
            parser.note("rtt value exponential form \(trimmed) no longer supported", line, word: word, hint: "write the value in full")
            return nil
        }
        let maximum = 120_000 * unit, minimum = 200 * unit
        guard var value = parser.readDecimal(String(number), shift: shift, 0...maximum, line, word: word) else { return nil }
        if !raw { value *= unit }
        if value > maximum {
            parser.note("rtt value \(trimmed) exceeds maximum 120s, resetting", line, word: word, hint: "use at most 120s")
            value = maximum
        } else if value < minimum {
            parser.note("rtt value \(trimmed) below minimum 200ms, resetting", line, word: word, hint: "use at least 200ms")
            value = minimum
        }
        return UInt32(value)
    }
}
