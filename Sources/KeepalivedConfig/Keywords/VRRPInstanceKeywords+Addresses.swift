/// vrrp_instance keywords about where the instance speaks: interface, VMAC/ipvlan, source and
/// destination addresses, unicast peers, and the address/route/rule lists.
extension VRRPInstanceKeywords {
    static let addressEntries: [KeywordTable.Entry] = [
        .keyword("use_vmac", useVMAC),
        .keyword("use_vmac_addr") { p, _ in edit(p) { $0.useVMACAddress = true } },
        .keyword("vmac_xmit_base") { p, _ in edit(p) { $0.vmacTransmitOnBase = true } },
        .keyword("use_ipvlan", useIPVLAN),
        .keyword("unicast_peer", unicastPeer),
        .keyword("unicast_fault_no_peer") { p, _ in edit(p) { $0.unicastConfigured = true; $0.unicastFaultNoPeer = true } },
        .keyword("check_unicast_src") { p, _ in edit(p) { $0.unicastConfigured = true; $0.checkUnicastSource = true } },
        .keyword("old_unicast_checksum", oldUnicastChecksum),
        .keyword("native_ipv6", nativeIPv6),
        .keyword("interface", interface),
        .keyword("vrf", vrf),
        .keyword("mcast_src_ip", sourceAddress),
        .keyword("unicast_src_ip") { p, line in
            edit(p) { $0.unicastConfigured = true }
            sourceAddress(p, line)
        },
        .keyword("mcast_dst_ip", multicastDestination),
        .keyword("track_src_ip") { p, _ in edit(p) { $0.trackSourceAddress = true } },
        .keyword("unicast_ttl", unicastTTL),
        .keyword("virtual_ipaddress", virtualAddresses),
        .keyword("virtual_ipaddress_excluded") { p, line in
            p.readValueBlock(line) { item in
                if let address = AddressKeywords.parseAddress(p, item, context: .excludedAddress) {
                    edit(p) { $0.excludedAddresses.append(address) }
                }
            }
        },
        .keyword("promote_secondaries") { p, _ in edit(p) { $0.promoteSecondaries = true } },
        .keyword("virtual_routes") { p, line in
            p.readValueBlock(line) { item in
                if let route = AddressKeywords.parseRoute(p, item, isStatic: false) { edit(p) { $0.virtualRoutes.append(route) } }
            }
        },
        .keyword("virtual_rules") { p, line in
            p.readValueBlock(line) { item in
                if let rule = AddressKeywords.parseRule(p, item, isStatic: false) { edit(p) { $0.virtualRules.append(rule) } }
            }
        },
        .keyword("kernel_rx_buf_size") { p, line in
            if line.count == 2, let size = p.readUnsigned(line, 1, 0...UInt64(UInt32.max)) {
                edit(p) { $0.kernelReceiveBufferSize = UInt32(size) }
                return
            }
            p.error("(\(name(p))) invalid kernel_rx_buf_size specified", line, hint: "give one size in bytes")
        },
    ]

    /// IFNAMSIZ - 1: the longest interface name the kernel accepts.
    static let maxInterfaceName = 15

    /// keepalived.conf: interface IFNAME
    static func interface(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let ifname = parser.argument(line, 1) else { return }
        let vrrpName = name(parser)
        guard ifname.utf8.count <= maxInterfaceName else {
            parser.error("Interface name '\(ifname)' too long - ignoring", line, word: 1, hint: "interface names have at most 15 characters")
            return
        }
        guard let found = parser.lookupInterface(ifname) else {
            parser.error("WARNING - interface \(ifname) for vrrp_instance \(vrrpName) doesn't exist", line, word: 1,
                         hint: "name an interface this host has (keepalived 2.2.7 will not start)")
            edit(parser) { $0.interface = nil; $0.namedMissingInterface = true }
            return
        }
        if found.isLoopback {
            parser.error("(\(vrrpName)) cannot use a loopback interface (\(ifname)) for vrrp - ignoring", line, word: 1,
                         hint: "VRRP needs a broadcast interface such as eth0")
            edit(parser) { $0.interface = nil }
            return
        }
        edit(parser) { $0.interface = ifname }
    }

    /// keepalived.conf: vrf IFNAME (only without interface, with unicast)
    static func vrf(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let ifname = parser.argument(line, 1), let vrrp = parser.config.vrrpInstances.last else { return }
        if ifname.utf8.count > maxInterfaceName {
            parser.error("(\(vrrp.name)) VRF interface name '\(ifname)' too long - ignoring", line, word: 1,
                         hint: "interface names have at most 15 characters")
        } else if vrrp.interface != nil {
            parser.error("(\(vrrp.name)) Cannot specify VRF interface and interface - ignoring", line,
                         hint: "a VRF instance is unicast without an interface; remove one of them")
        } else if let existing = vrrp.vrf {
            parser.error("(\(vrrp.name)) VRF interface already specified as '\(existing)' - ignoring", line, hint: "give vrf once")
        } else if let found = parser.lookupInterface(ifname) {
            if found.isLoopback {
                parser.error("(\(vrrp.name)) cannot use a loopback interface (\(ifname)) for VRF - ignoring", line, word: 1,
                             hint: "name the VRF device")
            } else {
                edit(parser) { $0.vrf = ifname }
            }
        } else {
            parser.error("(\(vrrp.name)) WARNING - VRF interface \(ifname) doesn't exist", line, word: 1,
                         hint: "name a VRF device this host has (keepalived 2.2.7 will not start)")
            edit(parser) { $0.namedMissingInterface = true }
        }
    }

    /// Records the family of an address of the instance, or says it differs (nil).
    static func claimFamily(_ parser: ConfigParser, _ family: IPAddress.Family) -> Bool {
        guard let current = parser.config.vrrpInstances.last?.family else {
            edit(parser) { $0.family = family }
            return true
        }
        return current == family
    }

    /// keepalived.conf: mcast_src_ip / unicast_src_ip ADDR
    static func sourceAddress(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let text = parser.argument(line, 1) else { return }
        let vrrpName = name(parser)
        guard let address = socketAddress(text) else {
            parser.error("Configuration error: VRRP instance[\(vrrpName)] malformed src address[\(text)]. Skipping...",
                         line, word: 1, hint: "give an IPv4 or IPv6 address")
            edit(parser) { $0.sourceAddress = nil }
            return
        }
        guard claimFamily(parser, address.family) else {
            parser.error("Configuration error: VRRP instance[\(vrrpName)] and src address[\(text)] MUST be of the same family !!! Skipping...",
                         line, word: 1, hint: "use an address of the instance's family")
            edit(parser) { $0.sourceAddress = nil; $0.sourceFromConfig = false }
            return
        }
        edit(parser) { $0.sourceAddress = address; $0.sourceFromConfig = true }
    }

    /// keepalived.conf: mcast_dst_ip ADDR (IPv4 multicast, or IPv6 link-local multicast)
    static func multicastDestination(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let text = parser.argument(line, 1) else { return }
        let vrrpName = name(parser)
        guard let address = socketAddress(text) else {
            parser.error("(\(vrrpName)) malformed mcast dest address \(text). Skipping...", line, word: 1,
                         hint: "give a multicast address")
            return
        }
        guard claimFamily(parser, address.family) else {
            parser.error("(\(vrrpName)) mcast dest address \(text) MUST match VRRP instance family. Skipping...", line, word: 1,
                         hint: "use an address of the instance's family")
            edit(parser) { $0.multicastDestination = nil }
            return
        }
        let bytes = address.bytes
        let multicast = address.family == .inet ? bytes[0] & 0xf0 == 0xe0 : bytes[0] == 0xff && bytes[1] & 0x0f == 0x02
        guard multicast else {
            parser.error("(\(vrrpName)) mcast_dst_ip \(text) not\(address.family == .inet6 ? " link-local" : "") multicast. Skipping...",
                         line, word: 1, hint: address.family == .inet ? "use an address in 224.0.0.0/4" : "use an address in ff02::/16")
            edit(parser) { $0.multicastDestination = nil }
            return
        }
        edit(parser) { $0.multicastDestination = address }
    }

    /// keepalived.conf: unicast_ttl 0-255
    static func unicastTTL(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let text = parser.argument(line, 1) else { return }
        guard let ttl = parser.readUnsigned(text, 0...255, line, word: 1) else {
            parser.error("(\(name(parser))): TTL '\(text)' not valid - must be between 0 & 255", line, word: 1, hint: "use 0 to 255")
            return
        }
        edit(parser) { $0.unicastTTL = UInt8(ttl) }
    }

    /// keepalived.conf: native_ipv6
    static func nativeIPv6(_ parser: ConfigParser, _ line: KeywordLine) {
        if parser.config.vrrpInstances.last?.family == .inet {
            parser.error("(\(name(parser))) Cannot specify native_ipv6 with IPv4 addresses", line,
                         hint: "remove native_ipv6 or use IPv6 addresses")
            return
        }
        edit(parser) { $0.family = .inet6; $0.version = .v3; $0.nativeIPv6 = true }
    }

    /// keepalived.conf: old_unicast_checksum [never]
    static func oldUnicastChecksum(_ parser: ConfigParser, _ line: KeywordLine) {
        edit(parser) { $0.unicastConfigured = true }
        guard let word = line[1] else {
            edit(parser) { $0.oldUnicastChecksum = .configured }
            return
        }
        if word == "never" {
            edit(parser) { $0.oldUnicastChecksum = .never }
        } else {
            parser.error("(\(name(parser))) Unknown old_unicast_chksum mode \(word) - ignoring", line, word: 1,
                         hint: "the only mode is `never`")
        }
    }

    /// keepalived.conf: virtual_ipaddress { ADDRESS-LINE ... }
    static func virtualAddresses(_ parser: ConfigParser, _ line: KeywordLine) {
        parser.readValueBlock(line) { item in
            guard let address = AddressKeywords.parseAddress(parser, item, context: .virtualAddress) else { return }
            guard claimFamily(parser, address.prefix.address.family) else {
                parser.error("(\(name(parser))): address family must match VRRP instance [\(item.keyword)] - ignoring",
                             item, hint: "put addresses of the other family in virtual_ipaddress_excluded or another instance")
                return
            }
            edit(parser) { $0.virtualAddresses.append(address) }
        }
    }

    /// keepalived.conf: unicast_peer { ADDR [min_ttl N] [max_ttl N] ... }
    static func unicastPeer(_ parser: ConfigParser, _ line: KeywordLine) {
        edit(parser) { $0.unicastConfigured = true }
        parser.readValueBlock(line) { item in peer(parser, item) }
    }

    static func peer(_ parser: ConfigParser, _ item: KeywordLine) {
        let vrrpName = name(parser)
        let text = item.keyword
        guard let address = socketAddress(text) else {
            parser.error("Configuration error: VRRP instance[\(vrrpName)] malformed unicast peer address[\(text)]. Skipping...",
                         item, hint: "give an IPv4 or IPv6 address")
            return
        }
        guard claimFamily(parser, address.family) else {
            parser.error("Configuration error: VRRP instance[\(vrrpName)] and unicast peer address[\(text)] MUST be of the same family !!! Skipping...",
                         item, hint: "all addresses of an instance share one family")
            return
        }
        var peer = UnicastPeer(address: address, location: item.location)
        var checkSource = false
        var i = 1
        while i < item.count {
            guard i + 1 < item.count else {
                parser.error("(\(vrrpName)) \(item.tokens[i].text) is missing a value", item, word: i, hint: "write `min_ttl N` or `max_ttl N`")
                break
            }
            if let ttl = parser.readUnsigned(item.tokens[i + 1].text, 0...255, item, word: i + 1) {
                switch item.tokens[i].text {
                case "min_ttl": peer.minTTL = UInt8(ttl)
                case "max_ttl": peer.maxTTL = UInt8(ttl)
                default:
                    parser.error("(\(vrrpName)) unknown unicast_peer option \(item.tokens[i].text)", item, word: i,
                                 hint: "the options are min_ttl and max_ttl")
                    i = item.count
                    continue
                }
                checkSource = true
            }
            i += 2
        }
        if peer.minTTL > peer.maxTTL {
            parser.error("(\(vrrpName)) min_ttl \(peer.minTTL) > max_ttl \(peer.maxTTL) - all packets will be discarded", item,
                         hint: "make min_ttl at most max_ttl")
        }
        edit(parser) { vrrp in
            vrrp.unicastPeers.append(peer)
            if checkSource { vrrp.checkUnicastSource = true }
        }
    }
}
