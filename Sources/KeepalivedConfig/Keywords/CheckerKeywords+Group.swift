/// `virtual_server_group NAME { entries }` (keepalived's vsg_handler and alloc_vsg_entry).
extension CheckerKeywords {
    static func readGroup(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let name = parser.argument(line, 1) else { return }
        var group = VirtualServerGroup(name: name, location: line.location)
        // The value block reader expects no name after the keyword.
        var listLine = line
        listLine.tokens.remove(at: 1)
        parser.readValueBlock(listLine, unnamedBlock: true) { item in
            if let entry = groupEntry(parser, item, group: name) { group.entries.append(entry) }
        }
        if group.entries.isEmpty {
            parser.errorHere("virtual server group \(name) has no entries - removing", class: .generalError,
                             hint: "list addresses, ranges or fwmarks in the group")
            return
        }
        if group.hasIPv4 && group.hasIPv6 && group.hasFwmarkWithoutFamily {
            parser.errorHere("virtual server group \(name) cannot have IPv4, IPv6 and fwmark without family - removing",
                             class: .generalError, hint: "give each fwmark entry a family (inet or inet6)")
            return
        }
        parser.config.virtualServerGroups.append(group)
    }

    /// One entry line, or nil after reporting why it is skipped.
    static func groupEntry(_ parser: ConfigParser, _ item: KeywordLine, group: String) -> VirtualServerGroup.Entry? {
        let text = item.keyword
        if text == "fwmark" {
            guard let markText = parser.argument(item, 1) else { return nil }
            guard let mark = parser.readUnsigned(markText, 0...UInt64(UInt32.max), item, word: 1) else {
                parser.error("(\(group)): fwmark '\(markText)' must be in [0, \(UInt32.max)] - ignoring", item, word: 1,
                             hint: "give a firewall mark number")
                return nil
            }
            guard let familyText = item[2] else { return .fwmark(UInt32(mark), family: nil) }
            switch familyText {
            case "inet": return .fwmark(UInt32(mark), family: .inet)
            case "inet6": return .fwmark(UInt32(mark), family: .inet6)
            default:
                parser.error("(\(group)): fwmark '\(mark)' family \(familyText) unknown - ignoring", item, word: 2, hint: "use inet or inet6")
                return nil
            }
        }
        let portText = item[1].flatMap { $0.contains { $0 != "0" } ? $0 : nil }
        guard let (first, port) = parser.serviceAddress(text, port: portText, item, portWord: 1) else {
            parser.error("Invalid virtual server group IP address \(text) \(portText == nil ? "" : "/port/\(portText!)") - skipping",
                         item, hint: "give an address, range or prefix and a port from 1 to 65535")
            return nil
        }
        let bits = first.family == .inet ? 32 : 128
        if let slash = text.firstIndex(of: "/") {
            let maskText = text[text.index(after: slash)...]
            let parsed = NumberText.strtoul(String(maskText), radix: 10)
            guard parsed.rest.isEmpty, !parsed.overflow, parsed.value != 0, parsed.value <= UInt64(bits) else {
                parser.error("Invalid netmask - \(text) - skipping", item, hint: "give a prefix length 1-\(bits)")
                return nil
            }
            let (start, end) = prefixRange(first, length: Int(parsed.value))
            guard start == first else {
                parser.error("Address mask bits not empty - \(text) - skipping", item, hint: "give the network address of the prefix")
                return nil
            }
            return .addresses(first: first, last: end, port: port)
        }
        if let dash = text.firstIndex(of: "-") {
            let endText = String(text[text.index(after: dash)...])
            if (first.family == .inet && endText.contains(".")) || (first.family == .inet6 && endText.contains(":")) {
                guard let last = ConfigParser.socketAddress(endText) else {
                    parser.error("Invalid range end \(text) - skipping", item, hint: "give a full end address")
                    return nil
                }
                guard last.family == first.family else {
                    parser.error("Range address families do not match \(text) - skipping", item, hint: "use one family in a range")
                    return nil
                }
                guard !(last < first) else {
                    parser.error("Address range end is less than address range start - \(text) - skipping", item,
                                 hint: "put the lower address first")
                    return nil
                }
                return .addresses(first: first, last: last, port: port)
            }
            let parsed = NumberText.strtoul(endText, radix: first.family == .inet6 ? 16 : 10)
            if !parsed.rest.isEmpty {
                parser.error("Virtual server group range '\(text)' has extra characters at end '\(parsed.rest)'", item,
                             class: .invalidNumber, hint: "end the range with a number")
                return nil
            }
            if parsed.overflow || parsed.value > (first.family == .inet6 ? 0xffff : 255) {
                parser.error("Virtual server group range '\(text)' end '\(endText)' too large", item, class: .invalidNumber,
                             hint: "the range end replaces the last \(first.family == .inet6 ? "group" : "octet")")
                return nil
            }
            let (last, start) = replaceLastPart(first, with: parsed.value)
            guard start < parsed.value else {
                parser.error("Address range end is not greater than address range start - \(text) - skipping", item,
                             hint: "make the range end larger than the start")
                return nil
            }
            return .addresses(first: first, last: last, port: port)
        }
        return .addresses(first: first, last: first, port: port)
    }

    /// The network address and last address of `address/length`.
    static func prefixRange(_ address: IPAddress, length: Int) -> (IPAddress, IPAddress) {
        switch address {
        case let .v4(value):
            let host: UInt32 = length >= 32 ? 0 : UInt32.max >> UInt32(length)
            return (.v4(value & ~host), .v4(value | host))
        case let .v6(high, low):
            let hostHigh: UInt64 = length >= 64 ? 0 : UInt64.max >> UInt64(length)
            let hostLow: UInt64 = length >= 128 ? 0 : length <= 64 ? UInt64.max : UInt64.max >> UInt64(length - 64)
            return (.v6(high: high & ~hostHigh, low: low & ~hostLow), .v6(high: high | hostHigh, low: low | hostLow))
        }
    }

    /// `address` with its last octet (IPv4) or last group (IPv6) replaced; also the old value.
    static func replaceLastPart(_ address: IPAddress, with value: UInt64) -> (IPAddress, UInt64) {
        switch address {
        case let .v4(v): return (.v4(v & ~0xff | UInt32(value)), UInt64(v & 0xff))
        case let .v6(high, low): return (.v6(high: high, low: low & ~0xffff | value), low & 0xffff)
        }
    }
}
