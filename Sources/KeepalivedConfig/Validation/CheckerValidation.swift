/// Checks on virtual servers, real servers and checkers after parsing (keepalived's
/// link_vsg_to_vs and validate_check_config), with the defaults they fill in.
enum CheckerValidation {
    static func validate(_ config: inout Configuration, _ context: ValidationContext) {
        linkGroups(&config, context)
        var kept: [VirtualServer] = []
        for var vs in config.virtualServers {
            if validate(&vs, config, context) { kept.append(vs) }
        }
        config.virtualServers = kept
    }

    /// keepalived's link_vsg_to_vs: each `group NAME` must name a group of a compatible family.
    /// keepalived only logs these, so they stay out of the `-t` verdict.
    static func linkGroups(_ config: inout Configuration, _ context: ValidationContext) {
        config.virtualServers = config.virtualServers.filter { vs in
            guard let name = vs.groupName else { return true }
            func drop(_ message: String, _ hint: String) -> Bool {
                context.warning(message, at: vs.location, keyword: "virtual_server", class: nil, hint: hint)
                return false
            }
            guard let group = config.virtualServerGroups.first(where: { $0.name == name }) else {
                return drop("Virtual server group \(name) specified but not configured - ignoring virtual server \(format(vs))",
                            "define virtual_server_group \(name)")
            }
            if group.hasIPv4 && group.hasIPv6 && vs.family != nil {
                return drop("\(name): virtual server group with IPv4 & IPv6 doesn't match virtual server \(format(vs)) - ignoring",
                            "use a group of one family")
            }
            if (group.hasIPv4 && vs.family == .inet6) || (group.hasIPv6 && vs.family == .inet) {
                return drop("\(name): address family doesn't match virtual server \(format(vs)) - ignoring",
                            "use real servers of the group's family")
            }
            return true
        }
        for index in config.virtualServers.indices {
            guard let name = config.virtualServers[index].groupName,
                  let group = config.virtualServerGroups.first(where: { $0.name == name }) else { continue }
            if group.hasIPv4 != group.hasIPv6, config.virtualServers[index].family == nil {
                config.virtualServers[index].family = group.hasIPv4 ? .inet : .inet6
            } else if group.hasIPv4 == group.hasIPv6, config.virtualServers[index].family == nil, group.hasFwmarkWithoutFamily {
                context.warning("\(name): Virtual server \(format(config.virtualServers[index])) address family cannot be determined, defaulting to IPv4",
                                at: config.virtualServers[index].location, keyword: "virtual_server", class: nil,
                                hint: "give the fwmark entries a family")
            }
        }
    }

    /// One virtual server; false if keepalived drops it.
    static func validate(_ vs: inout VirtualServer, _ config: Configuration, _ context: ValidationContext) -> Bool {
        func error(_ message: String, _ hint: String) {
            context.error(message, at: vs.location, keyword: "virtual_server", hint: hint)
        }
        let group = vs.groupName.flatMap { name in config.virtualServerGroups.first { $0.name == name } }
        if vs.realServers.isEmpty {
            error("Virtual server \(format(vs)) has no real servers - ignoring", "add a real_server block")
            return false
        }
        let groupHasFwmarks = !(group?.fwmarkEntries.isEmpty ?? true)
        let groupHasAddresses = !(group?.addressEntries.isEmpty ?? true)
        if vs.haSuspend && (vs.fwmark != nil || groupHasFwmarks) {
            error("Virtual server \(format(vs)): cannot use ha_suspend with fwmarks - clearing ha_suspend", "remove ha_suspend")
            vs.haSuspend = false
        }
        if groupHasAddresses || (group == nil && vs.fwmark == nil) {
            if vs.serviceProtocol == nil {
                error("Virtual server \(format(vs)): no protocol set - defaulting to UDP", "add protocol TCP, UDP or SCTP")
                vs.serviceProtocol = .udp
            }
            if vs.flags.contains(.onePacket) && vs.serviceProtocol != .udp {
                error("Virtual server \(format(vs)): one packet scheduling requires UDP - resetting", "remove ops or use protocol UDP")
                vs.flags.remove(.onePacket)
            }
            if vs.persistenceTimeout == 0 && group == nil && vs.fwmark == nil && vs.port == nil {
                error("Virtual server \(format(vs)): zero port only valid for persistent services - setting",
                      "give a port, or persistence_timeout")
                vs.persistenceTimeout = 360
            }
        }
        if vs.persistenceTimeout == 0, let group, group.addressEntries.contains(where: { $0.port == nil }) {
            error("Virtual server \(format(vs)): zero port only valid for persistent services - setting",
                  "give every group address a port, or persistence_timeout")
            vs.persistenceTimeout = 360
        }
        if vs.serviceProtocol != nil && ((group != nil && !groupHasAddresses && groupHasFwmarks) || (group == nil && vs.fwmark != nil)) {
            error("Warning: Virtual server \(format(vs)): protocol specified for fwmark - protocol will be ignored",
                  "remove protocol from fwmark services")
            vs.serviceProtocol = nil
        }
        if vs.scheduler == nil {
            error("Virtual server \(format(vs)): no scheduler set, setting default 'wlc'", "add lvs_sched")
            vs.scheduler = .wlc
        }
        completeRealServers(&vs, context)
        checkQuorum(&vs, context)
        checkPorts(&vs, group, context)
        completeCheckers(&vs)
        return true
    }

    /// Duplicates, forwarding method and the defaults real servers take from their service.
    static func completeRealServers(_ vs: inout VirtualServer, _ context: ValidationContext) {
        var servers: [RealServer] = []
        for var rs in vs.realServers {
            if servers.contains(where: { $0.address == rs.address && $0.port == rs.port }) {
                context.error("VS \(format(vs)): real server \(format(rs, in: vs)) is duplicated - removing second rs",
                              at: rs.location, keyword: "real_server", hint: "remove the repeated real_server")
                continue
            }
            if rs.forwarding == nil {
                if vs.forwarding == nil {
                    context.error("Virtual server \(format(vs)): no forwarding method set, setting default NAT",
                                  at: vs.location, keyword: "virtual_server", hint: "add lvs_method NAT, DR or TUN")
                    vs.forwarding = ForwardingMethod(kind: .nat)
                }
                rs.forwarding = vs.forwarding
            }
            if rs.alpha == nil { rs.alpha = vs.alpha }
            if rs.inhibitOnFailure == nil { rs.inhibitOnFailure = vs.inhibitOnFailure }
            if rs.retry == nil { rs.retry = vs.retry }
            if rs.connectTimeout == nil { rs.connectTimeout = vs.connectTimeout }
            if rs.delayLoop == nil { rs.delayLoop = vs.delayLoop }
            if rs.warmup == nil { rs.warmup = vs.warmup }
            if rs.delayBeforeRetry == nil { rs.delayBeforeRetry = vs.delayBeforeRetry }
            if rs.weight == nil { rs.weight = vs.weight }
            if var sorry = vs.sorryServer, sorry.address == rs.address, sorry.port == rs.port {
                if sorry.inhibit != rs.inhibitOnFailure {
                    let inhibit = rs.inhibitOnFailure ?? false
                    context.error("Virtual server \(format(vs)): real server \(format(rs, in: vs)) matches sorry server, but inhibit setting differs, \(inhibit ? "sett" : "clear")ing on sorry server",
                                  at: sorry.location, keyword: "sorry_server", hint: "give both the same inhibit setting")
                    sorry.inhibit = inhibit
                    vs.sorryServer = sorry
                }
            }
            servers.append(rs)
        }
        vs.realServers = servers
        if vs.sorryServer != nil && vs.sorryServer?.forwarding == nil {
            if vs.forwarding == nil {
                context.error("Virtual server \(format(vs)): no forwarding method set, setting default NAT",
                              at: vs.location, keyword: "virtual_server", hint: "add lvs_method NAT, DR or TUN")
                vs.forwarding = ForwardingMethod(kind: .nat)
            }
            vs.sorryServer?.forwarding = vs.forwarding
        }
    }

    /// quorum no higher than the total weight; hysteresis below quorum.
    static func checkQuorum(_ vs: inout VirtualServer, _ context: ValidationContext) {
        let total = vs.realServers.reduce(UInt64(0)) { $0 + UInt64($1.weight ?? 0) }
        let weightSum = UInt32(truncatingIfNeeded: total)
        if vs.quorum > weightSum {
            context.error("Warning - quorum \(vs.quorum) for \(format(vs)) exceeds total weight of real servers \(weightSum), reducing quorum to \(weightSum)",
                          at: vs.location, keyword: "quorum", hint: "lower quorum or raise the real server weights")
            vs.quorum = weightSum
        }
        if vs.hysteresis >= vs.quorum {
            let newValue = vs.quorum &- 1
            context.error("Virtual server \(format(vs)): hysteresis \(vs.hysteresis) >= quorum \(vs.quorum); setting hysteresis to \(newValue)",
                          at: vs.location, keyword: "hysteresis", hint: "keep hysteresis below quorum")
            vs.hysteresis = newValue
        }
    }
}
