/// The checker blocks inside real_server (keepalived's install_checkers_keyword) and the keywords
/// they share (install_checker_common_keywords).
enum CheckerBlockKeywords {
    static let entries: [KeywordTable.Entry] = [
        checkerBlock("MISC_CHECK", probe: .misc(MiscCheck()), connection: false, extra: miscEntries, close: closeMisc),
        checkerBlock("SMTP_CHECK", probe: .smtp(SMTPCheck()), connection: true, extra: smtpEntries, close: closeSMTP),
        checkerBlock("TCP_CHECK", probe: .tcp, connection: true, extra: [], close: closeConnection),
        checkerBlock("PING_CHECK", probe: .ping, connection: true, extra: [], close: closeConnection),
        checkerBlock("UDP_CHECK", probe: .udp(UDPCheck()), connection: true, extra: udpEntries, close: closeUDP),
        checkerBlock("HTTP_GET", probe: .http(HTTPCheck()), connection: true, extra: httpEntries, close: closeHTTP),
        checkerBlock("SSL_GET", probe: .ssl(HTTPCheck()), connection: true, extra: httpEntries, close: closeHTTP),
        checkerBlock("DNS_CHECK", probe: .dns(DNSCheck()), connection: true, extra: dnsEntries, close: closeDNS),
        fileCheckBlock,
        .block("BFD_CHECK", open: { parser, line in
            parser.editRealServer { $0.checkers.append(Checker(probe: .bfd(name: nil), connection: nil, location: line.location)) }
        }, close: closeBFD, KeywordTable(bfdEntries)),
    ]

    static func checkerBlock(
        _ name: String, probe: Checker.Probe, connection: Bool, extra: [KeywordTable.Entry],
        close: @escaping KeywordTable.CloseHandler
    ) -> KeywordTable.Entry {
        let common = connection ? connectionEntries(edit: editCheckerConnection, destinationFamily: checkerDestinationFamily) : []
        return .block(name, open: { parser, line in
            parser.editRealServer {
                $0.checkers.append(Checker(probe: probe, connection: connection ? ConnectionOptions() : nil, location: line.location))
            }
        }, close: close, KeywordTable(extra + common + commonEntries))
    }

    // MARK: - Connection keywords

    typealias ConnectionEdit = @Sendable (ConfigParser, (inout ConnectionOptions) -> Void) -> Void

    @Sendable static func editCheckerConnection(_ parser: ConfigParser, _ body: (inout ConnectionOptions) -> Void) {
        parser.editChecker { checker in
            guard checker.connection != nil else { return }
            body(&checker.connection!)
        }
    }

    /// The family the checker connects to so far (SMTP_CHECK starts with none).
    @Sendable static func checkerDestinationFamily(_ parser: ConfigParser) -> IPAddress.Family? {
        guard let checker = parser.currentChecker else { return nil }
        if let ip = checker.connection?.connectIP { return ip.family }
        if checker.connection?.destinationUnset == true { return nil }
        if case .smtp = checker.probe { return nil }
        return parser.config.virtualServers.last?.realServers.last?.address.family
    }

    static func connectionEntries(
        edit: @escaping ConnectionEdit, destinationFamily: @escaping @Sendable (ConfigParser) -> IPAddress.Family?
    ) -> [KeywordTable.Entry] {
        [
            .keyword("connect_ip") { parser, line in
                guard let text = parser.argument(line, 1) else { return }
                guard let ip = ConfigParser.socketAddress(text) else {
                    parser.error("Invalid connect_ip address \(text) - ignoring", line, word: 1, hint: "give an IPv4 or IPv6 address")
                    edit(parser) { $0.connectIP = nil; $0.destinationUnset = true }
                    return
                }
                edit(parser) { co in
                    if let bind = co.bindTo, bind.family != ip.family {
                        parser.error("connect_ip address \(text) does not match address family of bindto - skipping", line, word: 1,
                                     hint: "use the same family for connect_ip and bindto")
                        co.connectIP = nil
                        co.destinationUnset = true
                        return
                    }
                    co.connectIP = ip
                    co.destinationUnset = false
                }
            },
            .keyword("connect_port") { parser, line in
                guard let v = parser.checkerUnsigned(line, 1...65535, { "Invalid checker connect_port '\($0)'" }) else { return }
                edit(parser) { $0.connectPort = UInt16(v) }
            },
            .keyword("bindto") { parser, line in
                guard let text = parser.argument(line, 1) else { return }
                guard let ip = ConfigParser.socketAddress(text) else {
                    parser.error("Invalid bindto address \(text) - ignoring", line, word: 1, hint: "give an IPv4 or IPv6 address")
                    return
                }
                let family = destinationFamily(parser)
                edit(parser) { co in
                    if let family, family != ip.family {
                        parser.error("bindto address \(text) does not match address family of connect_ip - skipping", line, word: 1,
                                     hint: "use the family of the address checked")
                        co.bindTo = nil
                        return
                    }
                    co.bindTo = ip
                }
            },
            .keyword("bind_port") { parser, line in
                guard let v = parser.checkerUnsigned(line, 1...65535, { "Invalid checker bind_port '\($0)'" }) else { return }
                edit(parser) { $0.bindPort = UInt16(v) }
            },
            .keyword("bind_if") { parser, line in
                guard let name = parser.argument(line, 1) else { return }
                guard name.utf8.count <= 15 else {
                    parser.error("Interface name \(name) is too long - ignoring", line, word: 1, hint: "interface names have at most 15 characters")
                    return
                }
                edit(parser) { $0.bindInterface = name }
            },
            .keyword("connect_timeout") { parser, line in
                guard let v = parser.checkerTimer(line, min: 1, max: UInt64(UInt32.max), { "connect_timeout \($0) invalid - ignoring" }) else { return }
                edit(parser) { $0.connectTimeout = v }
            },
            .keyword("fwmark") { parser, line in
                guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max), { "Invalid fwmark connection value '\($0)'" }) else { return }
                edit(parser) { $0.fwmark = UInt32(v) }
            },
        ]
    }

    // MARK: - Keywords of every checker

    static let commonEntries: [KeywordTable.Entry] = [
        .keyword("retry") { parser, line in
            guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max), { "Invalid retry connection value '\($0)'" }) else { return }
            parser.editChecker { $0.retry = UInt32(v) }
        },
        .keyword("delay_before_retry") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "Invalid delay_before_retry connection value '\($0)'" }) else { return }
            parser.editChecker { $0.delayBeforeRetry = v }
        },
        .keyword("warmup") { parser, line in
            guard let v = parser.checkerTimer(line, min: 0, { "Invalid warmup connection value '\($0)'" }) else { return }
            parser.editChecker { $0.warmup = v }
        },
        .keyword("delay_loop") { parser, line in
            guard let v = parser.checkerTimer(line, min: 1, { "delay_loop '\($0)' is invalid - ignoring" }) else { return }
            parser.editChecker { $0.delayLoop = v }
        },
        .keyword("alpha") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid alpha parameter") else { return }
            parser.editChecker { $0.alpha = v }
        },
        .keyword("log_all_failures") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid log_all_failures parameter") else { return }
            parser.editChecker { $0.logAllFailures = v }
        },
    ]

    // MARK: - End of block

    /// keepalived's check_conn_opts: a link-local destination needs bind_if. Drops the checker if not.
    @Sendable static func closeConnection(_ parser: ConfigParser) {
        guard let checker = parser.currentChecker, let co = checker.connection else { return }
        if !connectionUsable(parser, co, at: checker.location) { parser.dropCurrentChecker() }
    }

    static func connectionUsable(_ parser: ConfigParser, _ co: ConnectionOptions, at location: SourceLocation) -> Bool {
        guard let destination = co.connectIP ?? parser.config.virtualServers.last?.realServers.last?.address else { return true }
        if destination.isLinkLocal && co.bindInterface == nil {
            parser.errorHere("Checker link local address \(destination) requires a bind_if", class: .generalError, hint: "add bind_if with the interface to reach it")
            return false
        }
        return true
    }
}
