/// vrrp_instance keywords of the protocol itself: identity, state, priority, version, timers,
/// preemption, accept mode and strict mode.
extension VRRPInstanceKeywords {
    static let protocolEntries: [KeywordTable.Entry] = [
        .keyword("state", state),
        .keyword("virtual_router_id") { p, line in
            guard let text = p.argument(line, 1) else { return }
            guard let vrid = p.readUnsigned(text, 1...255, line, word: 1) else {
                p.error("(\(name(p))): VRID '\(text)' not valid - must be between 1 & 255", line, word: 1, hint: "use 1 to 255")
                return
            }
            edit(p) { $0.vrid = VRID(rawValue: UInt8(vrid)) }
        },
        .keyword("version", version),
        .keyword("priority") { p, line in
            guard let text = p.argument(line, 1) else { return }
            guard let priority = p.readUnsigned(text, 1...255, line, word: 1) else {
                p.error("(\(name(p))) Priority not valid! must be between 1 & 255. Using default 100", line, word: 1,
                        hint: "use 1 to 255 (255 only on the address owner)")
                edit(p) { $0.priority = .default }
                return
            }
            edit(p) { $0.priority = Priority(rawValue: UInt8(priority)) }
        },
        .keyword("advert_int") { p, line in
            guard let text = p.argument(line, 1) else { return }
            guard let interval = p.readDecimal(text, shift: 6, 10_000...255_000_000, line, word: 1), interval > 0 else {
                p.error("(\(name(p))) Advert interval (\(text)) not valid! Must be > 0 - ignoring", line, word: 1,
                        hint: "give seconds from 0.01 to 255")
                return
            }
            edit(p) { $0.advertisementInterval = interval }
        },
        .keyword("accept") { p, _ in edit(p) { $0.accept = true } },
        .keyword("no_accept") { p, _ in edit(p) { $0.accept = false } },
        .keyword("skip_check_adv_addr") { p, line in
            // keepalived sets the flag for any valid word, `off` included.
            guard flag(p, line, invalid: { "(\(name(p))) invalid skip_check_adv_addr \($0) specified" }) != nil else { return }
            edit(p) { $0.skipCheckAdvertisementAddresses = true }
        },
        .keyword("strict_mode") { p, line in
            guard let value = flag(p, line, invalid: { "(\(name(p))) invalid strict_mode \($0) specified" }) else { return }
            edit(p) { $0.strictMode = value }
        },
        .keyword("preempt") { p, _ in edit(p) { $0.noPreempt = false } },
        .keyword("nopreempt") { p, _ in edit(p) { $0.noPreempt = true } },
        .keyword("preempt_delay") { p, line in
            guard let text = p.argument(line, 1) else { return }
            guard let delay = p.readDecimal(text, shift: 6, 0...1000 * 1_000_000, line, word: 1) else {
                p.error("(\(name(p))) Preempt_delay not valid! must be between 0-1000", line, word: 1, hint: "give seconds from 0 to 1000")
                edit(p) { $0.preemptDelay = 0 }
                return
            }
            edit(p) { $0.preemptDelay = delay }
        },
        .keyword("debug") { p, line in
            guard let text = p.argument(line, 1) else { return }
            guard let level = p.readUnsigned(text, 0...4, line, word: 1) else {
                p.error("(\(name(p))) Debug value '\(text)' not valid; must be between 0-4", line, word: 1, hint: "use 0 to 4")
                return
            }
            edit(p) { $0.debug = Int(level) }
        },
        .keyword("linkbeat_use_polling") { p, line in
            edit(p) { $0.linkbeatUsePolling = true }
            p.error("(\(name(p))) 'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block", line,
                    hint: "list the interface in a root linkbeat_interfaces block instead")
        },
        .keyword("lvs_sync_daemon_interface", lvsSyncDaemonInterface),
        .keyword("lower_prio_no_advert") { p, line in
            guard let value = flag(p, line, invalid: { "(\(name(p))) invalid lower_prio_no_advert \($0) specified" }) else { return }
            edit(p) { $0.lowerPriorityNoAdvert = value }
        },
        .keyword("higher_prio_send_advert") { p, line in
            guard let value = flag(p, line, invalid: { "(\(name(p))) invalid higher_prio_send_advert \($0) specified" }) else { return }
            edit(p) { $0.higherPrioritySendAdvert = value }
        },
    ]

    /// keepalived.conf: state MASTER|BACKUP (anything else is BACKUP; BACKUP never undoes MASTER)
    static func state(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let word = parser.argument(line, 1) else { return }
        let vrrpName = name(parser)
        switch word {
        case "MASTER":
            edit(parser) { $0.state = .master }
        case "BACKUP":
            if parser.config.vrrpInstances.last?.state == .master {
                parser.error("(\(vrrpName)) state previously set as MASTER - ignoring BACKUP", line, word: 1, hint: "give state once")
            } else {
                edit(parser) { $0.state = .backup }
            }
        default:
            parser.error("(\(vrrpName)) unknown state '\(word)', defaulting to BACKUP", line, word: 1, hint: "use MASTER or BACKUP")
            edit(parser) { $0.state = .backup }
        }
    }

    /// keepalived.conf: version 2|3
    static func version(_ parser: ConfigParser, _ line: KeywordLine) {
        guard let text = parser.argument(line, 1), let vrrp = parser.config.vrrpInstances.last else { return }
        guard let number = parser.readInt(text, 2...3, line, word: 1), let version = VRRPVersion(rawValue: number) else {
            parser.error("(\(vrrp.name)): Version must be either 2 or 3", line, word: 1, hint: "use 2 or 3")
            return
        }
        if let current = vrrp.version, current != version || (version == .v2 && vrrp.family == .inet6) {
            parser.error("(\(vrrp.name)) vrrp_version \(number) conflicts with configured or deduced version \(current.rawValue); ignoring.",
                         line, word: 1, hint: "IPv6 and native_ipv6 need version 3")
            return
        }
        if vrrp.version == nil && version == .v2 && vrrp.family == .inet6 {
            parser.error("(\(vrrp.name)) vrrp_version 2 conflicts with configured or deduced version 0; ignoring.",
                         line, word: 1, hint: "IPv6 needs version 3")
            return
        }
        edit(parser) { $0.version = version }
    }

    /// keepalived.conf: lvs_sync_daemon_interface IFNAME (deprecated)
    static func lvsSyncDaemonInterface(_ parser: ConfigParser, _ line: KeywordLine) {
        let vrrpName = name(parser)
        parser.error("(\(vrrpName)) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.", line,
                     hint: "use lvs_sync_daemon in global_defs")
        let pad = String(repeating: " ", count: 6 + abs(vrrpName.count - 2))
        parser.error("\(pad)Please use global lvs_sync_daemon", line, hint: "use lvs_sync_daemon in global_defs")
        if let other = parser.config.vrrpInstances.first(where: { $0.lvsSyncDaemonInterface != nil }),
           let existing = other.lvsSyncDaemonInterface {
            parser.error("(\(vrrpName)) lvs_sync_daemon_interface has already been specified as \(existing) - ignoring", line,
                         hint: "give the LVS sync daemon interface once")
            return
        }
        guard let ifname = parser.argument(line, 1) else { return }
        edit(parser) { $0.lvsSyncDaemonInterface = ifname }
    }
}
