/// global_defs and the top-level process keywords (net_namespace, instance, use_pid_dir, ...),
/// as keepalived 2.2.7's init_global_keywords (and the linkbeat/up-down root blocks) read them.
enum GlobalKeywords {
    typealias Entry = KeywordTable.Entry
    typealias Edit = @Sendable (inout GlobalDefinitions) -> Void

    static let rootEntries: [Entry] = [
        flag("linkbeat_use_polling") { $0.linkbeatUsePolling = true },
        .keyword("net_namespace") { parser, line in
            guard let name = line[1] else {
                return parser.error("net_namespace name missing - ignoring", line, hint: "name the network namespace")
            }
            if parser.config.global.networkNamespace == nil {
                parser.config.global.networkNamespace = name
                parser.config.global.usePIDDirectory = true
            } else {
                parser.error("Duplicate net_namespace definition \(name) - ignoring", line, word: 1,
                             hint: "give net_namespace once")
            }
        },
        .keyword("net_namespace_ipvs") { parser, line in
            if parser.config.global.networkNamespaceIPVS != nil {
                return parser.error("Duplicate net_namespace_ipvs definition \(line[1] ?? "") - ignoring", line, word: 1,
                                    hint: "give net_namespace_ipvs once")
            }
            parser.config.global.networkNamespaceIPVS = line[1] ?? ""
        },
        flag("namespace_with_ipsets") { $0.namespaceWithIPSets = true },
        flag("use_pid_dir") { $0.usePIDDirectory = true },
        .keyword("instance") { parser, line in
            guard let name = line[1] else {
                return parser.error("instance name missing - ignoring", line, hint: "name the instance")
            }
            if parser.config.global.instanceName == nil {
                parser.config.global.instanceName = name
                parser.config.global.usePIDDirectory = true
            } else {
                parser.error("Duplicate instance definition \(name) - ignoring", line, word: 1, hint: "give instance once")
            }
        },
        .keyword("child_wait_time") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let seconds = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: 1) else {
                return parser.error("Invalid child_wait_time \(text)", line, word: 1, hint: "give a number of seconds")
            }
            parser.config.global.childWaitTime = UInt32(seconds)
        },
        .block("global_defs", open: { parser, line in
            if parser.config.global.location == nil { parser.config.global.location = line.location }
        }, KeywordTable(definitionEntries)),
        .keyword("linkbeat_interfaces") { parser, line in parser.readLinkbeatInterfaces(line) },
        .keyword("interface_up_down_delays") { parser, line in parser.readUpDownDelays(line) },
    ]

    /// Every keyword inside `global_defs { }`.
    static var definitionEntries: [Entry] {
        processEntries + smtpEntries + notifyEntries + vrrpEntries + lvsEntries + tuningEntries + reloadEntries
    }

    // MARK: - Shapes shared by many keywords

    /// A keyword without arguments that switches something on.
    static func flag(_ name: String, _ edit: @escaping Edit) -> Entry {
        .keyword(name) { parser, _ in edit(&parser.config.global) }
    }

    /// `KEYWORD [BOOL]`: absent means true; a bad word is reported with `message` and ignored.
    static func optionalBool(
        _ name: String, message: @escaping @Sendable (String) -> String,
        _ edit: @escaping @Sendable (inout GlobalDefinitions, Bool) -> Void
    ) -> Entry {
        .keyword(name) { parser, line in
            var value = true
            if let word = line[1] {
                guard let parsed = ConfigParser.bool(word) else {
                    return parser.error(message(word), line, word: 1, hint: "use on/off, true/false or yes/no, or nothing for on")
                }
                value = parsed
            }
            edit(&parser.config.global, value)
        }
    }

    /// keepalived's usual wording for a global boolean.
    static func boolMessage(_ name: String) -> @Sendable (String) -> String {
        { "Invalid value '\($0)' for global \(name) specified" }
    }

    // MARK: - Identity, process names, scripts

    static let processEntries: [Entry] = [
        flag("process_names") {
            $0.vrrpProcessName = "keepalived_vrrp"
            $0.checkerProcessName = "keepalived_lvs"
            $0.bfdProcessName = "keepalived_bfd"
        },
        .keyword("process_name") { parser, line in
            if let name = parser.processName(line) { parser.config.global.processName = name }
        },
        .keyword("vrrp_process_name") { parser, line in
            if let name = parser.processName(line) { parser.config.global.vrrpProcessName = name }
        },
        .keyword("checker_process_name") { parser, line in
            if let name = parser.processName(line) { parser.config.global.checkerProcessName = name }
        },
        .keyword("lvs_process_name") { parser, line in
            parser.note("'lvs_process_name' is deprecated - please use 'checker_process_name'", line,
                        hint: "rename the keyword to checker_process_name")
            if let name = parser.processName(line) { parser.config.global.checkerProcessName = name }
        },
        .keyword("bfd_process_name") { parser, line in
            if let name = parser.processName(line) { parser.config.global.bfdProcessName = name }
        },
        .keyword("router_id") { parser, line in
            guard let id = line[1] else {
                return parser.error("routerid name missing - ignoring", line, hint: "give the router id")
            }
            parser.config.global.routerID = id
        },
        .keyword("startup_script") { parser, line in parser.readStartupShutdownScript(line, startup: true) },
        .keyword("startup_script_timeout") { parser, line in parser.readStartupShutdownTimeout(line, startup: true) },
        .keyword("shutdown_script") { parser, line in parser.readStartupShutdownScript(line, startup: false) },
        .keyword("shutdown_script_timeout") { parser, line in parser.readStartupShutdownTimeout(line, startup: false) },
        .keyword("max_auto_priority") { parser, line in
            guard line.count >= 2 else { parser.config.global.maxAutoPriority = 99; return }
            guard let priority = parser.readInt(line, 1, -1...99) else {
                return parser.error("max_auto_priority '\(line[1]!)' must be in [0, 99] (or -1 to disable) - ignoring",
                                    line, word: 1, hint: "use 0 to 99, or -1")
            }
            parser.config.global.maxAutoPriority = priority
        },
        .keyword("min_auto_priority_delay") { parser, line in
            guard line.count >= 2 else {
                return parser.error("min_auto_priority_delay requires delay time", line, hint: "give the delay in microseconds")
            }
            guard let delay = parser.readInt(line, 1, 1...10_000_000) else {
                return parser.error("min_auto_priority_delay '\(line[1]!)' must be in [1, 10000000] - ignoring",
                                    line, word: 1, hint: "give 1 to 10000000 microseconds")
            }
            parser.config.global.minAutoPriorityDelay = UInt64(delay)
        },
        .keyword("script_user") { parser, line in
            guard let user = line[1] else {
                return parser.error("No script username specified", line, hint: "name the user scripts run as")
            }
            let group = line[2]
            var failed = false
            if parser.host.user(named: user) == nil {
                parser.note("Script user '\(user)' does not exist", line, word: 1)
                failed = true
            } else if let group, parser.host.group(named: group) == nil {
                parser.note("Script group '\(group)' does not exist", line, word: 2)
                failed = true
            }
            parser.config.global.defaultScriptUserDecided = true
            if failed {
                parser.config.global.defaultScriptUserFailed = true
                return parser.error("Error setting global script uid/gid", line, word: 1,
                                    hint: "name an existing user (and group)")
            }
            parser.config.global.scriptUser = user
            parser.config.global.scriptGroup = group
        },
        flag("enable_script_security") { $0.enableScriptSecurity = true },
        .keyword("umask") { parser, line in
            if let mask = parser.readUmask(line) { parser.config.global.umask = mask }
        },
        .keyword("random_seed") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let seed = parser.readUnsigned(text, 0...UInt64(UInt32.max), line, word: 1) else {
                return parser.error("random_seed \(text) invalid", line, word: 1, hint: "give a number from 0 to 4294967295")
            }
            parser.config.global.randomSeed = UInt32(seed)
        },
        optionalBool("data_use_instance", message: { "Invalid value '\($0)' for global date_use_instance specified" }) {
            $0.dataUseInstance = $1
        },
    ]
}
