/// SSL, virtual_server_group, virtual_server and its keywords (keepalived's init_check_keywords).
enum CheckerKeywords {
    static let rootEntries: [KeywordTable.Entry] = [
        .block("SSL", open: { parser, line in
            if parser.config.ssl != nil {
                parser.error("SSL context already specified - replacing", line, hint: "keep one SSL block")
            }
            parser.config.ssl = SSLSettings(location: line.location)
        }, sslTable),
        .keyword("virtual_server_group") { parser, line in readGroup(parser, line) },
        .block("virtual_server", open: { parser, line in openVirtualServer(parser, line) },
               close: { parser in closeVirtualServer(parser) }, virtualServerTable),
    ]

    static let sslTable = KeywordTable([
        sslFile("password", "password", \.password),
        sslFile("ca", "cafile", \.caFile),
        sslFile("certificate", "certfile", \.certificateFile),
        sslFile("key", "keyfile", \.keyFile),
    ])

    private static func sslFile(_ keyword: String, _ type: String, _ field: any WritableKeyPath<SSLSettings, String?> & Sendable) -> KeywordTable.Entry {
        .keyword(keyword) { parser, line in
            guard let value = line[1] else {
                parser.error("SSL \(type) missing", line, hint: "give a file name after \(keyword)")
                return
            }
            if parser.config.ssl?[keyPath: field] != nil {
                parser.error("SSL \(type) already specified - replacing", line, hint: "give \(keyword) once")
            }
            parser.config.ssl?[keyPath: field] = value
        }
    }

    // MARK: - virtual_server

    static func openVirtualServer(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let first = parser.argument(line, 1) else { return }
        let service: VirtualServer.Service
        if first == "group" {
            guard let name = parser.argument(line, 2) else { return }
            service = .group(name)
        } else if first == "fwmark" {
            guard let text = parser.argument(line, 2) else { return }
            guard let mark = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: 2) else {
                parser.error("virtual server fwmark '\(text)' must be in [0, \(UInt32.max)] - ignoring", line, word: 2,
                             hint: "give a firewall mark number")
                parser.skipBlock(needBlockStart: true)
                return
            }
            service = .fwmark(UInt32(mark))
        } else {
            let portText = line[2]
            guard let (address, port) = parser.serviceAddress(first, port: portText, line, portWord: 2) else {
                let shown = portText.flatMap { $0.contains { $0 != "0" } ? $0 : nil }
                parser.error("Invalid virtual server IP address\(shown == nil ? "" : "/port") \(first)\(shown.map { "/" + $0 } ?? "") - skipping",
                             line, word: 1, hint: "give an IPv4 or IPv6 address and a port from 1 to 65535")
                parser.skipBlock(needBlockStart: true)
                return
            }
            service = .address(address, port: port)
        }
        var vs = VirtualServer(service: service, location: line.location)
        vs.family = vs.address?.family
        parser.config.virtualServers.append(vs)
    }

    /// keepalived's vs_end_handler: the sorry server's family, and a family for fwmark services.
    static func closeVirtualServer(_ parser: ConfigParser) {
        parser.editVirtualServer { vs in
            if let sorry = vs.sorryServer, sorry.forwarding?.kind != .tunnel {
                if vs.family == nil {
                    vs.family = sorry.address.family
                } else if vs.family != sorry.address.family {
                    parser.errorHere("Address family of virtual server and sorry server \(sorry.address) don't match - skipping sorry server.",
                                     class: .generalError, hint: "use a sorry server of the virtual server's family")
                    vs.sorryServer = nil
                }
            }
            if vs.family == nil, vs.groupName == nil {
                var families = Set(vs.realServers.map(\.address.family))
                if let sorry = vs.sorryServer { families.insert(sorry.address.family) }
                vs.family = families.count == 1 ? families.first : .inet
            }
        }
    }

    static let virtualServerTable = KeywordTable(serviceEntries + [
        .block("real_server", open: { parser, line in RealServerKeywords.open(parser, line) },
               close: { parser in RealServerKeywords.close(parser) }, RealServerKeywords.table),
    ])
}
