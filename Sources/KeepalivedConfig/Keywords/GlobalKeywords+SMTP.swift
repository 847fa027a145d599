/// global_defs: e-mail alerts, notify FIFOs, SNMP and D-Bus.
extension GlobalKeywords {
    static let smtpEntries: [Entry] = [
        .keyword("notification_email_from") { parser, line in
            guard let from = line[1] else {
                return parser.error("emailfrom missing - ignoring", line, hint: "give the sender address")
            }
            parser.config.global.smtp.emailFrom = from
        },
        .keyword("smtp_server") { parser, line in parser.readSMTPServer(line) },
        .keyword("smtp_helo_name") { parser, line in
            if let name = line[1] { parser.config.global.smtp.heloName = name }
        },
        .keyword("smtp_connect_timeout") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard var seconds = parser.readUnsigned(text, 0...4294, line, word: 1) else {
                return parser.error("smtp_connect_timeout '\(text)' must be in [0, 4294] - ignoring", line, word: 1,
                                    hint: "give 1 to 4294 seconds")
            }
            if seconds == 0 {
                parser.error("smtp_conect_timeout must be greater than 0, setting to 1", line, word: 1,
                             hint: "give at least 1 second")
                seconds = 1
            }
            parser.config.global.smtp.connectTimeout = seconds * 1_000_000
        },
        .keyword("notification_email") { parser, line in
            let addresses = parser.readValueList(line)
            if addresses.isEmpty {
                // keepalived notices at the closing brace, so the report points there.
                return parser.errorHere("Warning - empty notification_email block", class: .generalError,
                                        hint: "list the addresses inside the braces, one per line")
            }
            parser.config.global.smtp.notificationEmails += addresses.map(\.text)
        },
        optionalBool("smtp_alert", message: boolMessage("smtp_alert")) { $0.smtp.alert = $1 },
        optionalBool("smtp_alert_vrrp", message: boolMessage("smtp_alert_vrrp")) { $0.smtp.alertVRRP = $1 },
        optionalBool("smtp_alert_checker", message: boolMessage("smtp_alert_checker")) { $0.smtp.alertChecker = $1 },
        flag("no_email_faults") { $0.smtp.noEmailFaults = true },
        optionalBool("no_checker_emails", message: boolMessage("no_checker_emails")) { $0.smtp.noCheckerEmails = $1 },
        // Extensions: more ways to get an alert through; without them mail works exactly as in keepalived.
        .keyword("smtp_fallback_server") { parser, line in
            if let server = parser.parseSMTPServer(line) { parser.config.global.smtp.fallbackServers.append(server) }
        },
        .keyword("smtp_retries") { parser, line in
            if let count = parser.readUnsigned(line, 1, 0...10) { parser.config.global.smtp.retries = Int(count) }
        },
        .keyword("smtp_retry_delay") { parser, line in
            if let seconds = parser.readUnsigned(line, 1, 1...3600) { parser.config.global.smtp.retryDelay = seconds * 1_000_000 }
        },
        .keyword("smtp_rate_limit") { parser, line in
            guard let count = parser.readUnsigned(line, 1, 1...1000), let seconds = parser.readUnsigned(line, 2, 1...86400) else { return }
            parser.config.global.smtp.rateLimit = .init(count: Int(count), seconds: Int(seconds))
        },
        flag("smtp_ehlo") { $0.smtp.ehlo = true },
        .keyword("smtp_tls") { parser, line in
            guard let word = parser.argument(line, 1) else { return }
            guard let mode = SMTPSettings.TLSMode(rawValue: word.lowercased()) else {
                return parser.error("smtp_tls '\(word)' must be starttls or implicit", line, word: 1, hint: "use starttls or implicit")
            }
            parser.config.global.smtp.tls = mode
        },
        .keyword("smtp_tls_ca_file") { parser, line in
            if let path = parser.argument(line, 1) { parser.config.global.smtp.tlsCAFile = path }
        },
        .keyword("smtp_tls_server_name") { parser, line in
            if let name = parser.argument(line, 1) { parser.config.global.smtp.tlsServerName = name }
        },
        .keyword("smtp_auth_user") { parser, line in
            if let user = parser.argument(line, 1) { parser.config.global.smtp.authUser = user }
        },
        .keyword("smtp_auth_secret_file") { parser, line in
            if let path = parser.argument(line, 1) { parser.config.global.smtp.authSecretFile = path }
        },
    ]

    static let notifyEntries: [Entry] = [
        .keyword("notify_fifo") { parser, line in parser.readNotifyFIFO(line, type: "", \.notifyFIFO) },
        .keyword("notify_fifo_script") { parser, line in parser.readNotifyFIFOScript(line, type: "", \.notifyFIFO) },
        .keyword("vrrp_notify_fifo") { parser, line in parser.readNotifyFIFO(line, type: "vrrp_", \.vrrpNotifyFIFO) },
        .keyword("vrrp_notify_fifo_script") { parser, line in
            parser.readNotifyFIFOScript(line, type: "vrrp_", \.vrrpNotifyFIFO)
        },
        .keyword("lvs_notify_fifo") { parser, line in parser.readNotifyFIFO(line, type: "lvs_", \.lvsNotifyFIFO) },
        .keyword("lvs_notify_fifo_script") { parser, line in
            parser.readNotifyFIFOScript(line, type: "lvs_", \.lvsNotifyFIFO)
        },
        .keyword("snmp_socket") { parser, line in
            if line.count > 2 {
                return parser.error("Too many parameters specified for snmp_socket - ignoring", line, word: 2,
                                    hint: "give one socket, such as udp:localhost:705 or unix:/var/agentx/master")
            }
            guard let socket = line[1] else {
                return parser.error("SNMP error : snmp socket name missing", line, hint: "give the AgentX socket")
            }
            if socket.utf8.count > 4095 {
                return parser.error("SNMP error : snmp socket name too long - ignored", line, word: 1,
                                    hint: "use a path shorter than PATH_MAX")
            }
            if let existing = parser.config.global.snmp.socket {
                return parser.error("SNMP socket already set to \(existing) - ignoring", line, word: 1,
                                    hint: "give snmp_socket once")
            }
            parser.config.global.snmp.socket = socket
        },
        flag("enable_traps") { $0.snmp.enableTraps = true },
        flag("enable_snmp_vrrp") { $0.snmp.enableKeepalivedMIB = true },
        // keepalived 2.2.7 takes the pre-2.0 name silently.
        flag("enable_snmp_keepalived") { $0.snmp.enableKeepalivedMIB = true },
        flag("enable_snmp_rfc") {
            $0.snmp.enableRFCv2 = true
            $0.snmp.enableRFCv3 = true
        },
        flag("enable_snmp_rfcv2") { $0.snmp.enableRFCv2 = true },
        flag("enable_snmp_rfcv3") { $0.snmp.enableRFCv3 = true },
        flag("enable_snmp_checker") { $0.snmp.enableChecker = true },
        flag("enable_dbus") { $0.snmp.enableDBus = true },
        .keyword("dbus_service_name") { parser, line in
            guard let name = line[1] else {
                return parser.error("dbus_service_name missing - ignoring", line, hint: "give the D-Bus service name")
            }
            parser.config.global.snmp.dbusServiceName = name
        },
    ]
}

extension ConfigParser {
    /// smtp_server ADDRESS|NAME [PORT]: an address, else a name keepalived resolves.
    func readSMTPServer(_ line: KeywordLine) {
        if let server = parseSMTPServer(line) { config.global.smtp.server = server }
    }

    /// `ADDRESS|NAME [PORT]` of smtp_server and smtp_fallback_server, or nil after reporting why not.
    func parseSMTPServer(_ line: KeywordLine) -> SMTPSettings.Server? {
        guard let server = argument(line, 1) else { return nil }
        let portText = line[2] ?? "25"
        let isName = server.contains("-") || server.contains("/")
        // keepalived reads the port once for the address attempt and again for the name attempt.
        let port = readUnsigned(portText, 1...65535, line, word: 2)
        if port == nil && !isName { _ = readUnsigned(portText, 1...65535, line, word: 2) }
        if let port {
            if !isName, let address = IPAddress(server) { return .address(address, port: UInt16(port)) }
            return .hostname(server, port: UInt16(port))
        }
        error("Invalid smtp server \(server) \(portText)", line, word: 1, hint: "give an address or host name and a port from 1 to 65535")
        return nil
    }

    /// `*notify_fifo PATH [USER [GROUP]]`.
    func readNotifyFIFO(_ line: KeywordLine, type: String, _ fifo: WritableKeyPath<GlobalDefinitions, NotifyFIFO>) {
        guard let path = line[1] else {
            return error("No \(type)notify_fifo name specified", line, hint: "give the FIFO path")
        }
        if config.global[keyPath: fifo].path != nil {
            return error("\(type)notify_fifo already specified - ignoring \(path)", line, word: 1, hint: "give \(type)notify_fifo once")
        }
        if let user = line[2] {
            let group = line[3]
            if host.user(named: user) == nil || (group.map { host.group(named: $0) == nil } ?? false) {
                if host.user(named: user) == nil {
                    note("Script user '\(user)' does not exist", line, word: 2)
                } else {
                    note("Script group '\(group!)' does not exist", line, word: 3)
                }
                return note("Invalid user/group for \(type) fifo \(path) - ignoring", line, word: 2,
                            hint: "name an existing user (and group)")
            }
            config.global[keyPath: fifo].user = user
            config.global[keyPath: fifo].group = group
        } else if !defaultScriptUserUsable() {
            return note("Failed to set default user for \(type) fifo \(path) - ignoring", line, word: 1,
                        hint: "create the keepalived_script user, or set script_user")
        }
        config.global[keyPath: fifo].path = path
        config.global[keyPath: fifo].location = line.location(of: 1)
    }

    /// keepalived's get_default_script_user: the first script or FIFO without a user decides the
    /// default user; keepalived_script missing is an error only when script security is on.
    func defaultScriptUserUsable() -> Bool {
        if config.global.defaultScriptUserFailed { return false }
        if config.global.defaultScriptUserDecided { return true }
        config.global.defaultScriptUserDecided = true
        if host.user(named: "keepalived_script") == nil && config.global.enableScriptSecurity {
            errorHere("Unable to set default user keepalived_script for script", class: .generalError,
                      hint: "create the keepalived_script user, or set script_user")
            config.global.defaultScriptUserFailed = true
            return false
        }
        return true
    }

    /// `*notify_fifo_script SCRIPT [USER [GROUP]]`.
    func readNotifyFIFOScript(_ line: KeywordLine, type: String, _ fifo: WritableKeyPath<GlobalDefinitions, NotifyFIFO>) {
        guard let script = line[1] else {
            return error("No \(type)notify_fifo_script specified", line, hint: "give the script that reads the FIFO")
        }
        if config.global[keyPath: fifo].script != nil {
            return error("\(type)notify_fifo_script already specified - ignoring \(script)", line, word: 1,
                         hint: "give \(type)notify_fifo_script once")
        }
        config.global[keyPath: fifo].script = readScript(line, kind: "\(type)notify_fifo")
    }
}
