/// keepalived 2.2.7's vrrp_complete_instance: resolves each instance's defaults and corrects the
/// settings that do not go together, with keepalived's messages and classes.
extension VRRPValidation {
    /// keepalived's DEFAULT_MTU: the host model has no MTU yet, so the packet-size cap uses it.
    static let defaultMTU = 1500

    /// Returns false where keepalived stops the whole VRRP configuration.
    /// `weightsIgnored`: the instance is in a sync group without track_weight (keepalived then ignores
    /// weighted tracking, as it does for the address owner); `scriptWeight` gives a vrrp_script's own weight.
    static func completeInstance(_ vrrp: inout VRRPInstance, defaults: VRRPGlobalDefaults, weightsIgnored: Bool = false,
                                 scriptWeight: (String) -> Int = { _ in 0 }, _ context: ValidationContext) -> Bool {
        let name = vrrp.name
        let location = vrrp.location
        func error(_ message: String, _ keyword: String?, _ hint: String, class cls: ConfigErrorClass = .generalError) {
            context.error("(\(name))\(message)", at: location, keyword: keyword, class: cls, hint: hint)
        }
        // keepalived.conf: strict_mode, else global_defs vrrp_strict.
        let strict = vrrp.strictMode ?? defaults.strict
        vrrp.strictMode = strict

        if vrrp.family == .inet6 {
            if vrrp.version == .v2 && strict {
                error(" cannot use IPv6 with VRRP version 2; setting version 3", "version", "remove `version 2` from IPv6 instances")
                vrrp.version = .v3
            } else if vrrp.version == nil {
                vrrp.version = .v3
            }
        }
        let family = vrrp.family ?? .inet
        vrrp.family = family
        // keepalived.conf: version, else global_defs vrrp_version (2 unless set).
        let version = vrrp.version ?? (defaults.version == 3 ? .v3 : .v2)
        vrrp.version = version
        if family == .inet && vrrp.unicastTTL == nil { vrrp.unicastTTL = 255 }

        if vrrp.virtualAddresses.isEmpty {
            if version == .v3 || strict {
                error(" No VIP specified; at least one is required", "virtual_ipaddress", "add a virtual_ipaddress block")
                return false
            }
            error(" No VIP specified; at least one is sensible", "virtual_ipaddress", "add a virtual_ipaddress block")
        }

        let priority = vrrp.priority ?? (vrrp.state == .master ? .owner : .default)
        vrrp.priority = priority
        let derivedState: VRRPState = priority == .owner ? .master : .backup
        if vrrp.state == nil {
            vrrp.state = derivedState
        } else if strict && (vrrp.state == .master) != (priority == .owner) {
            error(" State MASTER must match being address owner", "state",
                  "in strict mode only the address owner (priority 255) starts as MASTER")
            vrrp.state = derivedState
        }

        checkAuthentication(&vrrp, strict: strict, error)
        checkUnicast(&vrrp, context)

        if strict, vrrp.virtualMAC?.macAddress != nil {
            error(": cannot specify MAC address with strict mode - clearing", "use_vmac", "leave the MAC address out in strict mode")
            vrrp.virtualMAC?.macAddress = nil
        }
        if let ifname = vrrp.interface, let host = context.host.interface(named: ifname), !host.supportsMulticast, !vrrp.usesUnicast {
            error(" interface \(ifname) does not support multicast, specify unicast peers - disabling", "interface",
                  "add unicast_peer addresses")
        }
        if family == .inet6, !vrrp.usesUnicast, let first = vrrp.virtualAddresses.first,
           !isLinkLocal(first.prefix.address) {
            if strict {
                error(" the first IPv6 VIP address must be link local", "virtual_ipaddress", "list a fe80:: address first")
            } else {
                context.warning("(\(name)) the first IPv6 VIP address should be link local", at: first.location,
                                keyword: "virtual_ipaddress", class: nil, hint: "list a fe80:: address first")
            }
        }
        if vrrp.vrf != nil && (vrrp.interface != nil || !vrrp.usesUnicast) {
            error(" vrf can only be specified with\(vrrp.interface != nil ? "out interface" : " unicast") - clearing", "vrf",
                  "a vrf instance is unicast and has no interface")
            vrrp.vrf = nil
        }
        capAdvertisedAddresses(&vrrp, error)
        checkPreemption(&vrrp, strict: strict, error)
        checkStrictDefaults(&vrrp, strict: strict, error)
        roundAdvertisementInterval(&vrrp, error)
        if !vrrp.sourceFromConfig { vrrp.trackSourceAddress = false }
        checkVirtualMAC(&vrrp, strict: strict, error)

        if let own = vrrp.interface, let index = vrrp.trackInterfaces.firstIndex(where: { $0.name == own }) {
            error(" Ignoring track_interface \(own) since own interface", "track_interface",
                  "remove it: an instance always tracks its own interface")
            vrrp.trackInterfaces.remove(at: index)
        }
        if vrrp.vmacTransmitOnBase && vrrp.virtualMAC?.kind != .macvlan {
            error(" vmac_xmit_base is only valid with a vmac", "vmac_xmit_base", "add use_vmac or remove vmac_xmit_base")
            vrrp.vmacTransmitOnBase = false
        }

        // After the VIP/interface pass keepalived looks again, this time as CONFIG_WARNING.
        if vrrp.virtualAddresses.isEmpty {
            if version == .v3 || family == .inet6 || strict {
                error(" No VIP specified; at least one is required", "virtual_ipaddress", "add a virtual_ipaddress block")
                return false
            }
            error(" No VIP specified; at least one is sensible", "virtual_ipaddress", "add a virtual_ipaddress block", class: .warning)
        }
        if weightsIgnored || priority == .owner {
            dropTrackingWeights(&vrrp, syncGroup: weightsIgnored, scriptWeight: scriptWeight, error)
        }
        return true
    }

    static func isLinkLocal(_ address: IPAddress) -> Bool {
        let bytes = address.bytes
        return address.family == .inet6 && bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80
    }
}

extension VRRPValidation {
    fileprivate static func checkAuthentication(
        _ vrrp: inout VRRPInstance, strict: Bool,
        _ error: (String, String?, String, ConfigErrorClass) -> Void
    ) {
        guard let auth = vrrp.authentication, let type = auth.type else { return }
        if strict {
            error(" Strict mode does not support authentication. Ignoring.", "authentication", "remove the authentication block", .generalError)
            vrrp.authentication = nil
        } else if vrrp.version == .v3 {
            error(" VRRP version 3 does not support authentication. Ignoring.", "authentication", "remove the authentication block", .generalError)
            vrrp.authentication = nil
        } else if auth.password.isEmpty || auth.password.first == 0 {
            error(" Authentication specified but no password given. Ignoring", "auth_pass", "add auth_pass", .generalError)
            vrrp.authentication = nil
        } else if vrrp.family == .inet6 && type == .ah {
            error(" Cannot use AH authentication with IPv6. ignoring", "auth_type", "use auth_type PASS, or none", .generalError)
            vrrp.authentication = nil
        } else if type == .ah && vrrp.state == .master && vrrp.priority != .owner {
            error(" Initial state master is incompatible with AH authentication - clearing", "state",
                  "start as BACKUP: AH needs a received advert's sequence number first", .generalError)
            vrrp.state = .backup
        }
    }

    fileprivate static func checkUnicast(_ vrrp: inout VRRPInstance, _ context: ValidationContext) {
        guard vrrp.unicastConfigured, vrrp.unicastPeers.isEmpty else { return }
        if vrrp.unicastFaultNoPeer {
            context.warning("(\(vrrp.name)) Cannot use unicast without any peers - going to fault state", at: vrrp.location,
                            keyword: "unicast_fault_no_peer", class: nil, hint: "add unicast_peer addresses")
        } else {
            context.warning(
                "(\(vrrp.name)) A unicast keyword has been specified without any unicast peers. Defaulting to multicast. This usage is deprecated - please update your configuration.",
                at: vrrp.location, keyword: "unicast_peer", class: .deprecated,
                hint: "add unicast_peer addresses, or remove the unicast keywords")
        }
    }

    /// Only 255 addresses fit the count field, and fewer fit one packet: the rest become eVIPs.
    fileprivate static func capAdvertisedAddresses(_ vrrp: inout VRRPInstance, _ error: (String, String?, String, ConfigErrorClass) -> Void) {
        let maximum: Int
        if vrrp.family == .inet6 {
            maximum = (defaultMTU - 14 - 40 - 8) / 16
        } else {
            var header = 14 + 20 + 8
            if vrrp.version == .v2 {
                header += 8
                if vrrp.authentication?.type == .ah { header += 24 }
            }
            maximum = min(255, (defaultMTU - header) / 4)
        }
        guard vrrp.virtualAddresses.count > maximum else { return }
        error(" Number of VIPs (\(vrrp.virtualAddresses.count)) exceeds maximum/space available in packet (max \(maximum) addresses) - excess moved to eVIPs",
              "virtual_ipaddress", "move the extra addresses to virtual_ipaddress_excluded", .generalError)
        vrrp.excludedAddresses += vrrp.virtualAddresses[maximum...]
        vrrp.virtualAddresses.removeSubrange(maximum...)
    }

    fileprivate static func checkPreemption(_ vrrp: inout VRRPInstance, strict: Bool, _ error: (String, String?, String, ConfigErrorClass) -> Void) {
        if vrrp.priority == .owner && vrrp.noPreempt {
            error(" nopreempt is incompatible with priority 255. resetting nopreempt", "nopreempt",
                  "the address owner always preempts; remove nopreempt", .generalError)
            vrrp.noPreempt = false
        }
        if vrrp.state == .master {
            if vrrp.noPreempt {
                error(" Warning - nopreempt will not work with initial state MASTER - clearing", "nopreempt",
                      "use state BACKUP with nopreempt", .generalError)
                vrrp.noPreempt = false
            }
            if vrrp.preemptDelay != 0 {
                error(" Warning - preempt delay will not work with initial state MASTER - clearing", "preempt_delay",
                      "use state BACKUP with preempt_delay", .generalError)
                vrrp.preemptDelay = 0
            }
        }
        if vrrp.preemptDelay != 0 {
            if strict {
                error(" preempt_delay is incompatible with strict mode - resetting", "preempt_delay", "remove preempt_delay", .generalError)
                vrrp.preemptDelay = 0
            }
            if vrrp.noPreempt {
                error(" preempt_delay is incompatible with nopreempt mode - resetting", "preempt_delay",
                      "remove preempt_delay or nopreempt", .generalError)
                vrrp.preemptDelay = 0
            }
        }
    }

    /// The RFC behaviours strict mode insists on, and the accept-mode default.
    fileprivate static func checkStrictDefaults(_ vrrp: inout VRRPInstance, strict: Bool, _ error: (String, String?, String, ConfigErrorClass) -> Void) {
        if strict, let adverts = vrrp.downTimerAdverts, adverts != 3 {
            error(" down_timer_adverts is incompatible with strict mode - resetting", "down_timer_adverts",
                  "remove down_timer_adverts", .generalError)
            vrrp.downTimerAdverts = 3
        }
        let owner = vrrp.priority == .owner
        let accept = vrrp.accept ?? (owner ? true : !strict)
        vrrp.accept = accept
        if accept && !owner && strict && vrrp.version == .v2 {
            error(" warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting", "accept",
                  "remove accept, or use version 3", .generalError)
            vrrp.accept = false
        }
        if vrrp.usesUnicast && vrrp.multicastDestination != nil {
            error(" multicast destination specified with unicast - ignoring", "mcast_dst_ip", "remove mcast_dst_ip", .generalError)
            vrrp.multicastDestination = nil
        }
        guard strict else { return }
        if let repeats = vrrp.garpLowerPriorityRepeat, repeats != 0 {
            error(" Strict mode requires no repeat garps. resetting", "garp_lower_prio_repeat", "remove garp_lower_prio_repeat", .generalError)
        }
        vrrp.garpLowerPriorityRepeat = 0
        if let delay = vrrp.garpLowerPriorityDelay, delay != 0 {
            error(" Strict mode requires no repeat garp delay. resetting", "garp_lower_prio_delay", "remove garp_lower_prio_delay", .generalError)
        }
        vrrp.garpLowerPriorityDelay = 0
        if vrrp.lowerPriorityNoAdvert == false {
            error(" Strict mode requires no lower priority advert. resetting", "lower_prio_no_advert", "remove lower_prio_no_advert", .generalError)
        }
        vrrp.lowerPriorityNoAdvert = true
        if vrrp.higherPrioritySendAdvert == true {
            error(" strict mode requires higher_prio_send_advert to be clear. resetting", "higher_prio_send_advert",
                  "remove higher_prio_send_advert", .generalError)
        }
        vrrp.higherPrioritySendAdvert = false
    }

    /// VRRPv2 counts whole seconds below 256; VRRPv3 centiseconds below 4096.
    fileprivate static func roundAdvertisementInterval(_ vrrp: inout VRRPInstance, _ error: (String, String?, String, ConfigErrorClass) -> Void) {
        var interval = vrrp.advertisementInterval ?? 1_000_000
        let shown = NumberText.format(interval, shift: 6)
        if vrrp.version == .v2 {
            if interval >= 256 * 1_000_000 {
                error(" VRRPv2 advertisement interval \(twoPlaces(interval))s is out of range. Must be less than 256s. Setting to 255s",
                      "advert_int", "use at most 255 seconds", .generalError)
                interval = 255 * 1_000_000
            } else if interval % 1_000_000 != 0 {
                error(" VRRPv2 advertisement interval \(shown)s must be an integer. rounding", "advert_int",
                      "VRRPv2 advertises whole seconds", .generalError)
                interval += 500_000
                interval -= interval % 1_000_000
                if interval == 0 { interval = 1_000_000 }
            }
        } else {
            if interval >= 4096 * 10_000 {
                error(" VRRPv3 advertisement interval \(twoPlaces(interval))s is out of range. Must be less than 40.96s. Setting to 40.95s",
                      "advert_int", "use at most 40.95 seconds", .generalError)
                interval = 4095 * 10_000
            } else if interval % 10_000 != 0 {
                error(" VRRPv3 advertisement interval \(shown)s must be in units of 10ms - rounding", "advert_int",
                      "VRRPv3 advertises centiseconds", .generalError)
                interval += 5_000
                interval -= interval % 10_000
                if interval == 0 { interval = 10_000 }
            }
        }
        vrrp.advertisementInterval = interval
    }

    /// printf's %.2f of a microsecond count.
    fileprivate static func twoPlaces(_ microseconds: UInt64) -> String {
        let centi = (microseconds + 5_000) / 10_000
        let fraction = String(centi % 100)
        return "\(centi / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }

    fileprivate static func checkVirtualMAC(_ vrrp: inout VRRPInstance, strict: Bool, _ error: (String, String?, String, ConfigErrorClass) -> Void) {
        guard let vmac = vrrp.virtualMAC else { return }
        if vmac.kind == .macvlan, vmac.macEndsWithVRID, vmac.macAddress != nil, let vrid = vrrp.vrid {
            vrrp.virtualMAC?.macAddress?[5] = vrid.rawValue
        }
        if vmac.kind == .macvlan && strict && vrrp.vmacTransmitOnBase {
            error(" xmit_base is incompatible with strict mode - resetting", "vmac_xmit_base", "remove vmac_xmit_base", .generalError)
            vrrp.vmacTransmitOnBase = false
        }
        if vrrp.promoteSecondaries {
            error(" promote_secondaries is automatically set for vmacs - ignoring", "promote_secondaries",
                  "remove promote_secondaries", .generalError)
            vrrp.promoteSecondaries = false
        }
        if vmac.kind == .ipvlan {
            if vrrp.family == .inet && vmac.ipvlanAddress == nil {
                error(" IPv4 ipvlan requires a source ip address to be configured. setting instance to fault state", "use_ipvlan",
                      "give use_ipvlan an address", .generalError)
            } else if let address = vmac.ipvlanAddress, address.address.family != vrrp.family {
                error(" IPv4 ipvlan address family does not match instance. setting instance to fault state", "use_ipvlan",
                      "give use_ipvlan an address of the instance's family", .generalError)
            }
        }
    }

    /// The address owner ignores weighted tracking (it never lowers its priority), and so does a
    /// member of a sync group without track_weight (keepalived's vrrp_complete_instance).
    fileprivate static func dropTrackingWeights(
        _ vrrp: inout VRRPInstance, syncGroup: Bool, scriptWeight: (String) -> Int,
        _ error: (String, String?, String, ConfigErrorClass) -> Void
    ) {
        let reason = syncGroup ? "SYNC group" : "address_owner"
        let hint = syncGroup ? "add track_weight to the vrrp_sync_group, or remove the weight" : "remove the weight: the owner's priority stays 255"
        if syncGroup {
            // Sync group members keep tracking the interface, without its weight.
            for index in vrrp.trackInterfaces.indices where vrrp.trackInterfaces[index].weight != 0 {
                error(" ignoring \(vrrp.trackInterfaces[index].name) tracked interface weight due to SYNC group", "track_interface", hint, .generalError)
                vrrp.trackInterfaces[index].weight = 0
            }
        } else {
            vrrp.trackInterfaces.removeAll { tracked in
                guard tracked.weight != 0 else { return false }
                error(" ignoring \(tracked.name) tracked interface due to address owner", "track_interface", hint, .generalError)
                return true
            }
        }
        // A track_script without a weight takes the vrrp_script's.
        vrrp.trackScripts.removeAll { tracked in
            guard (tracked.weight ?? scriptWeight(tracked.name)) != 0 else { return false }
            error(" ignoring tracked script \(tracked.name) with weights due to \(reason)", "track_script", hint, .generalError)
            return true
        }
        vrrp.trackFiles = vrrp.trackFiles.compactMap { tracked in
            var tracked = tracked
            let weight = tracked.weight ?? 1
            if weight == 1 {
                error(" ignoring weight from tracked file \(tracked.name) due to \(reason). specify weight 0", "track_file",
                      "add `weight 0`", .generalError)
                tracked.weight = 0
            } else if weight != 0 {
                error(" ignoring tracked file \(tracked.name) with weight \(weight) due to \(reason)", "track_file", hint, .generalError)
                return nil
            }
            return tracked
        }
        vrrp.trackBFDs.removeAll { tracked in
            guard let weight = tracked.weight, weight != 0 else { return false }
            error(" ignoring tracked bfd \(tracked.name) with weight \(weight) due to \(reason)", "track_bfd", hint, .generalError)
            return true
        }
    }
}
