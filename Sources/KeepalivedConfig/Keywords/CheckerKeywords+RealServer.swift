/// `real_server IP [PORT] { ... }` and its keywords (keepalived's rs_* handlers).
enum RealServerKeywords {
    static func open(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let text = parser.argument(line, 1) else { return }
        guard let (address, port) = parser.serviceAddress(text, port: line[2], line, portWord: 2) else {
            parser.error("Invalid real server ip address/port \(text)/\(line[2] ?? "(null)") - skipping", line, word: 1,
                         hint: "give an IPv4 or IPv6 address and a port from 1 to 65535")
            parser.skipBlock(needBlockStart: true)
            return
        }
        parser.editVirtualServer { vs in
            var rs = RealServer(address: address, port: port, location: line.location)
            rs.forwarding = vs.forwarding
            vs.realServers.append(rs)
        }
    }

    /// keepalived's rs_end_handler: a non-tunnelled real server fixes the service's family.
    static func close(_ parser: ConfigParser) {
        parser.editVirtualServer { vs in
            guard let rs = vs.realServers.last, rs.forwarding?.kind != .tunnel else { return }
            if vs.family == nil {
                vs.family = rs.address.family
            } else if vs.family != rs.address.family {
                parser.errorHere("Address family of virtual server and real server \(rs.address) don't match - skipping real server.",
                                 class: .generalError, hint: "use a real server of the virtual server's family, or TUN")
                vs.realServers.removeLast()
            }
        }
    }

    static let table = KeywordTable([
        .keyword("weight") { parser, line in
            guard line.count > 1 else { return parser.missingParameter(line, at: 1) }
            guard let v = parser.readUnsigned(line, 1, 0...UInt64(Int32.max)) else {
                parser.error("Real server weight \(line[1]!) is outside range 0-\(Int32.max)", line, word: 1,
                             hint: "give a weight from 0 to \(Int32.max)")
                return
            }
            parser.editRealServer { $0.weight = UInt32(v) }
        },
        .keyword("lvs_method") { parser, line in
            let current = parser.config.virtualServers.last?.realServers.last?.forwarding
            guard let method = CheckerKeywords.readForwarding(parser, line, current: current, server: "real") else { return }
            parser.editRealServer { $0.forwarding = method }
        },
        .keyword("uthreshold") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max), { "Invalid real_server uthreshold '\($0)' - ignoring" }) else { return }
            parser.editRealServer { $0.upperThreshold = UInt32(v) }
        },
        .keyword("lthreshold") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max), { "Invalid real_server lthreshold '\($0)' - ignoring" }) else { return }
            parser.editRealServer { $0.lowerThreshold = UInt32(v) }
        },
        .keyword("inhibit_on_failure") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid inhibit_on_failure parameter") else { return }
            parser.editRealServer { $0.inhibitOnFailure = v }
        },
        .keyword("notify_up") { parser, line in notifyScript(parser, line, \.notifyUp) },
        .keyword("notify_down") { parser, line in notifyScript(parser, line, \.notifyDown) },
        .keyword("alpha") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid alpha parameter") else { return }
            parser.editRealServer { $0.alpha = v }
        },
        .keyword("retry") { parser, line in
            guard let v = parser.checkerUnsigned(line, 1...UInt64(UInt32.max), { "retry value invalid - \($0)" }) else { return }
            parser.editRealServer { $0.retry = UInt32(v) }
        },
        .keyword("delay_before_retry") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "real server delay_before_retry '\($0)' invalid - ignoring" }) else { return }
            parser.editRealServer { $0.delayBeforeRetry = v }
        },
        .keyword("warmup") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "real server warmup '\($0)' invalid - ignoring" }) else { return }
            parser.editRealServer { $0.warmup = v }
        },
        .keyword("connect_timeout") { parser, line in
            guard let v = parser.checkerTimer(line, min: 1, max: UInt64(UInt32.max), { "real server connect_timeout \($0) invalid - ignoring" }) else { return }
            parser.editRealServer { $0.connectTimeout = v }
        },
        .keyword("delay_loop") { parser, line in
            guard let v = parser.checkerTimer(line, min: 1, { "real server delay_loop '\($0)' invalid - ignoring" }) else { return }
            parser.editRealServer { $0.delayLoop = v }
        },
        .keyword("smtp_alert") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid real_server smtp_alert parameter") else { return }
            parser.editRealServer { $0.smtpAlert = v }
        },
        .keyword("virtualhost") { parser, line in
            guard let name = line[1] else {
                parser.error("real server virtualhost missing", line, hint: "give a host name")
                return
            }
            parser.editRealServer { $0.virtualhost = name }
        },
        .keyword("snmp_name") { parser, line in
            guard line.count == 2, let name = line[1] else {
                parser.error("real server snmp_name missing or extra parameters", line, hint: "give exactly one name")
                return
            }
            parser.editRealServer { $0.snmpName = name }
        },
    ] + CheckerBlockKeywords.entries)

    static func notifyScript(_ parser: ConfigParser, _ line: KeywordLine, _ field: WritableKeyPath<RealServer, NotifyScript?>) {
        if parser.config.virtualServers.last?.realServers.last?[keyPath: field] != nil {
            let group = parser.config.virtualServers.last?.groupName ?? "(null)"
            parser.error("(\(group)) \(line.keyword) script already specified - ignoring \(line[1] ?? "")", line, word: 1,
                         hint: "give \(line.keyword) once")
            return
        }
        let script = parser.readScript(line, kind: "notify")
        parser.editRealServer { $0[keyPath: field] = script }
    }
}
