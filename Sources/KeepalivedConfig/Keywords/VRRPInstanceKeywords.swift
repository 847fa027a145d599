/// vrrp_instance NAME { ... }: the block keepalived 2.2.7 reads in init_vrrp_keywords.
enum VRRPInstanceKeywords {
    static let rootEntries: [KeywordTable.Entry] = [
        .block("vrrp_instance", open: open, close: close, table),
    ]

    static let table = KeywordTable(
        addressEntries + trackingEntries + protocolEntries + timerEntries + notifyEntries + [
            .block("authentication", KeywordTable([
                .keyword("auth_type", authType),
                .keyword("auth_pass", authPass),
            ])),
        ])

    // MARK: - The block

    /// keepalived's vrrp_handler: one name, not used before.
    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard line.count == 2, let name = line[1] else {
            parser.error("vrrp_instance must have a name", line, hint: "write `vrrp_instance NAME {`")
            parser.skipBlock(needBlockStart: true)
            return
        }
        if parser.knownNames(\.vrrpInstances, \.name).contains(name) {
            parser.error("vrrp instance \(name) already defined", line, word: 1,
                         hint: "give each vrrp_instance its own name; this block is skipped")
            parser.skipBlock(needBlockStart: true)
            return
        }
        parser.config.vrrpInstances.append(VRRPInstance(name: name, location: line.location(of: 1)))
    }

    /// keepalived's vrrp_end_handler: settings that only make sense together.
    static func close(_ parser: ConfigParser) {
        parser.config.withLast(\.vrrpInstances) { vrrp in
            if vrrp.unicastConfigured, vrrp.virtualMAC != nil {
                if vrrp.interface == nil {
                    parser.errorHere(
                        "(\(vrrp.name)): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac",
                        class: .generalError, hint: "give the instance an interface, or drop use_vmac/use_ipvlan")
                    vrrp.virtualMAC = nil
                } else if !vrrp.vmacTransmitOnBase {
                    parser.errorHere("(\(vrrp.name)) unicast with use_vmac requires vmac_xmit_base - setting",
                                     class: .generalError, hint: "add vmac_xmit_base to the instance")
                    vrrp.vmacTransmitOnBase = true
                }
            }
            if vrrp.unicastPeers.isEmpty, vrrp.unicastTTL != nil {
                parser.errorHere("(\(vrrp.name)): Cannot use unicast_ttl without unicast peers - resetting",
                                 class: .generalError, hint: "remove unicast_ttl or add unicast_peer")
                vrrp.unicastTTL = nil
            }
            if vrrp.interface == nil { vrrp.linkbeatUsePolling = false }
        }
    }

    // MARK: - Helpers

    /// Edits the instance being read (keepalived's list_last_entry).
    static func edit(_ parser: ConfigParser, _ body: (inout VRRPInstance) -> Void) {
        parser.config.withLast(\.vrrpInstances, body)
    }

    /// The name of the instance being read, for messages.
    static func name(_ parser: ConfigParser) -> String {
        let instances = parser.config.vrrpInstances
        return instances.isEmpty ? "" : instances[instances.count - 1].name
    }

    /// An optional BOOL after a flag keyword (absent: true), keepalived's check_true_false with its
    /// own message on a bad word.
    static func flag(_ parser: ConfigParser, _ line: KeywordLine, invalid message: (String) -> String) -> Bool? {
        guard let word = line[1] else { return true }
        if let value = ConfigParser.bool(word) { return value }
        parser.error(message(word), line, word: 1, hint: "use on/off, true/false or yes/no")
        return nil
    }

    /// inet_stosockaddr: the family from a ':' in the text, anything from '-' or '/' ignored.
    static func socketAddress(_ text: String) -> IPAddress? {
        let cut = text.firstIndex(where: { $0 == "-" }) ?? text.firstIndex(where: { $0 == "/" })
        let address = cut.map { String(text[..<$0]) } ?? text
        if text.contains(":") {
            guard let parsed = IPAddress.parseV6(address) else { return nil }
            return parsed
        }
        return IPAddress.parseV4(Substring(address)).map { IPAddress.v4($0) }
    }

    // MARK: - authentication

    /// keepalived.conf: authentication { auth_type PASS|AH }
    static func authType(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let word = parser.argument(line, 1) else { return }
        let vrrpName = name(parser)
        guard let kind = VRRPAuthentication.Kind(rawValue: word) else {
            parser.error("(\(vrrpName)) unknown authentication type '\(word)'", line, word: 1, hint: "use PASS or AH")
            return
        }
        edit(parser) { vrrp in
            if vrrp.authentication == nil { vrrp.authentication = VRRPAuthentication(location: line.location) }
            vrrp.authentication?.type = kind
        }
    }

    /// keepalived.conf: authentication { auth_pass PASSWORD } (8 bytes at most)
    static func authPass(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let word = parser.argument(line, 1) else { return }
        var bytes = Array(word.utf8)
        if bytes.count > 8 {
            bytes = Array(bytes.prefix(8))
            parser.error("Truncating auth_pass to 8 characters", line, word: 1,
                         hint: "VRRPv2 passwords are at most 8 characters; shorten it on every router")
        }
        edit(parser) { vrrp in
            if vrrp.authentication == nil { vrrp.authentication = VRRPAuthentication(location: line.location) }
            vrrp.authentication?.password = bytes
        }
    }
}
