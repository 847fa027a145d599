/// global_defs: per-process scheduling (priority, real time, CPU affinity, RLIMIT_RTTIME),
/// netlink receive buffers, and reload/include settings.
extension GlobalKeywords {
    static let tuningEntries: [Entry] =
        processTuning("vrrp", \.vrrpProcess) + processTuning("checker", \.checkerProcess) + processTuning("bfd", \.bfdProcess)
        + netlinkBuffer("vrrp_netlink_cmd", \.vrrpCommand, \.vrrpCommandForce)
        + netlinkBuffer("vrrp_netlink_monitor", \.vrrpMonitor, \.vrrpMonitorForce)
        + netlinkBuffer("process_monitor", \.processMonitor, \.processMonitorForce)
        + netlinkBuffer("lvs_netlink_cmd", \.lvsCommand, \.lvsCommandForce)
        + netlinkBuffer("lvs_netlink_monitor", \.lvsMonitor, \.lvsMonitorForce)

    /// PROCESS_priority, _no_swap, _rt_priority, _cpu_affinity, _rlimit_rttime and the deprecated _rlimit_rtime.
    static func processTuning(_ process: String, _ path: any WritableKeyPath<GlobalDefinitions, ProcessTuning> & Sendable) -> [Entry] {
        let rlimit: KeywordTable.Handler = { parser, line in
            if let limit = parser.readRealtimeLimit(line, process: process) { parser.config.global[keyPath: path].realtimeLimit = limit }
        }
        return [
            .keyword("\(process)_priority") { parser, line in
                parser.config.global[keyPath: path].nicePriority = parser.readNicePriority(line, process: process)
            },
            flag("\(process)_no_swap") { $0[keyPath: path].noSwap = true },
            .keyword("\(process)_rt_priority") { parser, line in
                if let priority = parser.readRealtimePriority(line, process: process) {
                    parser.config.global[keyPath: path].realtimePriority = priority
                }
            },
            .keyword("\(process)_cpu_affinity") { parser, line in
                if let cpus = parser.readCPUAffinity(line, process: process) { parser.config.global[keyPath: path].cpuAffinity = cpus }
            },
            .keyword("\(process)_rlimit_rttime", rlimit),
            .keyword("\(process)_rlimit_rtime", rlimit),
        ]
    }

    /// TYPE_rcv_bufs SIZE and TYPE_rcv_bufs_force [BOOL].
    static func netlinkBuffer(
        _ type: String, _ size: any WritableKeyPath<NetlinkBuffers, UInt32?> & Sendable, _ force: any WritableKeyPath<NetlinkBuffers, Bool> & Sendable
    ) -> [Entry] {
        [
            .keyword("\(type)_rcv_bufs") { parser, line in
                guard let text = line[1] else {
                    return parser.error("\(type)_rcv_bufs size missing", line, hint: "give the buffer size in bytes")
                }
                guard let value = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: 1) else {
                    return parser.error("\(type)_rcv_bufs size (\(text)) invalid", line, word: 1, hint: "give the buffer size in bytes")
                }
                // keepalived treats 0 as "leave the default".
                if value != 0 { parser.config.global.netlinkBuffers[keyPath: size] = UInt32(value) }
            },
            optionalBool("\(type)_rcv_bufs_force", message: boolMessage("\(type)_rcv_bufs_force")) {
                $0.netlinkBuffers[keyPath: force] = $1
            },
        ]
    }

    static let reloadEntries: [Entry] = [
        .keyword("reload_check_config") { parser, line in
            parser.config.global.reload.checkConfigLog = line[1] ?? "/dev/null"
        },
        .keyword("reload_time_file") { parser, line in
            guard line.count == 2 else {
                return parser.error("reload_time_file invalid", line, hint: "give one file name")
            }
            parser.config.global.reload.timeFile = line.tokens[1].text
        },
        flag("reload_repeat") { $0.reload.repeatReload = true },
        .keyword("reload_file") { parser, line in
            parser.config.global.reload.reloadFile = line[1].map { .path($0) } ?? .standard
        },
        .keyword("include_check") { parser, line in parser.readIncludeCheck(line) },
        .keyword("config_save_dir") { parser, line in
            guard let directory = parser.argument(line, 1) else { return }
            if let status = parser.host.fileStatus(atPath: directory), status.kind != .directory {
                return parser.error("config_save_dir \(directory) exists and is not a directory", line, word: 1,
                                    hint: "name a directory")
            }
            // keepalived creates the directory when it is missing.
            parser.config.global.reload.configSaveDirectory =
                directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        },
        .keyword("tmp_config_directory") { parser, line in
            if parser.config.global.reload.temporaryConfigDirectory != nil {
                return parser.error("\(line.keyword) already specified - ignoring", line, hint: "give it once")
            }
            guard let directory = line[1] else {
                return parser.error("\(line.keyword) missing directory name", line, hint: "name the directory")
            }
            parser.config.global.reload.temporaryConfigDirectory = directory
        },
    ]
}

extension ConfigParser {
    /// *_priority: a nice value -20...19 (0 when missing or bad).
    func readNicePriority(_ line: KeywordLine, process: String) -> Int {
        guard let text = line[1] else {
            error("No \(process) process priority specified", line, hint: "give a nice value from -20 to 19")
            return 0
        }
        guard let priority = readInt(text, -20...19, line, word: 1) else {
            error("Invalid \(process) process priority specified", line, word: 1, hint: "give a nice value from -20 to 19")
            return 0
        }
        return priority
    }

    /// *_rt_priority: SCHED_RR 1...99, clamped with an error outside it.
    func readRealtimePriority(_ line: KeywordLine, process: String) -> Int? {
        guard let text = line[1] else {
            error("No \(process) process real-time priority specified", line, hint: "give 1 to 99")
            return nil
        }
        guard let priority = readInt(text, Int(Int32.min)...Int(Int32.max), line, word: 1) else {
            error("\(process) process real-time priority '\(text)' invalid", line, word: 1, hint: "give 1 to 99")
            return nil
        }
        if priority < 1 {
            error("\(process) process real-time priority \(priority) less than minimum 1 - setting to minimum", line, word: 1,
                  hint: "give 1 to 99")
            return 1
        }
        if priority > 99 {
            error("\(process) process real-time priority \(priority) greater than maximum 99 - setting to maximum", line, word: 1,
                  hint: "give 1 to 99")
            return 99
        }
        return priority
    }

    /// *_cpu_affinity CPU...: every id must be a CPU of this machine.
    func readCPUAffinity(_ line: KeywordLine, process: String) -> [Int]? {
        guard line.count >= 2 else {
            error("No \(process) cpu_id set specified", line, hint: "list CPU numbers")
            return nil
        }
        var cpus: [Int] = []
        for index in 1..<line.count {
            let text = line.tokens[index].text
            // keepalived checks against the online CPU count, which the configuration reader cannot see.
            guard let cpu = readInt(text, 0...1023, line, word: index) else {
                error("Invalid cpu_id:\(NumberText.strtol(text, radix: 10).value) specified for \(process) process", line, word: index,
                      hint: "use CPU numbers of this machine")
                return []
            }
            cpus.append(cpu)
        }
        return cpus
    }

    /// *_rlimit_rttime µs (at least 2; 1 becomes 2). The *_rlimit_rtime spelling is deprecated.
    func readRealtimeLimit(_ line: KeywordLine, process: String) -> UInt32? {
        if line.keyword.hasSuffix("_rlimit_rtime") {
            note("Keyword '\(line.keyword)' is deprecated - please use '\(line.keyword.dropLast(5))rttime'", line,
                 hint: "rename the keyword to \(line.keyword.dropLast(5))rttime")
        }
        guard let text = argument(line, 1) else { return nil }
        guard let limit = readUnsigned(text, 1...UInt64(UInt32.max), line, word: 1) else {
            error("Invalid \(process) real-time limit - \(text)", line, word: 1, hint: "give microseconds, at least 1")
            return 0
        }
        return limit == 1 ? 2 : UInt32(limit)
    }

    /// include_check: `WORD...` sets, `+WORD` adds, `-WORD` removes; no words turns every check on.
    /// The new checks apply to the rest of the reading at once, as in keepalived.
    func readIncludeCheck(_ line: KeywordLine) {
        var checks = reader.includeCheck
        if line.count > 1 {
            for index in 1..<line.count {
                var word = Substring(line.tokens[index].text)
                var mode = 0
                if word.first == "-" {
                    mode = -1
                    word.removeFirst()
                } else if word.first == "+" {
                    mode = 1
                    word.removeFirst()
                } else if index == 1 {
                    checks = []
                } else {
                    error("Duplicate include_check '\(word)' specified - ignoring", line, word: index,
                          hint: "only the first word may set; prefix the others with + or -")
                    continue
                }
                let flag: IncludeChecks
                switch word {
                case "read": flag = .readable
                case "match": flag = .match
                case "wildcard_match": flag = .wildcardMatch
                case "brace_match": flag = .braceMatch
                default:
                    error("Unknown include_check type '\(word)' - ignoring", line, word: index,
                          hint: "use read, match, wildcard_match or brace_match")
                    continue
                }
                switch mode {
                case 0: checks = [.readable, flag]
                case 1: checks.insert(flag)
                default: checks.remove(flag)
                }
            }
        } else {
            checks = .all
        }
        reader.includeCheck = checks
        config.global.reload.includeCheck = checks
    }
}
