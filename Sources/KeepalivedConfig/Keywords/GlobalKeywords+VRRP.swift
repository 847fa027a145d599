/// global_defs: the VRRP defaults, gratuitous ARP/NA tuning and VRRP process switches.
extension GlobalKeywords {
    static let vrrpEntries: [Entry] = [
        .keyword("dynamic_interfaces") { parser, line in
            parser.config.global.vrrp.dynamicInterfaces = true
            guard let option = line[1] else { return }
            if option == "allow_if_changes" {
                parser.config.global.vrrp.allowInterfaceChanges = true
            } else {
                parser.error("Unknown dynamic_interfaces option '\(option)'", line, word: 1, hint: "the only option is allow_if_changes")
            }
        },
        .keyword("default_interface") { parser, line in
            guard let name = line[1] else {
                return parser.error("default_interface requires interface name", line, hint: "name the interface")
            }
            parser.config.global.vrrp.defaultInterface = name
        },
        .keyword("disable_local_igmp") { parser, line in
            let path = "/proc/sys/net/ipv4/igmp_link_local_mcast_reports"
            guard parser.host.fileStatus(atPath: path) != nil else {
                return parser.error("kernel does not support \(path)", line, hint: "remove disable_local_igmp on this kernel")
            }
            parser.config.global.vrrp.disableLocalIGMP = true
        },
        .keyword("vrrp_mcast_group4") { parser, line in parser.readMulticastGroup(line, v6: false) },
        .keyword("vrrp_mcast_group6") { parser, line in parser.readMulticastGroup(line, v6: true) },
        .keyword("vrrp_garp_master_delay") { parser, line in
            if let seconds = parser.globalUnsigned(line, 0...4294, "vrrp_garp_master_delay '%' invalid - ignoring") {
                parser.config.global.vrrp.garpMasterDelay = seconds * 1_000_000
            }
        },
        .keyword("vrrp_garp_master_repeat") { parser, line in
            if let repeats = parser.globalRepeat(line, "vrrp_garp_master_repeat") {
                parser.config.global.vrrp.garpMasterRepeat = repeats
            }
        },
        .keyword("vrrp_garp_master_refresh") { parser, line in
            // keepalived turns refreshing off when the value is bad.
            let seconds = parser.globalUnsigned(line, 0...UInt64(UInt32.max), "Invalid vrrp_garp_master_refresh '%' - ignoring")
            parser.config.global.vrrp.garpMasterRefresh = (seconds ?? 0) * 1_000_000
        },
        .keyword("vrrp_garp_master_refresh_repeat") { parser, line in
            if let repeats = parser.globalRepeat(line, "vrrp_garp_master_refresh_repeat") {
                parser.config.global.vrrp.garpMasterRefreshRepeat = repeats
            }
        },
        .keyword("vrrp_garp_lower_prio_delay") { parser, line in
            if let seconds = parser.globalUnsigned(line, 0...4294, "vrrp_garp_lower_prio_delay '%' invalid - ignoring") {
                parser.config.global.vrrp.garpLowerPriorityDelay = seconds * 1_000_000
            }
        },
        .keyword("vrrp_garp_lower_prio_repeat") { parser, line in
            if let repeats = parser.globalUnsigned(line, 0...UInt64(Int32.max), "Invalid vrrp_garp_lower_prio_repeat '%'") {
                parser.config.global.vrrp.garpLowerPriorityRepeat = UInt32(repeats)
            }
        },
        .keyword("vrrp_down_timer_adverts") { parser, line in
            if let adverts = parser.globalUnsigned(line, 1...100, "Invalid vrrp_down_timer_adverts [1:100] '%'") {
                parser.config.global.vrrp.downTimerAdverts = UInt32(adverts)
            }
        },
        .keyword("vrrp_garp_interval") { parser, line in
            parser.readGlobalInterval(line, name: "vrrp_garp_interval", minimum: 1, large: 1_000_000, \.vrrp.garpInterval)
        },
        .keyword("vrrp_gna_interval") { parser, line in
            parser.readGlobalInterval(line, name: "vrrp_gna_interval", minimum: 1, large: 1_000_000, \.vrrp.gnaInterval)
        },
        .keyword("vrrp_startup_delay") { parser, line in
            parser.readGlobalInterval(line, name: "vrrp_startup_delay", minimum: 1000, large: 60_000_000, \.vrrp.startupDelay)
        },
        .keyword("vrrp_min_garp") { parser, line in
            if let word = line[1] {
                guard let on = ConfigParser.bool(word) else {
                    return parser.error("Invalid value for vrrp_min_garp specified", line, word: 1, hint: "use on/off, true/false or yes/no")
                }
                if !on { return }
            }
            // One GARP/NA, no repeats, but only where the operator left keepalived's defaults.
            parser.config.global.vrrp.applyMinimalGARP()
        },
        .keyword("vrrp_garp_extra_if") { parser, line in parser.readGARPExtraInterface(line) },
        .keyword("vrrp_vmac_garp_intvl") { parser, line in parser.readGARPExtraInterface(line) },
        .keyword("vrrp_lower_prio_no_advert") { parser, line in
            if let value = parser.globalBool(line, "Invalid value for vrrp_lower_prio_no_advert specified") {
                parser.config.global.vrrp.lowerPriorityNoAdvert = value
            }
        },
        .keyword("vrrp_higher_prio_send_advert") { parser, line in
            if let value = parser.globalBool(line, "Invalid value for vrrp_higher_prio_send_advert specified") {
                parser.config.global.vrrp.higherPrioritySendAdvert = value
            }
        },
        .keyword("vrrp_version") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let version = parser.readInt(text, 2...3, line, word: 1) else {
                return parser.error("VRRP Error: Version must be either 2 or 3", line, word: 1, hint: "use 2 or 3")
            }
            parser.config.global.vrrp.version = version
        },
        .keyword("vrrp_iptables") { parser, line in
            // This keepalived is built with nftables only: the old keyword turns nftables on.
            parser.error("iptables not supported, using nftables instead. Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option",
                         line, hint: "replace vrrp_iptables with nftables")
            parser.config.global.vrrp.nftablesTable = "keepalived"
            parser.config.global.vrrp.nftablesPriority = nil
        },
        .keyword("nftables") { parser, line in
            if parser.config.global.vrrp.nftablesTable != nil {
                return parser.error("nftables already specified - ignoring", line, hint: "give nftables once")
            }
            let name = line[1] ?? "keepalived"
            if name.utf8.count >= 256 {
                return parser.error("nftables table name too long - ignoring", line, word: 1, hint: "use at most 255 characters")
            }
            parser.config.global.vrrp.nftablesTable = name
            parser.config.global.vrrp.nftablesPriority = nil
        },
        .keyword("nftables_priority") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            guard let priority = parser.readInt(text, Int(Int32.min)...Int(Int32.max), line, word: 1) else {
                return parser.error("invalid nftables chain priority '\(text)'", line, word: 1, class: .invalidNumber,
                                    hint: "give a whole number")
            }
            parser.config.global.vrrp.nftablesPriority = Int32(priority)
        },
        flag("nftables_ifindex") { $0.vrrp.nftablesUseIfindex = true },
        flag("nftables_counters") { $0.vrrp.nftablesCounters = true },
        flag("vrrp_check_unicast_src") { $0.vrrp.checkUnicastSource = true },
        flag("vrrp_skip_check_adv_addr") { $0.vrrp.skipCheckAdvertAddresses = true },
        flag("vrrp_strict") { $0.vrrp.strict = true },
        optionalBool("vrrp_notify_priority_changes", message: boolMessage("vrrp_notify_priority_changes")) {
            $0.vrrp.notifyPriorityChanges = $1
        },
        flag("fifo_write_vrrp_states_on_reload") { $0.vrrp.fifoWriteStatesOnReload = true },
        .keyword("vrrp_rx_bufs_policy") { parser, line in parser.readReceiveBufferPolicy(line) },
        .keyword("vrrp_rx_bufs_multiplier") { parser, line in
            guard line.count == 2 else {
                return parser.error("Invalid vrrp_rx_bufs_multiplier", line, hint: "give one multiplier")
            }
            guard let value = parser.readUnsigned(line.tokens[1].text, 1...UInt64(UInt32.max), line, word: 1) else {
                return parser.error("Invalid vrrp_rx_bufs_multiplier \(line.tokens[1].text)", line, word: 1, hint: "give a whole number of at least 1")
            }
            parser.config.global.vrrp.receiveBufferMultiplier = UInt32(value)
        },
        flag("log_unknown_vrids") { $0.vrrp.logUnknownVRIDs = true },
        .keyword("vmac_prefix") { parser, line in
            guard let prefix = parser.argument(line, 1) else { return }
            if parser.config.global.vrrp.vmacPrefix != nil {
                return parser.error("vmac prefix has already been specified - ignoring \(prefix)", line, word: 1, hint: "give vmac_prefix once")
            }
            parser.config.global.vrrp.vmacPrefix = prefix
        },
        .keyword("vmac_addr_prefix") { parser, line in
            guard let prefix = parser.argument(line, 1) else { return }
            if parser.config.global.vrrp.vmacAddressPrefix != nil {
                return parser.error("vmac_addr prefix has already been specified - ignoring \(prefix)", line, word: 1,
                                    hint: "give vmac_addr_prefix once")
            }
            parser.config.global.vrrp.vmacAddressPrefix = prefix
        },
    ]
}

extension VRRPGlobalDefaults {
    /// vrrp_min_garp: a single GARP/NA with no repeats, leaving values the operator set.
    mutating func applyMinimalGARP() {
        if garpMasterRepeat == 5 { garpMasterRepeat = 1 }
        if garpMasterRefreshRepeat == 1 { garpMasterRefreshRepeat = 0 }
        if garpMasterDelay == 5_000_000 { garpMasterDelay = 0 }
    }
}
