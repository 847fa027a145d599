/// keepalived's script security (lib/notify.c check_script_secure, vrrp.c check_vrrp_script_security,
/// check_data.c check_check_script_security, main.c start/shutdown scripts): every configured
/// script is looked up (PATH for bare names), checked executable for the user it runs as, and, when
/// run as root, every path component checked not writable by non-root. Scripts that exist without
/// `enable_script_security` give the SECURITY VIOLATION (exit 6 under -t).
enum ScriptSecurity {
    /// What keepalived's check_script_secure found (its SC_* flags).
    struct Flags: OptionSet {
        let rawValue: Int
        static let isScript = Flags(rawValue: 1)
        static let insecure = Flags(rawValue: 2)
        static let inhibit = Flags(rawValue: 4)
        static let notFound = Flags(rawValue: 8)
        static let executable = Flags(rawValue: 16)
        static let system = Flags(rawValue: 32)
    }

    /// The keepalived process whose configuration check sees a script.
    enum Area { case main, vrrp, checker }

    /// A script found in the configuration and where (property labels from the root).
    struct Found {
        var path: [String]
        var script: NotifyScript
    }

    static func validate(_ config: inout Configuration, _ context: ValidationContext) {
        let security = config.global.enableScriptSecurity
        var found: [Found] = []
        collectScripts(config, into: &found)

        // main.c: startup/shutdown scripts, checked whatever else is configured.
        var mainFlags: Flags = []
        for item in found where areas(of: item.path).contains(.main) {
            let result = check(item.script, config: config, context: context)
            mainFlags.formUnion(result)
            // keepalived's check_start_stop_script_secure frees a script it will not run.
            if !result.isDisjoint(with: [.inhibit, .notFound]) || result.isDisjoint(with: [.executable, .system]) {
                if item.path.last == "startupScript" { config.global.startupScript = nil } else { config.global.shutdownScript = nil }
            }
        }
        violation(mainFlags, security: security, what: "start/shutdown scripts", context)

        // vrrp.c: only when there are VRRP instances and VRRP got past start_vrrp's interface
        // check (a missing interface stops it before vrrp_complete_init); vrrp_scripts first.
        let vrrpStarts = !config.namedMissingInterface && !config.vrrpInstances.contains(where: \.namedMissingInterface)
        if !config.vrrpInstances.isEmpty && vrrpStarts {
            var flags: Flags = []
            var disabled: Set<String> = []
            for script in config.vrrpScripts {
                guard let command = script.script else { continue }
                let result = check(command, config: config, context: context)
                flags.formUnion(result)
                if result.contains(.inhibit) {
                    context.error("Disabling track script \(script.name) due to insecure", at: command.location, keyword: "script",
                                  hint: "make the script and every directory above it writable only by root")
                    disabled.insert(script.name)
                } else if result.contains(.notFound) {
                    context.error("Disabling track script \(script.name) since not found/accessible", at: command.location, keyword: "script",
                                  hint: "give the full path of an existing executable")
                    disabled.insert(script.name)
                } else if result.isDisjoint(with: [.executable, .system]) {
                    disabled.insert(script.name)
                }
            }
            var dropped: Set<SourceLocation> = []
            for item in found where item.path.first != "vrrpScripts" && areas(of: item.path).contains(.vrrp) {
                let result = check(item.script, config: config, context: context)
                flags.formUnion(result)
                // keepalived's check_notify_script_secure frees a script it will not run.
                if !result.isDisjoint(with: [.inhibit, .notFound]) || !result.contains(.executable) {
                    dropped.insert(item.script.location)
                }
            }
            violation(flags, security: security, what: "scripts", context)
            config.vrrpScripts.removeAll { disabled.contains($0.name) }
            drop(dropped, from: &config)
            for index in config.syncGroups.indices {
                config.syncGroups[index].trackScripts.removeAll { disabled.contains($0.name) }
                for field in [\VRRPSyncGroup.notifyBackup, \.notifyMaster, \.notifyFault, \.notifyStop, \.notify] {
                    if let script = config.syncGroups[index][keyPath: field], dropped.contains(script.location) {
                        config.syncGroups[index][keyPath: field] = nil
                    }
                }
            }
        }

        // check_data.c: only when there are virtual servers.
        if !config.virtualServers.isEmpty {
            var flags: Flags = []
            for item in found where areas(of: item.path).contains(.checker) {
                flags.formUnion(check(item.script, config: config, context: context))
            }
            violation(flags, security: security, what: "check scripts", context)
        }
    }

    /// The instances' notify scripts and the VRRP FIFOs' scripts keepalived freed as insecure,
    /// missing or not executable (the sync groups' are dropped beside their track scripts).
    private static func drop(_ dropped: Set<SourceLocation>, from config: inout Configuration) {
        guard !dropped.isEmpty else { return }
        let fields: [WritableKeyPath<VRRPInstance, NotifyScript?>] = [
            \.notifyMaster, \.notifyBackup, \.notifyFault, \.notifyStop, \.notifyDeletedScript, \.notify,
            \.notifyMasterReceivedLowerPriority,
        ]
        for index in config.vrrpInstances.indices {
            for field in fields {
                if let script = config.vrrpInstances[index][keyPath: field], dropped.contains(script.location) {
                    config.vrrpInstances[index][keyPath: field] = nil
                }
            }
        }
        for fifo in [\GlobalDefinitions.notifyFIFO, \.vrrpNotifyFIFO] {
            if let script = config.global[keyPath: fifo].script, dropped.contains(script.location) {
                config.global[keyPath: fifo].script = nil
            }
        }
    }

    private static func violation(_ flags: Flags, security: Bool, what: String, _ context: ValidationContext) {
        guard !security, flags.contains(.isScript) else { return }
        let insecure = flags.contains(.insecure) ? " There are insecure scripts." : ""
        context.error("SECURITY VIOLATION - \(what) are being executed but script_security not enabled.\(insecure)",
                      at: nil, class: .securityError,
                      hint: "add enable_script_security to global_defs (and run scripts as a non-root script_user)")
    }

    /// Every script of the configuration with the property path it sits at (the path decides which
    /// keepalived process checks it), in the order of the model's declarations.
    static func collectScripts(_ config: Configuration, into found: inout [Found]) {
        func add(_ script: NotifyScript?, _ path: String...) {
            if let script { found.append(Found(path: path, script: script)) }
        }
        let global = config.global
        add(global.startupScript, "global", "startupScript")
        add(global.shutdownScript, "global", "shutdownScript")
        add(global.notifyFIFO.script, "global", "notifyFIFO", "script")
        add(global.vrrpNotifyFIFO.script, "global", "vrrpNotifyFIFO", "script")
        add(global.lvsNotifyFIFO.script, "global", "lvsNotifyFIFO", "script")
        for script in config.vrrpScripts { add(script.script, "vrrpScripts", "script") }
        for group in config.syncGroups {
            for script in [group.notifyBackup, group.notifyMaster, group.notifyFault, group.notifyStop, group.notify] {
                add(script, "syncGroups", "notify")
            }
        }
        for instance in config.vrrpInstances {
            for script in [instance.notifyMaster, instance.notifyBackup, instance.notifyFault, instance.notifyStop,
                           instance.notifyDeletedScript, instance.notify, instance.notifyMasterReceivedLowerPriority] {
                add(script, "vrrpInstances", "notify")
            }
        }
        for server in config.virtualServers {
            add(server.quorumUp, "virtualServers", "quorumUp")
            add(server.quorumDown, "virtualServers", "quorumDown")
            for real in server.realServers {
                add(real.notifyUp, "virtualServers", "realServers", "notifyUp")
                add(real.notifyDown, "virtualServers", "realServers", "notifyDown")
                for checker in real.checkers {
                    if case let .misc(misc) = checker.probe { add(misc.script, "virtualServers", "realServers", "checkers", "script") }
                }
            }
        }
    }

    /// Which processes check a script, from where it sits in the configuration.
    static func areas(of path: [String]) -> Set<Area> {
        guard let top = path.first else { return [.vrrp] }
        switch top {
        case "virtualServers", "virtualServerGroups", "ssl":
            return [.checker]
        case "global":
            let text = path.joined(separator: ".").lowercased()
            if text.contains("startup") || text.contains("shutdown") { return [.main] }
            if text.contains("lvs") || text.contains("checker") { return [.checker] }
            if text.contains("vrrp") { return [.vrrp] }
            return [.vrrp, .checker]
        default:
            return [.vrrp]
        }
    }

    /// keepalived's check_script_secure for one script. Scripts whose user cannot be set were never
    /// stored by keepalived and are skipped.
    static func check(_ script: NotifyScript, config: Configuration, context: ValidationContext) -> Flags {
        guard let (uid, gid) = DefaultScriptUser.ids(for: script, config: config, host: context.host) else { return [] }
        let host = context.host
        let program = script.program
        if program.first == "<", program.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).first == "/" { return .system }

        var path = program
        if !program.contains("/") {
            let directories = (host.environment("PATH") ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
            var resolved: String?
            for directory in directories {
                let candidate = directory.isEmpty ? program : "\(directory)/\(program)"
                if let status = host.fileStatus(atPath: absolute(candidate, host)), status.kind == .regular,
                   executable(status, uid: uid, gid: gid) {
                    resolved = candidate
                    break
                }
            }
            guard let resolved else {
                note("Cannot find script \(program) in path - disabling", script, context)
                return .notFound
            }
            note("WARNING - script `\(program)` resolved by path search to `\(resolved)`. Please specify full path.", script, context)
            path = resolved
        }
        path = absolute(path, host)
        guard let status = host.fileStatus(atPath: path) else {
            note("Script \(program) cannot be accessed - No such file or directory", script, context)
            return .notFound
        }
        var flags: Flags = .isScript
        var protect = false
        if executable(status, uid: uid, gid: gid) {
            flags.insert(.executable)
            protect = uid == 0 || gid == 0
                || (status.uid == 0 && status.mode & 0o4100 == 0o4100)
                || (status.gid == 0 && status.mode & 0o2010 == 0o2010)
        } else {
            note("WARNING - script '\(path)' is not executable for uid:gid \(uid):\(gid) - disabling.", script, context)
        }
        guard protect else { return flags }
        return flags.union(pathSecurity(path, security: config.global.enableScriptSecurity, script, context))
    }

    /// keepalived's check_security: "/", each directory, then the file, none writable by non-root.
    private static func pathSecurity(_ path: String, security: Bool, _ script: NotifyScript, _ context: ValidationContext) -> Flags {
        let parts = path.split(separator: "/")
        var prefixes = ["/"]
        var current = ""
        for part in parts {
            current += "/" + part
            prefixes.append(current)
        }
        for (index, prefix) in prefixes.enumerated() {
            let last = index == prefixes.count - 1
            guard let status = context.host.fileStatus(atPath: prefix) else {
                note("check_script_secure could not find script '\(path)' - disabling", script, context)
                return .notFound
            }
            if (!last && status.kind != .directory) || (last && status.kind != .regular && status.kind != .symbolicLink) {
                note("Wrong file type found in script path '\(path)'.", script, context)
                return .inhibit
            }
            let sticky = status.mode & 0o1000 != 0
            let writableByOthers = (status.gid != 0 && status.mode & 0o020 != 0) || status.mode & 0o002 != 0
            if status.uid != 0 || (((status.kind == .directory && !sticky) || status.kind == .regular) && writableByOthers) {
                note("Unsafe permissions found for script '\(path)'\(security ? " - disabling" : "").", script, context)
                return security ? [.insecure, .inhibit] : .insecure
            }
        }
        return []
    }

    /// keepalived's is_executable.
    static func executable(_ status: FileStatus, uid: UInt32, gid: UInt32) -> Bool {
        (uid == 0 && status.mode & 0o111 != 0)
            || (uid == status.uid && status.mode & 0o100 != 0)
            || (uid != status.uid && ((gid == status.gid && status.mode & 0o010 != 0) || (gid != status.gid && status.mode & 0o001 != 0)))
    }

    private static func absolute(_ path: String, _ host: any ConfigHost) -> String {
        path.hasPrefix("/") ? path : host.currentDirectory + "/" + path
    }

    private static func note(_ message: String, _ script: NotifyScript, _ context: ValidationContext) {
        context.warning(message, at: script.location, class: nil, hint: "check the script's path and permissions")
    }
}

/// keepalived's default script user (lib/notify.c get_default_script_user): `script_user`, else
/// keepalived_script if it exists, else root — unless script security is on, which then fails.
enum DefaultScriptUser {
    static let failureMessage = "Unable to set default user keepalived_script for script"

    /// The uid and gid a script runs as, or nil when keepalived could not set them.
    static func ids(for script: NotifyScript, config: Configuration, host: any ConfigHost) -> (UInt32, UInt32)? {
        if let name = script.user {
            guard let user = host.user(named: name) else { return nil }
            guard let group = script.group else { return (user.uid, user.gid) }
            let groupName = group.hasPrefix(":") ? String(group.dropFirst()) : group
            return host.group(named: groupName).map { (user.uid, $0.gid) }
        }
        return defaultIDs(config: config, host: host)
    }

    static func defaultIDs(config: Configuration, host: any ConfigHost) -> (UInt32, UInt32)? {
        if let name = config.global.scriptUser {
            guard let user = host.user(named: name) else { return nil }
            guard let group = config.global.scriptGroup else { return (user.uid, user.gid) }
            return host.group(named: group).map { (user.uid, $0.gid) }
        }
        if let user = host.user(named: "keepalived_script") { return (user.uid, user.gid) }
        return config.global.enableScriptSecurity ? nil : (0, 0)
    }

    /// At the end of a script block: the default ids, reporting keepalived's one-time failure.
    static func resolve(_ parser: ConfigParser) -> (UInt32, UInt32)? {
        let ids = defaultIDs(config: parser.config, host: parser.host)
        if ids == nil, parser.config.global.scriptUser == nil,
           !parser.collectDiagnostics().contains(where: { $0.message == failureMessage }) {
            parser.errorHere(failureMessage, class: .generalError,
                             hint: "create the keepalived_script user or set script_user in global_defs")
        }
        return ids
    }
}
