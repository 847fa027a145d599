/// The rule line syntax of static_rules and virtual_rules (keepalived's alloc_rule).
extension AddressKeywords {
    /// Parses one rule line (keepalived's alloc_rule). Words are consumed exactly as keepalived
    /// consumes them, including its quirks (`inet`/`inet6` also skip the word after them, a single
    /// `sport`/`dport` port is refused).
    static func parseRule(_ parser: ConfigParser, _ line: KeywordLine, isStatic: Bool) -> Rule? {
        var rule = Rule(location: line.location)
        var family: IPAddress.Family?
        var action: Rule.Action?
        var table: UInt32?
        var l3mdev = false
        var tableOption = false
        var i = 0

        func fail(_ message: String, _ word: Int, _ hint: String) -> Rule? {
            parser.error(message, line, word: word, hint: hint + "; keepalived ignores this rule")
            return nil
        }
        func slot(_ index: Int) -> String? { parser.argument(line, index) }

        scan: while i < line.count {
            let word = line.tokens[i].text
            switch word {
            case "inet6", "inet":
                let wanted: IPAddress.Family = word == "inet" ? .inet : .inet6
                if family == nil {
                    family = wanted
                } else if family != wanted {
                    return fail("\(word) specified for \(wanted == .inet ? "IPv6" : "IPv4") rule", i, "remove \(word)")
                }
                i += 1
            case "from", "to":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let (target, targetFamily) = parseRouteTarget(parser, text, line, word: i) else {
                    return fail("Invalid rule \(word) address \(text)", i, "give ADDR[/PREFIX] or default")
                }
                if word == "from" { rule.from = target } else { rule.to = target }
                if family == nil {
                    family = targetFamily
                } else if targetFamily != family {
                    return fail("rule specification has mixed IPv4 and IPv6", i, "use one address family in a rule")
                }
            case "table", "lookup":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let id = RoutingNameTable.lookup(text, .table, host: parser.host) else {
                    return fail("Routing table \(text) not found for rule", i, "give a table number or a name from /etc/iproute2/rt_tables")
                }
                if id == 0 { return fail("Table 0 is not valid", i, "use a table from 1 up") }
                table = id
                if action != nil {
                    return fail("Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule", i, "give one action")
                }
                action = .table(id)
            case "not":
                rule.invert = true
            case "preference", "order", "priority":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let value = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: i, radix: 0) else {
                    return fail("Invalid rule preference \(word) specified", i, "give a number from 0 to 4294967295")
                }
                rule.priority = UInt32(value)
                rule.priorityGiven = true
            case "tos", "dsfield":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let tos = RoutingNameTable.lookup(text, .dsfield, host: parser.host) else {
                    return fail("TOS value \(text) is invalid", i, "give 0-255 or a name from /etc/iproute2/rt_dsfield")
                }
                rule.tos = UInt8(tos)
            case "fwmark":
                i += 1
                guard let text = slot(i) else { return nil }
                let trimmed = String(text.drop(while: { $0 == " " || $0 == "\t" }))
                guard let (mark, mask) = fwmark(trimmed) else {
                    return fail("Invalid rule fwmark \(trimmed) specified", i, "give MARK[/MASK], each 0-4294967295")
                }
                rule.fwmark = mark
                rule.fwmask = mask
            case "realms":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let realms = realms(text, host: parser.host) else {
                    return fail("invalid realms \(text) for rule", i, "give REALM or FROM/TO, each 0-255 or a name from /etc/iproute2/rt_realms")
                }
                rule.realms = realms
                tableOption = true
                if family == nil {
                    family = .inet
                } else if family != .inet {
                    return fail("realms is only valid for IPv4", i, "remove realms from IPv6 rules")
                }
            case "suppress_prefixlength", "sup_pl":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let value = parser.readUnsigned(text, 0...UInt64(Int32.max), line, word: i) else {
                    return fail("Invalid suppress_prefixlength \(word) specified", i, "give a prefix length")
                }
                rule.suppressPrefixLength = Int32(value)
                tableOption = true
            case "suppress_ifgroup", "sup_group":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let group = RoutingNameTable.lookup(text, .group, host: parser.host) else {
                    return fail("suppress_group \(text) is invalid", i, "give a group number or a name from /etc/iproute2/group")
                }
                rule.suppressInterfaceGroup = group
                tableOption = true
            case "dev", "iif", "oif":
                i += 1
                guard let name = slot(i) else { return nil }
                guard interfaceExists(parser, name, line, word: i) else {
                    return fail("WARNING - interface \(name) for rule doesn't exist", i, "name an existing interface")
                }
                if word == "oif" { rule.outputInterface = name } else { rule.inputInterface = name }
            case "tunnel-id":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let value = readUnsigned64(parser, text, line, word: i) else {
                    return fail("Invalid tunnel-id \(word) specified", i, "give a tunnel id number")
                }
                rule.tunnelID = value
            case "uidrange":
                i += 1
                guard let text = slot(i) else { return nil }
                guard let (start, end) = scanRange(text, max: UInt64(UInt32.max)), let end, start <= end else {
                    return fail("Invalid uidrange \(word) specified", i, "give START-END")
                }
                rule.uidRange = UInt32(start)...UInt32(end)
            case "l3mdev":
                l3mdev = true
                if action != nil { return fail("Cannot specify l3mdev with other action", i, "give one action") }
                action = .l3mdev
            case "protocol":
                i += 1
                guard let text = slot(i) else { return nil }
                if let value = parser.readUnsigned(text, 0...255, line, word: i) {
                    rule.ruleProtocol = UInt8(value)
                } else {
                    parser.error("Invalid protocol \(text)", line, word: i, hint: "give a number from 0 to 255")
                }
            case "ipproto":
                i += 1
                guard let text = slot(i) else { return nil }
                if let value = ipProtocol(text, host: parser.host) {
                    rule.ipProtocol = value
                } else {
                    parser.error("Invalid ipproto \(text)", line, word: i, hint: "give 0-127 or a name from /etc/protocols")
                }
            case "sport", "dport":
                i += 1
                guard let text = slot(i) else { return nil }
                // keepalived 2.2.7 refuses a single port (its sscanf count check): so do we.
                if let (start, end) = scanRange(text, max: UInt64(UInt16.max)), let end, start <= end {
                    let range = UInt16(start)...UInt16(end)
                    if word == "sport" { rule.sourcePorts = range } else { rule.destinationPorts = range }
                } else {
                    parser.error("invalid \(word) range \(text)", line, word: i, hint: "give START-END (keepalived 2.2.7 needs both, e.g. 80-80)")
                }
            case "no_track":
                rule.noTrack = true
            case "track_group" where isStatic:
                i += 1
                guard let name = slot(i) else { return nil }
                let result = trackGroup(parser, line, word: i, name: name, current: rule.trackGroup, owner: "rule")
                rule.trackGroup = result.group
                if result.stop { break scan }
            default:
                var name = word
                if name == "type" {
                    i += 1
                    guard let next = slot(i) else { return nil }
                    name = next
                }
                let chosen: Rule.Action
                if name == "goto" {
                    i += 1
                    guard let text = slot(i) else { return nil }
                    guard let target = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: i) else {
                        return fail("Invalid target \(name) specified", i, "give the preference to go to")
                    }
                    chosen = .goto(UInt32(target))
                } else if name == "nop" {
                    chosen = .nop
                } else if let type = RouteType(name: name) {
                    switch type {
                    case .blackhole: chosen = .blackhole
                    case .unreachable: chosen = .unreachable
                    case .prohibit: chosen = .prohibit
                    default: return fail("Invalid rule action \(name)", i, "rule actions are table, goto, nop, l3mdev, blackhole, unreachable and prohibit")
                    }
                } else {
                    return fail("Unknown rule option \(name)", i, "check the spelling of the rule's options")
                }
                if action != nil {
                    return fail("Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule", i, "give one action")
                }
                action = chosen
            }
            i += 1
        }

        if case let .goto(target) = action {
            guard rule.priorityGiven else {
                return fail("Invalid rule - goto target \(target) specified without preference", 0, "give the rule a preference below \(target)")
            }
            if rule.priority >= target {
                return fail("Invalid rule - preference \(rule.priority) >= goto target \(target)", 0, "goto must jump forward: use a preference below \(target)")
            }
        }
        guard let action else {
            return fail("No action specified for rule - ignoring", 0, "add table TABLE, goto N, nop, l3mdev, blackhole, unreachable or prohibit")
        }
        rule.action = action
        let isTableAction: Bool
        switch action {
        case .table, .l3mdev: isTableAction = true
        default: isTableAction = false
        }
        if !isTableAction && tableOption {
            return fail("suppressor/realm specified for non table action - skipping", 0, "use realms and suppress_* only with table")
        }
        if table != nil && l3mdev {
            return fail("table cannot be specified for l3mdev rules", 0, "remove table")
        }
        if !rule.noTrack {
            if let given = rule.ruleProtocol, given != Route.keepalivedProtocol {
                parser.error("Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol", line,
                             hint: "add no_track to keep protocol \(given)")
            }
            rule.ruleProtocol = Route.keepalivedProtocol
        }
        if rule.trackGroup != nil && rule.inputInterface == nil {
            parser.error("Static rule cannot have track_group if dev/iif not specified", line, hint: "add dev DEV")
            rule.trackGroup = nil
        }
        rule.family = family ?? .inet
        if !rule.priorityGiven {
            rule.priority = nextAutomaticPriority(parser, rule.family)
            parser.error("Rule has no preference specified - setting to \(rule.priority). This is probably not what you want.", line,
                         hint: "give the rule a preference (\(rule.family == .inet ? "IPv4" : "IPv6") rules without one are numbered down from \(Rule.firstAutomaticPriority))")
        }
        return rule
    }

    /// keepalived numbers rules without a preference from 16384 downwards, one counter per family
    /// for the whole configuration; the count is kept in the diagnostics already given.
    private static func nextAutomaticPriority(_ parser: ConfigParser, _ family: IPAddress.Family) -> UInt32 {
        let tag = "(\(family == .inet ? "IPv4" : "IPv6") rules without one"
        let earlier = parser.collectDiagnostics().filter {
            $0.message.hasPrefix("Rule has no preference specified") && ($0.hint?.contains(tag) ?? false)
        }.count
        return Rule.firstAutomaticPriority &- UInt32(earlier)
    }

    /// `MARK[/MASK]`, each strtoul base 0 and at most 32 bits; nil when keepalived refuses it.
    static func fwmark(_ text: String) -> (UInt32, UInt32?)? {
        guard text.first != "-" else { return nil }
        let markText = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let mark = NumberText.strtoul(String(markText[0]), radix: 0)
        guard mark.rest.isEmpty, !mark.overflow, mark.value <= UInt64(UInt32.max) else { return nil }
        guard markText.count == 2 else { return (UInt32(mark.value), nil) }
        let maskText = markText[1]
        if let first = maskText.first, first == "-" || first == " " || first == "\t" { return nil }
        let mask = NumberText.strtoul(String(maskText), radix: 0)
        guard mask.rest.isEmpty, !mask.overflow, mask.value <= UInt64(UInt32.max) else { return nil }
        return (UInt32(mark.value), UInt32(mask.value))
    }

    /// sscanf("%u-%u"): the first number and, if a '-' and a second number follow, the second.
    static func scanRange(_ text: String, max: UInt64) -> (UInt64, UInt64?)? {
        func number(_ part: Substring) -> (UInt64, Substring)? {
            let trimmed = part.drop(while: { $0 == " " || $0 == "\t" })
            let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let value = UInt64(digits), value <= max else { return nil }
            return (value, trimmed[digits.endIndex...])
        }
        guard let (start, rest) = number(Substring(text)) else { return nil }
        guard rest.first == "-", let (end, _) = number(rest.dropFirst()) else { return (start, nil) }
        return (start, end)
    }

    /// keepalived's inet_proto_a2n: 0-127, or a protocol name (or alias) from /etc/protocols.
    static func ipProtocol(_ text: String, host: any ConfigHost) -> UInt8? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first, first != "-" else { return nil }
        let parsed = NumberText.strtoul(String(trimmed), radix: 10)
        guard !parsed.overflow, parsed.value <= 127 else { return nil }
        if parsed.rest.isEmpty { return UInt8(parsed.value) }
        guard let bytes = host.readFile(atPath: "/etc/protocols") else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let content = line.prefix(while: { $0 != "#" })
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, let number = UInt8(words[1]) else { continue }
            if words[0] == trimmed || words.dropFirst(2).contains(trimmed) { return number }
        }
        return nil
    }
}
