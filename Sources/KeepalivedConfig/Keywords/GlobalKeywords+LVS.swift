/// global_defs: IPVS globals, the LVS sync daemon, and the checker's switches.
extension GlobalKeywords {
    static let lvsEntries: [Entry] = [
        .keyword("lvs_timeouts") { parser, line in parser.readLVSTimeouts(line) },
        flag("lvs_flush") { $0.lvs.flush = true },
        .keyword("lvs_flush_on_stop") { parser, line in parser.readFlushOnStop(line) },
        // The pre-2.1.5 spelling; keepalived 2.2.7 takes it without a word.
        .keyword("lvs_flush_onstop") { parser, line in parser.readFlushOnStop(line) },
        .keyword("lvs_sync_daemon") { parser, line in parser.readSyncDaemon(line) },
        .keyword("nftables_ipvs") { parser, line in
            if parser.config.global.lvs.nftablesTable != nil {
                return parser.error("ipvs nftables already specified - ignoring", line, hint: "give nftables_ipvs once")
            }
            let name = line[1] ?? "keepalived_ipvs"
            if name.utf8.count >= 256 {
                return parser.error("ipvs nftables table name too long - ignoring", line, word: 1, hint: "use at most 255 characters")
            }
            parser.config.global.lvs.nftablesTable = name
            parser.config.global.lvs.nftablesPriority = nil
            parser.config.global.lvs.nftablesStartFwmark = 1000
        },
        .keyword("nftables_ipvs_priority") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let priority = parser.readInt(text, Int(Int32.min)...Int(Int32.max), line, word: 1) else {
                return parser.error("invalid ipvs nftables chain priority '\(text)'", line, word: 1, class: .invalidNumber,
                                    hint: "give a whole number")
            }
            parser.config.global.lvs.nftablesPriority = Int32(priority)
        },
        .keyword("nftables_ipvs_start_fwmark") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let mark = parser.readUnsigned(text, 1...UInt64(UInt32.max), line, word: 1) else {
                return parser.error("invalid ipvs nftables start_fwmark priority '\(text)'", line, word: 1, class: .invalidNumber,
                                    hint: "give a mark from 1 to 4294967295")
            }
            parser.config.global.lvs.nftablesStartFwmark = UInt32(mark)
        },
        .keyword("checker_log_all_failures") { parser, line in
            if let value = parser.globalBool(line, "Invalid value for checker_log_all_failures specified") {
                parser.config.global.lvs.checkerLogAllFailures = value
            }
        },
        optionalBool("rs_init_notifies", message: boolMessage("rs_init_notifies")) { $0.lvs.realServerInitNotifies = $1 },
    ]
}

extension ConfigParser {
    /// lvs_timeouts [tcp N] [tcpfin N] [udp N]: seconds up to 31 days.
    func readLVSTimeouts(_ line: KeywordLine) {
        guard line.count >= 3 else {
            return error("lvs_timeouts requires at least one option", line, hint: "give tcp, tcpfin or udp and a number of seconds")
        }
        var index = 1
        while index < line.count {
            let option = line.tokens[index].text
            let path: WritableKeyPath<LVSGlobals, UInt32?>
            switch option {
            case "tcp": path = \.tcpTimeout
            case "tcpfin": path = \.tcpFinTimeout
            case "udp": path = \.udpTimeout
            default:
                error("Unknown option \(option) specified for lvs_timeouts", line, word: index, hint: "use tcp, tcpfin or udp")
                index += 1
                continue
            }
            guard index + 1 < line.count else {
                error("No value specified for lvs_timeout \(option) - ignoring", line, word: index, hint: "give a number of seconds")
                index += 1
                continue
            }
            let text = line.tokens[index + 1].text
            if let value = readUnsigned(text, 0...(86400 * 31), line, word: index + 1) {
                config.global.lvs[keyPath: path] = UInt32(value)
            } else {
                error("Invalid lvs_timeout \(option) (\(text)) - ignoring", line, word: index + 1, hint: "give 0 to 2678400 seconds")
            }
            index += 2
        }
    }

    /// lvs_flush_on_stop [VS]
    func readFlushOnStop(_ line: KeywordLine) {
        guard let type = line[1] else { config.global.lvs.flushOnStop = .full; return }
        if type == "VS" {
            config.global.lvs.flushOnStop = .virtualServers
        } else {
            error("Unknown lvs_flush_on_stop type \(type)", line, word: 1, hint: "use VS, or nothing to flush everything")
        }
    }

    /// lvs_sync_daemon IFNAME [inst VRRP] [id N] [maxlen N] [port N] [ttl N] [group ADDR],
    /// also the old positional form IFNAME VRRP [SYNCID].
    func readSyncDaemon(_ line: KeywordLine) {
        if let existing = config.global.lvs.syncDaemon {
            return error("lvs_sync_daemon has already been specified as \(existing.interface) \(existing.vrrpInstance ?? "") - ignoring",
                         line, hint: "give lvs_sync_daemon once")
        }
        guard let interface = line[1] else {
            return error("lvs_sync_daemon requires interface", line, hint: "name the sync interface")
        }
        if interface.utf8.count >= 16 {
            return error("lvs_sync_daemon interface name '\(interface)' too long - ignoring", line, word: 1,
                         hint: "interface names have at most 15 characters")
        }
        var daemon = LVSGlobals.SyncDaemon(interface: interface, location: line.location)
        var index = 2
        func value(_ option: String, missing: String) -> String? {
            guard index + 1 < line.count else {
                error(missing, line, word: index, hint: "give a value after \(option)")
                return nil
            }
            return line.tokens[index + 1].text
        }
        while index < line.count {
            let option = line.tokens[index].text
            switch option {
            case "inst":
                if let name = daemon.vrrpInstance {
                    error("lvs_sync_daemon vrrp instance has already been specified as \(name) - ignoring", line, word: index,
                          hint: "give inst once")
                } else {
                    // keepalived reads the next word without checking it exists.
                    guard let name = argument(line, index + 1) else { return }
                    daemon.vrrpInstance = name
                }
                index += 2
                continue
            case "id", "maxlen", "port", "ttl":
                let what = option == "id" ? "id, defaulting to vrid" : "\(option) - ignoring"
                guard let text = value(option, missing: "No value specified for lvs_sync_daemon \(what)") else {
                    index += 1
                    continue
                }
                let range: ClosedRange<UInt64> = switch option {
                case "id": 0...255
                case "maxlen": 1...(65535 - 20 - 8)
                case "port": 1...65535
                default: 1...255
                }
                if let number = readUnsigned(text, range, line, word: index + 1) {
                    switch option {
                    case "id": daemon.syncID = UInt8(number)
                    case "maxlen": daemon.maxLength = UInt16(number)
                    case "port": daemon.port = UInt16(number)
                    default: daemon.ttl = UInt8(number)
                    }
                } else if option == "id" {
                    error("Invalid syncid (\(text)) - defaulting to vrid", line, word: index + 1, hint: "give 0 to 255")
                } else {
                    error("Invalid lvs_sync_daemon \(option) (\(text)) - ignoring", line, word: index + 1,
                          hint: "give \(range.lowerBound) to \(range.upperBound)")
                }
                index += 2
                continue
            case "group":
                guard let text = value(option, missing: "No value specified for lvs_sync_daemon group - ignoring") else {
                    index += 1
                    continue
                }
                if let address = IPAddress(text) {
                    if address.isMulticast {
                        daemon.group = address
                    } else {
                        error("lvs_sync_daemon group address \(text) is not multicast - ignoring", line, word: index + 1,
                              hint: "give a multicast address")
                    }
                } else {
                    error("Invalid lvs_sync_daemon group (\(text)) - ignoring", line, word: index + 1, hint: "give a multicast address")
                }
                index += 2
                continue
            default:
                break
            }
            if index == 2 {
                daemon.vrrpInstance = option
            } else if index == 3 {
                if let number = readUnsigned(option, 0...255, line, word: 3) {
                    error("Please use keyword \"id\" before lvs_sync_daemon SYNCID", line, word: 3, hint: "write id \(option)")
                    daemon.syncID = UInt8(number)
                } else {
                    error("Invalid syncid (\(option)) - defaulting to vrid", line, word: 3, hint: "give 0 to 255")
                }
            } else {
                error("Unknown option \(option) specified for lvs_sync_daemon", line, word: index,
                      hint: "use inst, id, maxlen, port, ttl or group")
            }
            index += 1
        }
        config.global.lvs.syncDaemon = daemon
    }
}
