/// static_ipaddress, static_routes, static_rules, and the address/route/rule line syntax shared
/// with virtual_ipaddress, virtual_ipaddress_excluded, virtual_routes and virtual_rules.
enum AddressKeywords {
    /// keepalived.conf: static_ipaddress { ... }, static_routes { ... }, static_rules { ... }
    /// (root blocks of one item per line, read like keepalived's alloc_value_block).
    static let rootEntries: [KeywordTable.Entry] = [
        .keyword("static_ipaddress") { parser, line in
            parser.readValueBlock(line) { item in
                if let address = parseAddress(parser, item, context: .staticAddress) {
                    parser.config.staticAddresses.append(address)
                }
            }
        },
        .keyword("static_routes") { parser, line in
            parser.readValueBlock(line) { item in
                if let route = parseRoute(parser, item, isStatic: true) { parser.config.staticRoutes.append(route) }
            }
        },
        .keyword("static_rules") { parser, line in
            parser.readValueBlock(line) { item in
                if let rule = parseRule(parser, item, isStatic: true) { parser.config.staticRules.append(rule) }
            }
        },
    ]

    /// Where an address line appears: the rules differ slightly (use_vmac only for VIPs, track_group
    /// only for static addresses).
    enum AddressContext { case staticAddress, virtualAddress, excludedAddress }

    /// Address options followed by a value.
    private static let optionsWithValue: Set<String> = ["dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft"]

    /// Parses one address line (keepalived's parse_ipaddress / alloc_ipaddress).
    static func parseAddress(_ parser: ConfigParser, _ line: KeywordLine, context: AddressContext) -> VirtualAddress? {
        let isStatic = context == .staticAddress
        let addressText = line.tokens[0].text
        guard let prefix = parseIP(parser, addressText, line, word: 0, allowPrefix: true) else { return nil }
        var address = VirtualAddress(prefix: prefix, location: line.location)
        let isIPv6 = prefix.address.family == .inet6
        var missingFor: (word: String, index: Int)?
        var broadcastGiven = false
        var preferredSet = false
        var i = 1
        scan: while i < line.count {
            let word = line.tokens[i].text
            let hasParameter = line.count >= i + 2
            if !hasParameter, optionsWithValue.contains(word) || (isStatic && word == "track_group") {
                missingFor = (word, i)
                break scan
            }
            switch word {
            case "dev":
                i += 1
                let name = line.tokens[i].text
                if address.interface != nil {
                    parser.error("Cannot specify ipaddress device more than once for \(addressText)", line, word: i - 1,
                                 hint: "give dev only once; keepalived drops this address")
                    return nil
                }
                guard interfaceExists(parser, name, line, word: i) else {
                    parser.error("WARNING - interface \(name) for ip address \(addressText) doesn't exist", line, word: i,
                                 hint: "name an existing interface (or set dynamic_interfaces); keepalived drops this address")
                    return nil
                }
                address.interface = name
            case "scope":
                i += 1
                if let scope = RoutingNameTable.lookup(line.tokens[i].text, .scope, host: parser.host) {
                    address.scope = UInt8(scope)
                } else {
                    parser.error("Invalid scope '\(line.tokens[i].text)' specified for \(addressText) - ignoring", line, word: i,
                                 hint: "use global, site, link, host, nowhere, a name from /etc/iproute2/rt_scopes or 0-255")
                }
            case "broadcast", "brd":
                if isIPv6 {
                    parser.error("VRRP is trying to assign a broadcast \(word) to the IPv6 address \(addressText) !!?? WTF... skipping VIP...",
                                 line, word: i, hint: "IPv6 has no broadcast address: remove \(word); keepalived drops this address")
                    return nil
                }
                broadcastGiven = true
                i += 1
                let value = line.tokens[i].text
                switch value {
                case "-": address.broadcast = .hostBitsCleared
                case "+": address.broadcast = .hostBitsSet
                default:
                    guard let v4 = IPAddress.parseV4(Substring(value)) else {
                        parser.error("VRRP is trying to assign invalid broadcast \(value). skipping VIP...", line, word: i,
                                     hint: "give an IPv4 address, + or -; keepalived drops this address")
                        return nil
                    }
                    address.broadcast = .address(.v4(v4))
                }
            case "label":
                i += 1
                let label = line.tokens[i].text
                if label.utf8.count >= 16 {
                    parser.error("Address label \(label) is longer than maximum length 15 - removing address", line, word: i,
                                 hint: "shorten the label to 15 characters; keepalived drops this address")
                    return nil
                }
                address.label = label
            case "peer":
                i += 1
                let value = line.tokens[i].text
                if address.peer != nil {
                    parser.error("Peer \(value) - another peer has already been specified", line, word: i,
                                 hint: "give one peer per address")
                    // keepalived goes on with the peer's address as the next option word.
                    continue scan
                }
                parsePeer(parser, value, line, word: i, into: &address)
            case "home":
                address.home = true
            case "-nodad":
                address.duplicateAddressDetection = true
            case "mngtmpaddr":
                address.manageTemporaryAddresses = true
            case "noprefixroute":
                address.noPrefixRoute = true
            case "autojoin":
                address.autoJoin = true
            case "no_track":
                address.noTrack = true
            case "preferred_lft":
                i += 1
                let value = line.tokens[i].text
                if value == "forever" {
                    address.preferredLifetime = VirtualAddress.foreverLifetime
                    preferredSet = true
                } else if let seconds = parser.readUnsigned(value, 0...UInt64(UInt32.max), line, word: i) {
                    address.preferredLifetime = UInt32(seconds)
                    preferredSet = true
                } else {
                    parser.error("preferred_lft \(value) is invalid", line, word: i, hint: "give seconds (0-4294967295) or forever")
                }
            case "track_group" where isStatic:
                i += 1
                let name = line.tokens[i].text
                if address.trackGroup != nil {
                    parser.error("track_group \(name) is a duplicate", line, word: i, hint: "give one track_group per address")
                    break scan
                }
                if trackGroupExists(parser, name) {
                    address.trackGroup = name
                } else {
                    parser.error("track_group \(name) not found", line, word: i,
                                 hint: "define track_group \(name) before this line")
                }
            case "use_vmac" where !isStatic:
                address.useVMAC = true
            default:
                parser.error("Unknown configuration entry '\(word)' for ip address - ignoring", line, word: i,
                             hint: unknownOptionHint(word, isStatic: isStatic))
            }
            i += 1
        }

        if let missingFor {
            parser.error("No \(missingFor.word) parameter specified for \(addressText)", line, word: missingFor.index,
                         hint: "give a value after \(missingFor.word); keepalived drops this address")
            return nil
        }
        finishBroadcast(parser, line, broadcastGiven: broadcastGiven, &address)

        if isStatic && address.interface == nil && !interfaceExists(parser, VirtualAddress.defaultInterface, line, word: 0) {
            parser.error("Static address \(addressText) requires either an interface or default interface must exist",
                         line, class: .fatal, hint: "add dev DEV, or set global_defs default_interface to an existing interface")
            return nil
        }
        if isIPv6 {
            if address.scope != 0 {
                parser.error("Cannot specify scope for IPv6 addresses (\(addressText)) - ignoring scope", line,
                             hint: "remove scope: the kernel derives IPv6 address scope from the address")
                address.scope = 0
            }
            if address.label != nil {
                parser.error("Cannot specify label for IPv6 addresses (\(addressText)) - ignoring label", line,
                             hint: "remove label: labels are IPv4 only")
                address.label = nil
            }
            if !preferredSet {
                address.preferredLifetime = address.prefix.length == 128 ? 0 : VirtualAddress.foreverLifetime
            }
        }
        return address
    }

    /// `peer ADDR`: same family as the address, no prefix on either.
    private static func parsePeer(_ parser: ConfigParser, _ value: String, _ line: KeywordLine, word: Int, into address: inout VirtualAddress) {
        guard let peer = parseIP(parser, value, line, word: word, allowPrefix: false) else {
            parser.error("Invalid peer address \(value)", line, word: word, hint: "give the peer as a plain address")
            return
        }
        guard peer.address.family == address.prefix.address.family else {
            parser.error("Peer address \(value) does not match address family", line, word: word,
                         hint: "use a peer of the address's family")
            return
        }
        let full = address.prefix.address.family == .inet ? 32 : 128
        if address.prefix.length != full {
            parser.error("Cannot specify address prefix when specifying peer address - ignoring", line,
                         hint: "drop the /PREFIX from the address when giving a peer")
        }
        address.peer = peer.address
        address.prefix.length = peer.length
    }

    /// keepalived's broadcast rules after the options: none with a peer, `+`/`-` only up to /30.
    private static func finishBroadcast(_ parser: ConfigParser, _ line: KeywordLine, broadcastGiven: Bool, _ address: inout VirtualAddress) {
        if broadcastGiven && address.peer != nil {
            parser.error("Cannot specify broadcast and peer addresses - ignoring broadcast address", line,
                         hint: "remove brd: a point-to-point address has no broadcast")
            address.broadcast = nil
        } else if let broadcast = address.broadcast, broadcast == .hostBitsSet || broadcast == .hostBitsCleared,
                  address.prefix.length > 30 {
            parser.error("Address prefix length \(address.prefix.length) too long for broadcast", line,
                         hint: "brd +/- needs a prefix of /30 or shorter")
            address.broadcast = nil
        }
    }

    private static func unknownOptionHint(_ word: String, isStatic: Bool) -> String {
        if word == "use_vmac" && isStatic { return "use_vmac applies to virtual addresses only" }
        if word == "track_group" && !isStatic { return "track_group applies to static_ipaddress only" }
        if word == "nodad" { return "did you mean '-nodad'?" }
        return "options are dev, scope, brd, label, peer, home, -nodad, mngtmpaddr, noprefixroute, autojoin, preferred_lft, no_track"
            + (isStatic ? ", track_group" : ", use_vmac")
    }
}
