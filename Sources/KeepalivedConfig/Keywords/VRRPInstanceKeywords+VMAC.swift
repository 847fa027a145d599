/// vrrp_instance keywords that put the instance on a macvlan or ipvlan interface of its own.
extension VRRPInstanceKeywords {
    /// keepalived.conf: use_vmac [IFNAME] [MAC]
    static func useVMAC(_ parser: ConfigParser, _ line: KeywordLine) {
        edit(parser) { if $0.virtualMAC == nil { $0.virtualMAC = VirtualMACSettings(kind: .macvlan) } }
        var i = 1
        while i < line.count && i <= 2 {
            defer { i += 1 }
            let word = line.tokens[i].text
            if word.contains(":") {
                vmacAddress(parser, line, word: i)
            } else {
                vmacName(parser, line, word: i, label: "VMAC")
            }
        }
    }

    private static func vmacAddress(_ parser: ConfigParser, _ line: KeywordLine, word i: Int) {
        let text = line.tokens[i].text
        if parser.config.vrrpInstances.last?.virtualMAC?.macAddress != nil {
            parser.error("VMAC interface address already specified", line, word: i, hint: "give one MAC address")
            return
        }
        guard text.allSatisfy({ $0 == ":" || ($0.isASCII && $0.isHexDigit) }) else {
            parser.error("VMAC invalid MAC address \(text)", line, word: i, hint: "write six hex bytes separated by ':'")
            return
        }
        guard let (bytes, endsWithVRID) = macAddress(text) else {
            parser.error("VMAC invalid MAC address \(text) - ignored", line, word: i, hint: "write six hex bytes separated by ':'")
            return
        }
        if bytes[0] & 1 != 0 {
            parser.error("VMAC MAC address is multicast \(text) - ignoring", line, word: i, hint: "use a unicast MAC address")
        } else if bytes.prefix(4) == [0x00, 0x00, 0x5e, 0x00] && (bytes[4] == 1 || bytes[4] == 2) {
            parser.error("VMAC MAC address not allowed to be RFC5798 address (\(text)) - ignoring", line, word: i,
                         hint: "leave the MAC out to get the RFC 5798 address")
        } else {
            edit(parser) { vrrp in
                vrrp.virtualMAC?.macAddress = bytes
                vrrp.virtualMAC?.macEndsWithVRID = endsWithVRID
            }
        }
    }

    /// keepalived's MAC reader: five or six hex bytes of at most two digits; five means the VRID
    /// completes the address.
    static func macAddress(_ text: String) -> ([UInt8], Bool)? {
        var bytes = [UInt8](repeating: 0, count: 6)
        var rest = Substring(text)
        for j in 0..<6 {
            let digits = rest.prefix(while: { $0.isHexDigit })
            guard !digits.isEmpty, digits.count <= 2, let value = UInt8(digits, radix: 16) else { return nil }
            let after = rest.dropFirst(digits.count)
            if after.first != ":" && (!after.isEmpty || j < 4) { return nil }
            bytes[j] = value
            if j == 4 && (after.isEmpty || after == ":") { return (bytes, true) }
            rest = after.dropFirst()
            if rest.isEmpty && j < 5 { return nil }
        }
        return (bytes, false)
    }

    /// The kernel's dev_name_valid.
    static func validDeviceName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxInterfaceName && name != "." && name != ".."
            && !name.contains(where: { $0 == "/" || $0 == ":" || $0.isWhitespace })
    }

    private static func vmacName(_ parser: ConfigParser, _ line: KeywordLine, word i: Int, label: String) {
        let ifname = line.tokens[i].text
        guard let vrrp = parser.config.vrrpInstances.last else { return }
        if vrrp.virtualMAC?.interfaceName != nil {
            parser.error(label == "VMAC" ? "VMAC interface name already specified" : "(\(vrrp.name)) IPVLAN interface already specified - ignoring '\(ifname)'",
                         line, word: i, hint: "give one interface name")
            return
        }
        if label == "VMAC" ? !validDeviceName(ifname) : ifname.utf8.count > maxInterfaceName {
            parser.error(label == "VMAC" ? "VMAC interface name '\(ifname)' too long or invalid characters - ignoring"
                                         : "(\(vrrp.name)) IPVLAN interface name '\(ifname)' too long - ignoring",
                         line, word: i, hint: "use at most 15 characters, without '/', ':' or spaces")
            return
        }
        if let other = parser.config.vrrpInstances.first(where: { $0.virtualMAC?.interfaceName == ifname }) {
            parser.error("(\(vrrp.name)) VRRP instance \(other.name) is already using \(ifname) - ignoring name", line, word: i,
                         hint: "give each instance its own \(label) interface name")
            return
        }
        edit(parser) { $0.virtualMAC?.interfaceName = ifname }
    }

    /// keepalived.conf: use_ipvlan [IFNAME] [ADDR[/PREFIX]] [bridge|private|vepa]
    static func useIPVLAN(_ parser: ConfigParser, _ line: KeywordLine) {
        let vrrpName = name(parser)
        if parser.config.vrrpInstances.last?.virtualMAC?.kind == .ipvlan {
            parser.error("(\(vrrpName)) use_ipvlan already specified", line, hint: "give use_ipvlan once")
            return
        }
        edit(parser) { vrrp in
            var settings = vrrp.virtualMAC ?? VirtualMACSettings(kind: .ipvlan)
            settings.kind = .ipvlan
            vrrp.virtualMAC = settings
        }
        var hadMode = false
        for i in 1..<max(line.count, 1) {
            let word = line.tokens[i].text
            if let mode = IPVLANMode(rawValue: word) {
                if hadMode {
                    parser.error("(\(vrrpName)) ipvlan type already specified - ignoring '\(word)'", line, word: i, hint: "give one ipvlan type")
                } else {
                    hadMode = true
                    edit(parser) { $0.virtualMAC?.ipvlanMode = mode }
                }
                continue
            }
            if let prefix = IPPrefix(word) {
                if parser.config.vrrpInstances.last?.virtualMAC?.ipvlanAddress != nil {
                    parser.error("(\(vrrpName)) ipvlan address already specified - ignoring '\(word)'", line, word: i, hint: "give one address")
                    continue
                }
                guard claimFamily(parser, prefix.address.family) else {
                    parser.error("(\(vrrpName)) ipvlan address[\(word)] MUST match vrrp instance family !!! Skipping...", line, word: i,
                                 hint: "use an address of the instance's family")
                    continue
                }
                edit(parser) { vrrp in
                    vrrp.virtualMAC?.ipvlanAddress = prefix
                    if vrrp.sourceAddress == nil {
                        vrrp.sourceAddress = prefix.address
                        vrrp.sourceFromConfig = true
                    }
                }
                continue
            }
            vmacName(parser, line, word: i, label: "IPVLAN")
        }
    }
}
