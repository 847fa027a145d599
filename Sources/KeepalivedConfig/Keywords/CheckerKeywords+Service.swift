/// The keywords of a virtual_server block other than real_server (keepalived's check_parser.c).
extension CheckerKeywords {
    static let serviceEntries: [KeywordTable.Entry] = [
        .keyword("ip_family") { parser, line in
            guard let word = parser.argument(line, 1) else { return }
            let family: IPAddress.Family
            switch word {
            case "inet": family = .inet
            case "inet6": family = .inet6
            default:
                parser.error("unknown address family \(word)", line, word: 1, hint: "use inet or inet6")
                return
            }
            parser.editVirtualServer { vs in
                if let current = vs.family, current != family {
                    parser.error("Virtual server specified family \(word) conflicts with server family", line, word: 1,
                                 hint: "remove ip_family or make it match the addresses")
                    return
                }
                vs.family = family
            }
        },
        .keyword("retry") { parser, line in
            guard let v = parser.checkerUnsigned(line, 1...UInt64(UInt32.max), { "retry value invalid - \($0)" }) else { return }
            parser.editVirtualServer { $0.retry = UInt32(v) }
        },
        .keyword("delay_before_retry") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "virtual server delay before retry '\($0)' invalid - ignoring" }) else { return }
            parser.editVirtualServer { $0.delayBeforeRetry = v }
        },
        .keyword("warmup") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "virtual server warmup '\($0)' invalid - ignoring" }) else { return }
            parser.editVirtualServer { $0.warmup = v }
        },
        .keyword("connect_timeout") { parser, line in
            guard let v = parser.checkerTimer(line, min: 1, max: UInt64(UInt32.max), { "virtual server connect_timeout \($0) invalid - ignoring" }) else { return }
            parser.editVirtualServer { $0.connectTimeout = v }
        },
        .keyword("delay_loop") { parser, line in
            guard let v = parser.checkerTimer(line, min: 1, { "virtual server delay loop '\($0)' invalid - ignoring" }) else { return }
            parser.editVirtualServer { $0.delayLoop = v }
        },
        .keyword("inhibit_on_failure") { parser, _ in parser.editVirtualServer { $0.inhibitOnFailure = true } },
        .keyword("lb_algo", scheduler),
        .keyword("lvs_sched", scheduler),
        .keyword("hashed", serviceFlag),
        .keyword("ops", serviceFlag),
        .keyword("flag-1", serviceFlag),
        .keyword("flag-2", serviceFlag),
        .keyword("flag-3", serviceFlag),
        .keyword("sh-port", serviceFlag),
        .keyword("sh-fallback", serviceFlag),
        .keyword("mh-port", serviceFlag),
        .keyword("mh-fallback", serviceFlag),
        .keyword("lb_kind", serviceForwarding),
        .keyword("lvs_method", serviceForwarding),
        .keyword("persistence_engine") { parser, line in
            guard var name = parser.argument(line, 1) else { return }
            if name.utf8.count > 15 {
                parser.error("persistence_name too long, truncating - \(name)", line, word: 1, hint: "use at most 15 characters")
                name = String(decoding: name.utf8.prefix(15), as: UTF8.self)
            }
            parser.editVirtualServer { $0.persistenceEngine = name }
        },
        .keyword("persistence_timeout") { parser, line in
            guard line.count > 1 else {
                parser.editVirtualServer { $0.persistenceTimeout = 360 }
                return
            }
            guard let v = parser.readUnsigned(line, 1, 1...(86400 * 31)) else {
                parser.error("persistence_timeout invalid", line, word: 1, hint: "give seconds from 1 to 2678400")
                return
            }
            parser.editVirtualServer { $0.persistenceTimeout = UInt32(v) }
        },
        .keyword("persistence_granularity", granularity),
        .keyword("protocol") { parser, line in
            guard let word = parser.argument(line, 1) else { return }
            guard let proto = VirtualServer.ServiceProtocol(rawValue: word.uppercased()) else {
                parser.error("Unknown protocol \(word) - ignoring", line, word: 1, hint: "use TCP, UDP or SCTP")
                return
            }
            parser.editVirtualServer { $0.serviceProtocol = proto }
        },
        .keyword("ha_suspend") { parser, _ in parser.editVirtualServer { $0.haSuspend = true } },
        .keyword("smtp_alert") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid virtual_server smtp_alert parameter") else { return }
            parser.editVirtualServer { $0.smtpAlert = v }
        },
        .keyword("virtualhost") { parser, line in
            guard let name = line[1] else {
                parser.error("virtual server virtualhost missing", line, hint: "give a host name")
                return
            }
            parser.editVirtualServer { $0.virtualhost = name }
        },
        .keyword("snmp_name") { parser, line in
            guard line.count == 2, let name = line[1] else {
                parser.error("virtual server snmp_name missing or extra parameters", line, hint: "give exactly one name")
                return
            }
            parser.editVirtualServer { $0.snmpName = name }
        },
        .keyword("alpha") { parser, _ in parser.editVirtualServer { $0.alpha = true } },
        .keyword("omega") { parser, _ in parser.editVirtualServer { $0.omega = true } },
        .keyword("quorum_up") { parser, line in quorumScript(parser, line, \.quorumUp) },
        .keyword("quorum_down") { parser, line in quorumScript(parser, line, \.quorumDown) },
        .keyword("quorum") { parser, line in
            guard line.count > 1 else { return parser.missingParameter(line, at: 1) }
            var quorum: UInt32 = 1
            if let v = parser.readUnsigned(line, 1, 1...UInt64(UInt32.max)) {
                quorum = UInt32(v)
            } else {
                parser.error("Quorum \(line[1] ?? "") must be in [1, \(UInt32.max)]. Setting to 1.", line, word: 1,
                             hint: "give a total weight of at least 1")
            }
            parser.editVirtualServer { $0.quorum = quorum }
        },
        .keyword("hysteresis") { parser, line in
            guard line.count > 1 else { return parser.missingParameter(line, at: 1) }
            guard let v = parser.readUnsigned(line, 1, 0...UInt64(UInt32.max)) else {
                parser.error("Hysteresis \(line[1] ?? "") must be in [0, \(UInt32.max)] - ignoring", line, word: 1,
                             hint: "give a weight of 0 or more")
                return
            }
            parser.editVirtualServer { $0.hysteresis = UInt32(v) }
        },
        .keyword("weight") { parser, line in
            guard line.count > 1 else { return parser.missingParameter(line, at: 1) }
            guard let v = parser.readUnsigned(line, 1, 1...UInt64(Int32.max)) else {
                parser.error("Virtual server weight \(line[1] ?? "") is outside range 1-\(Int32.max)", line, word: 1,
                             hint: "give a weight from 1 to \(Int32.max)")
                return
            }
            parser.editVirtualServer { $0.weight = UInt32(v) }
        },
        .keyword("sorry_server") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let (address, port) = parser.serviceAddress(text, port: line[2], line, portWord: 2) else {
                parser.error("Invalid sorry server IP address \(text) - skipping", line, word: 1, hint: "give an address and optional port")
                return
            }
            parser.editVirtualServer { vs in
                var sorry = SorryServer(address: address, port: port, location: line.location)
                sorry.forwarding = vs.forwarding
                vs.sorryServer = sorry
            }
        },
        .keyword("sorry_server_inhibit") { parser, line in
            parser.editVirtualServer { vs in
                if vs.sorryServer == nil {
                    parser.error("Ignoring sorry_server inhibit used before or without sorry_server", line,
                                 hint: "put sorry_server_inhibit after sorry_server")
                }
                vs.sorryServer?.inhibit = true
            }
        },
        .keyword("sorry_server_lvs_method") { parser, line in
            guard parser.config.virtualServers.last?.sorryServer != nil else {
                parser.error("sorry_server forwarding used without sorry_server", line, hint: "put it after sorry_server")
                return
            }
            let current = parser.config.virtualServers.last?.sorryServer?.forwarding
            guard let method = readForwarding(parser, line, current: current, server: "sorry") else { return }
            parser.editVirtualServer { $0.sorryServer?.forwarding = method }
        },
    ]

    @Sendable static func scheduler(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let word = parser.argument(line, 1) else { return }
        guard let sched = LVSScheduler(rawValue: word) else {
            parser.error("Invalid lvs_scheduler '\(word)' - ignoring", line, word: 1,
                         hint: "use one of \(LVSScheduler.allCases.map(\.rawValue).joined(separator: ", "))")
            return
        }
        parser.editVirtualServer { $0.scheduler = sched }
    }

    /// keepalived's lbflags_handler; the sh-/mh- flags only count with their scheduler.
    @Sendable static func serviceFlag(_ parser: ConfigParser, _ line: KeywordLine) {
        let word = line.keyword
        parser.editVirtualServer { vs in
            switch word {
            case "ops": vs.flags.insert(.onePacket)
            case "flag-1": vs.flags.insert(.scheduler1)
            case "flag-2": vs.flags.insert(.scheduler2)
            case "flag-3": vs.flags.insert(.scheduler3)
            default:
                if vs.scheduler == .sh || vs.scheduler == .mh {
                    let prefix = vs.scheduler == .sh ? "sh-" : "mh-"
                    if word == prefix + "port" { vs.flags.insert(.scheduler2) }
                    if word == prefix + "fallback" { vs.flags.insert(.scheduler1) }
                } else {
                    parser.error("\(word) only applies to sh scheduler - ignoring", line,
                                 hint: "set lvs_sched sh (or mh for mh-*) before this keyword")
                }
            }
        }
    }

    @Sendable static func serviceForwarding(_ parser: ConfigParser, _ line: KeywordLine) {
        let current = parser.config.virtualServers.last?.forwarding
        guard let method = readForwarding(parser, line, current: current, server: "virtual") else { return }
        parser.editVirtualServer { $0.forwarding = method }
    }

    @Sendable static func granularity(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let word = parser.argument(line, 1) else { return }
        let family = parser.config.virtualServers.last?.family ?? (word.contains(".") ? .inet : .inet6)
        let value: VirtualServer.PersistenceGranularity
        if family == .inet6 {
            guard let bits = parser.readUnsigned(line, 1, 1...128) else {
                parser.error("Invalid IPv6 persistence_granularity specified - \(word)", line, word: 1, hint: "give a prefix length 1-128")
                return
            }
            value = .ipv6PrefixLength(Int(bits))
        } else {
            guard let mask = inetAton(word) else {
                parser.error("Invalid IPv4 persistence_granularity specified - \(word)", line, word: 1, hint: "give a netmask such as 255.255.255.0")
                return
            }
            value = .ipv4Mask(mask)
        }
        parser.editVirtualServer { vs in
            vs.persistenceGranularity = value
            if vs.family == nil { vs.family = family }
            if vs.persistenceTimeout == 0 { vs.persistenceTimeout = 360 }
        }
    }

    /// getaddrinfo(AI_NUMERICHOST, AF_INET), which is inet_aton: one to four parts, each decimal,
    /// octal (leading 0) or hex (0x); the last part fills the remaining bytes.
    static func inetAton(_ text: String) -> IPAddress? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            guard let first = part.first, first.isASCII, first.isNumber else { return nil }
            let parsed = NumberText.strtoul(String(part), radix: 0)
            guard parsed.rest.isEmpty, !parsed.overflow else { return nil }
            values.append(parsed.value)
        }
        let lastLimit: UInt64 = [UInt64(UInt32.max), 0xffffff, 0xffff, 0xff][parts.count - 1]
        guard values.dropLast().allSatisfy({ $0 <= 0xff }), values.last! <= lastLimit else { return nil }
        var result: UInt64 = 0
        for (index, value) in values.dropLast().enumerated() { result |= value << UInt64(24 - 8 * index) }
        return .v4(UInt32(result | values.last!))
    }

    static func quorumScript(_ parser: ConfigParser, _ line: KeywordLine, _ field: WritableKeyPath<VirtualServer, NotifyScript?>) {
        if parser.config.virtualServers.last?[keyPath: field] != nil {
            let group = parser.config.virtualServers.last?.groupName ?? "(null)"
            parser.error("(\(group)) \(line.keyword) script already specified - ignoring \(line[1] ?? "")", line, word: 1,
                         hint: "give \(line.keyword) once")
            return
        }
        let script = parser.readScript(line, kind: "quorum")
        parser.editVirtualServer { $0[keyPath: field] = script }
    }
}
