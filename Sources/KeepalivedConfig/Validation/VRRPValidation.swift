/// Checks on VRRP instances and sync groups after parsing, in the order keepalived 2.2.7's
/// start_vrrp and vrrp_complete_init make them. Where keepalived gives up (returns false), the
/// remaining checks are not made either, so the same set of messages comes out.
enum VRRPValidation {
    /// keepalived's default multicast groups (global vrrp_mcast_group4/6 are not modelled yet).
    static let defaultGroup4 = IPAddress("224.0.0.18")!
    static let defaultGroup6 = IPAddress("ff02::12")!

    static func validate(_ config: inout Configuration, _ context: ValidationContext) {
        // start_vrrp: an interface that does not exist stops everything (CONFIG_BAD_IF).
        if config.namedMissingInterface || config.vrrpInstances.contains(where: \.namedMissingInterface) {
            context.error("Non-existent interface specified in configuration", at: nil, class: .badInterface,
                          hint: "create the interface, or correct its name; keepalived 2.2.7 refuses to start")
            return
        }
        for vrrp in config.vrrpInstances where !hasMinimalConfiguration(vrrp, context) { return }
        assignSyncGroups(&config, context)
        let trackingWeight = Dictionary(config.syncGroups.map { ($0.name, $0.trackingWeight) }, uniquingKeysWith: { first, _ in first })
        let scriptWeights = Dictionary(config.vrrpScripts.map { ($0.name, $0.weight) }, uniquingKeysWith: { first, _ in first })
        for index in config.vrrpInstances.indices {
            let weightsIgnored = config.vrrpInstances[index].syncGroup.map { !(trackingWeight[$0] ?? false) } ?? false
            guard completeInstance(&config.vrrpInstances[index], defaults: config.global.vrrp, weightsIgnored: weightsIgnored,
                                   scriptWeight: { scriptWeights[$0] ?? 0 }, context) else { return }
        }
        _ = checkVRIDConflicts(config.vrrpInstances, context)
    }

    /// keepalived's chk_min_cfg.
    static func hasMinimalConfiguration(_ vrrp: VRRPInstance, _ context: ValidationContext) -> Bool {
        if vrrp.vrid == nil {
            context.error("(\(vrrp.name)) the virtual router id must be set", at: vrrp.location, keyword: "virtual_router_id",
                          hint: "add virtual_router_id (1-255), the same on every router of this virtual router")
            return false
        }
        // keepalived tests its unicast flag before setting it, so an instance always needs an interface.
        if vrrp.interface == nil {
            context.error("(\(vrrp.name)) Unknown interface!", at: vrrp.location, keyword: "interface",
                          hint: "add `interface IFNAME` naming a non-loopback interface of this host")
            return false
        }
        return true
    }

    /// keepalived's sync group pass of vrrp_complete_init and vrrp_sync_set_group.
    static func assignSyncGroups(_ config: inout Configuration, _ context: ValidationContext) {
        var kept: [VRRPSyncGroup] = []
        for group in config.syncGroups {
            if group.members.isEmpty {
                context.error("Sync group \(group.name) has no virtual router(s). removing", at: group.location, keyword: "group",
                              hint: "list the member vrrp_instances in `group { ... }`")
                continue
            }
            var joined = 0
            // keepalived's sgroup->state: nil (INIT), then MASTER only while every member is an owner wanting MASTER.
            var groupState: VRRPState?
            for member in group.members {
                guard let index = config.vrrpInstances.firstIndex(where: { $0.name == member.text }) else {
                    context.error("Virtual router \(member.text) specified in sync group \(group.name) doesn't exist - ignoring",
                                  at: group.location, keyword: "group", hint: "name a vrrp_instance defined in this configuration")
                    continue
                }
                let vrrp = config.vrrpInstances[index]
                if vrrp.syncGroup != nil {
                    context.error("Virtual router \(member.text) cannot exist in more than one sync group; ignoring \(group.name)",
                                  at: group.location, keyword: "group", hint: "put each instance in one sync group only")
                    continue
                }
                config.vrrpInstances[index].syncGroup = group.name
                joined += 1
                if groupState == .master && vrrp.state == .backup {
                    context.error("Sync group \(group.name) has some member(s) as address owner and some not as address owner. This won't work.",
                                  at: group.location, hint: "give all members priority 255 and state MASTER, or none of them")
                }
                if groupState != .backup {
                    groupState = vrrp.state == .master && vrrp.priority == .owner ? .master : .backup
                }
            }
            if joined == 0 {
                context.error("Sync group \(group.name), no matching virtual router found in group declaration - removing",
                              at: group.location, keyword: "group", hint: "name vrrp_instances defined in this configuration")
                continue
            }
            if joined == 1 {
                context.error("Sync group \(group.name) has only 1 virtual router(s) - this probably isn't what you want",
                              at: group.location, keyword: "group", hint: "a sync group ties two or more instances together")
            }
            kept.append(group)
        }
        config.syncGroups = kept
    }

    /// keepalived's check_vrid_conflicts: one VRID per interface, family and multicast group (or
    /// per local address and peer when unicasting). Returns true if a conflict was found.
    static func checkVRIDConflicts(_ instances: [VRRPInstance], _ context: ValidationContext) -> Bool {
        var hadError = false
        // Only instances with the same family, VRID and mode can conflict: compare within those
        // buckets (in keepalived's pair order) instead of every pair of a large configuration.
        struct Bucket: Hashable { var family: IPAddress.Family?; var vrid: UInt8?; var unicast: Bool }
        var buckets: [Bucket: [Int]] = [:]
        for (index, instance) in instances.enumerated() {
            buckets[Bucket(family: instance.family, vrid: instance.vrid?.rawValue, unicast: instance.usesUnicast), default: []].append(index)
        }
        var pairs: [(Int, Int)] = []
        for members in buckets.values where members.count > 1 {
            for (k, i) in members.enumerated() { for j in members[(k + 1)...] { pairs.append((i, j)) } }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        for (i, j) in pairs {
            let a = instances[i], b = instances[j]
            do {
                let vrid = a.vrid?.rawValue ?? 0
                if a.usesUnicast {
                    if let x = a.interface, let y = b.interface, x != y { continue }
                    // Both local addresses must be known: configured, or the (same) interface's own.
                    if a.sourceFromConfig != b.sourceFromConfig { continue }
                    if a.sourceFromConfig && a.sourceAddress != b.sourceAddress { continue }
                    let peers = Set(b.unicastPeers.map(\.address))
                    guard a.unicastPeers.contains(where: { peers.contains($0.address) }) else { continue }
                    context.error("(\(a.name)) duplicate VRID conflict with \(b.name) VRID \(vrid)", at: b.location,
                                  keyword: "virtual_router_id", hint: "use another virtual_router_id for one of them")
                    hadError = true
                    continue
                }
                guard a.interface == b.interface, let ifname = a.interface else { continue }
                if multicastGroup(a) != multicastGroup(b) { continue }
                context.error("\(a.name) and \(b.name) both use VRID \(vrid) with IPv\(a.family == .inet6 ? 6 : 4) on interface \(ifname)",
                              at: b.location, keyword: "virtual_router_id",
                              hint: "give each virtual router on a link its own virtual_router_id")
                hadError = true
            }
        }
        return hadError
    }

    static func multicastGroup(_ vrrp: VRRPInstance) -> IPAddress {
        vrrp.multicastDestination ?? (vrrp.family == .inet6 ? defaultGroup6 : defaultGroup4)
    }
}

extension VRRPInstance {
    /// keepalived's VRRP_FLAG_UNICAST: a unicast keyword and at least one peer.
    public var usesUnicast: Bool { unicastConfigured && !unicastPeers.isEmpty }
}
