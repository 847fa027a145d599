/// The global_defs keywords whose values need more than one word or a rule of their own:
/// process names, startup/shutdown scripts, umask, linkbeat and up/down delay blocks.
extension ConfigParser {
    /// keepalived's save_process_name: the name, cut to 15 characters (TASK_COMM_LEN - 1).
    func processName(_ line: KeywordLine) -> String? {
        guard let name = argument(line, 1) else { return nil }
        if name.utf8.count >= 16 {
            error("Process name \(name) more than 15 characters, truncating", line, word: 1,
                  hint: "use at most 15 characters")
            return String(decoding: name.utf8.prefix(15), as: UTF8.self)
        }
        return name
    }

    /// startup_script / shutdown_script: one script each, which also sets a 10 s timeout.
    func readStartupShutdownScript(_ line: KeywordLine, startup: Bool) {
        let type = startup ? "startup" : "shutdown"
        let existing = startup ? config.global.startupScript : config.global.shutdownScript
        if existing != nil {
            return error("\(type) script already specified", line, hint: "give one \(type)_script")
        }
        guard line.count >= 2 else {
            return error("\(type) script missing", line, hint: "give the script to run")
        }
        guard let script = readScript(line, kind: type) else {
            return error("Invalid \(type) script", line, word: 1, hint: "check the script path, user and group")
        }
        if startup {
            config.global.startupScript = script
            if config.global.startupScriptTimeout == nil { config.global.startupScriptTimeout = 10 }
        } else {
            config.global.shutdownScript = script
            if config.global.shutdownScriptTimeout == nil { config.global.shutdownScriptTimeout = 10 }
        }
    }

    /// startup_script_timeout / shutdown_script_timeout: 1...1000 seconds.
    func readStartupShutdownTimeout(_ line: KeywordLine, startup: Bool) {
        let type = startup ? "startup" : "shutdown"
        guard let text = line[1] else {
            return error("\(type)_script_timeout requires value", line, hint: "give 1 to 1000 seconds")
        }
        guard let delay = readUnsigned(text, 1...1000, line, word: 1) else {
            return error("\(type)_script_timeout '\(text)' must be in [1, 1000] - ignoring", line, word: 1,
                         hint: "give 1 to 1000 seconds")
        }
        if startup { config.global.startupScriptTimeout = UInt32(delay) } else { config.global.shutdownScriptTimeout = UInt32(delay) }
    }

    /// umask: a number (strtol base 0, only permission bits) or `IRUSR|IWGRP|...` names.
    func readUmask(_ line: KeywordLine) -> UInt32? {
        guard let mask = argument(line, 1) else { return nil }
        if let first = mask.unicodeScalars.first, ("0"..."9").contains(first) {
            guard line.count == 2 else {
                error("Extra parameter(s) to umask option", line, word: 2, hint: "give the mask as one number")
                return nil
            }
            let parsed = NumberText.strtol(mask, radix: 0)
            guard parsed.rest.isEmpty, !parsed.overflow, parsed.value >= 0, parsed.value & ~0o777 == 0 else {
                error("invalid umask value \(mask)", line, word: 1, hint: "give an octal mask such as 022")
                return nil
            }
            return UInt32(parsed.value)
        }
        let bits: [(String, UInt32)] = [
            ("IRUSR", 0o400), ("IWUSR", 0o200), ("IXUSR", 0o100), ("IRGRP", 0o040), ("IWGRP", 0o020),
            ("IXGRP", 0o010), ("IROTH", 0o004), ("IWOTH", 0o002), ("IXOTH", 0o001),
        ]
        var value: UInt32 = 0
        var needOr = false
        for index in 1..<line.count {
            var rest = Substring(line.tokens[index].text)
            while !rest.isEmpty {
                if needOr {
                    guard rest.first == "|" else {
                        error("Invalid umask syntax \(line.tokens[index].text)", line, word: index,
                              hint: "join the bits with '|', for example IWGRP|IWOTH")
                        return nil
                    }
                    needOr = false
                    rest.removeFirst()
                    continue
                }
                guard let bit = bits.first(where: { rest.hasPrefix($0.0) }) else {
                    error("Unknown umask bit \(rest)", line, word: index,
                          hint: "use IRUSR, IWUSR, IXUSR, IRGRP, IWGRP, IXGRP, IROTH, IWOTH or IXOTH")
                    return nil
                }
                value |= bit.1
                rest = rest.dropFirst(5)
                needOr = true
            }
        }
        guard needOr else {
            error("umask missing bit value", line, hint: "end the mask with a bit name")
            return nil
        }
        return value
    }

    /// Whether keepalived would find (or, with dynamic_interfaces, create) the interface.
    private func interfaceKnown(_ name: String) -> Bool {
        config.global.vrrp.dynamicInterfaces || host.interface(named: name) != nil
    }

    /// linkbeat_interfaces { IFNAME [MII|ETHTOOL|IOCTL] ... }
    func readLinkbeatInterfaces(_ line: KeywordLine) {
        readValueBlock(line) { item in
            let name = item.tokens[0].text
            guard interfaceKnown(name) else {
                return error("unknown interface \(name) specified for linkbeat interface", item, class: .fatal,
                             hint: "name an existing interface, or set dynamic_interfaces")
            }
            var method = LinkbeatInterface.Method.default
            if let word = item[1] {
                method = LinkbeatInterface.Method(rawValue: word).flatMap { $0 == .default ? nil : $0 } ?? .default
                if method == .default || item.count > 2 {
                    error("extra characters \(word) in linkbeat interface", item, word: 1, hint: "use MII, ETHTOOL or IOCTL")
                }
            }
            config.global.linkbeatInterfaces.append(LinkbeatInterface(interface: name, method: method, location: item.location))
        }
    }

    /// interface_up_down_delays { IFNAME DOWN_DELAY [UP_DELAY] ... } (TIMERs up to 255 s)
    func readUpDownDelays(_ line: KeywordLine) {
        readValueBlock(line) { item in
            let name = item.tokens[0].text
            guard interfaceKnown(name) else {
                return error("unknown interface \(name) specified for up/down delay", item, class: .fatal,
                             hint: "name an existing interface, or set dynamic_interfaces")
            }
            guard item.count >= 2 else {
                return note("No timeouts specified for \(name) up/down delays", item, hint: "give the down delay and optionally the up delay")
            }
            if item.count > 3 { note("Too many parameters for \(name) up/down delays", item, word: 3) }
            guard let down = readDecimal(item.tokens[1].text, shift: 6, 0...255_000_000, item, word: 1) else {
                return note("Invalid down delay \(item.tokens[1].text) for \(name)", item, word: 1)
            }
            var up: UInt64 = 0
            if item.count > 2 {
                guard let value = readDecimal(item.tokens[2].text, shift: 6, 0...255_000_000, item, word: 2) else {
                    return note("Invalid up delay \(item.tokens[2].text) for \(name)", item, word: 2)
                }
                up = value
            }
            config.global.interfaceUpDownDelays.append(
                InterfaceUpDownDelay(interface: name, downDelay: down, upDelay: up, location: item.location))
        }
    }
}
