import NetworkTypes
import VRRPCore

/// keepalived's `keepalived.json` (its JSON signal, `--signum=JSON`): an array with one
/// `{"data": {...}, "stats": {...}}` object per instance, with keepalived 2.2.7's keys, for the
/// exporters that read it.
enum JSONDump {
    struct Entry {
        var runtime: VRRPInstanceRuntime
        var router: VirtualRouter
        var drops: [DropReason: UInt64]
        /// Wall-clock seconds of the last state change.
        var lastTransition: Double
    }

    static func render(_ entries: [Entry]) -> String {
        "[" + entries.map(object).joined(separator: ",") + "]"
    }

    private static func object(_ entry: Entry) -> String {
        let configuration = entry.runtime.router
        let router = entry.router
        func address(_ vip: VRRPInstanceRuntime.VirtualAddress) -> String {
            let text = IPAddressText.format(vip.address)
            return "\(text)/\(vip.prefixLength) dev \(entry.runtime.interfaceName) scope global"
        }
        var data: [(String, String)] = [
            ("iname", quoted(configuration.name)),
            ("dont_track_primary", "0"),
            ("skip_check_adv_addr", "0"),
            ("strict_mode", entry.runtime.strictMode ? "1" : "0"),
            ("ifp_ifname", quoted(entry.runtime.interfaceName)),
            ("master_priority", String(router.masterPriority?.rawValue ?? 0)),
            ("last_transition", String(entry.lastTransition)),
            ("garp_delay", String(Double(configuration.garpMasterDelay) / 1_000_000)),
            ("garp_refresh", "0"),
            ("garp_rep", String(configuration.garpMasterRepeat)),
            ("garp_refresh_rep", "1"),
            ("garp_lower_prio_delay", String(entry.runtime.router.garpLowerPriorityDelay / 1_000_000)),
            ("garp_lower_prio_rep", String(entry.runtime.router.garpLowerPriorityRepeat)),
            ("lower_prio_no_advert", configuration.lowerPriorityNoAdvert ? "1" : "0"),
            ("higher_prio_send_advert", configuration.higherPrioritySendAdvert ? "1" : "0"),
            ("vrid", String(configuration.vrid.rawValue)),
            ("base_priority", String(configuration.basePriority.rawValue)),
            ("effective_priority", String(router.effectivePriority.rawValue)),
            ("vipset", router.addressesInstalled ? "true" : "false"),
            ("promote_secondaries", "false"),
            ("adver_int", String(Double(configuration.advertisementInterval) / 1_000_000)),
            ("master_adver_int", String(Double(router.masterAdvertisementInterval) / 1_000_000)),
            ("accept", entry.runtime.accept ? "1" : "0"),
            ("nopreempt", configuration.noPreempt ? "true" : "false"),
            ("preempt_delay", String(configuration.preemptDelay / 1_000_000)),
            ("state", String(router.state.rawValue)),
            ("wantstate", String(router.wantState.rawValue)),
            ("version", String(configuration.version.rawValue)),
            ("smtp_alert", entry.runtime.smtpAlert ? "true" : "false"),
            ("notify_deleted", "false"),
        ]
        if !entry.runtime.virtualAddresses.isEmpty {
            data.append(("vips", "[" + entry.runtime.virtualAddresses.map { quoted(address($0)) }.joined(separator: ",") + "]"))
        }
        if !entry.runtime.excludedAddresses.isEmpty {
            data.append(("evips", "[" + entry.runtime.excludedAddresses.map { quoted(address($0)) }.joined(separator: ",") + "]"))
        }
        data.append(("auth_type", String(entry.runtime.authenticationType.rawValue)))
        if entry.runtime.authenticationType != .none {
            let password = String(decoding: entry.runtime.authenticationKey.prefix { $0 != 0 }, as: UTF8.self)
            data.append(("auth_data", quoted(password)))
        }
        let s = router.statistics
        func drops(_ reason: DropReason) -> UInt64 { entry.drops[reason] ?? 0 }
        let stats: [(String, String)] = [
            ("advert_rcvd", String(s.advertisementsReceived)), ("advert_sent", String(s.advertisementsSent)),
            ("become_master", String(s.becomeMaster)), ("release_master", String(s.releaseMaster)),
            ("packet_len_err", String(drops(.packetLengthError))), ("advert_interval_err", "0"),
            ("ip_ttl_err", String(drops(.ttlError))), ("invalid_type_rcvd", String(drops(.invalidType))),
            ("addr_list_err", String(drops(.addressListError))), ("invalid_authtype", String(drops(.invalidAuthType))),
            ("authtype_mismatch", String(drops(.authTypeMismatch))), ("auth_failure", String(drops(.authFailure))),
            ("pri_zero_rcvd", String(s.priorityZeroReceived)), ("pri_zero_sent", String(s.priorityZeroSent)),
        ]
        return "{\"data\":" + members(data) + ",\"stats\":" + members(stats) + "}"
    }

    private static func members(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// inet_ntop spelling for 4- or 16-byte addresses.
enum IPAddressText {
    static func format(_ bytes: [UInt8]) -> String {
        IPAddress(bytes: bytes)?.description ?? "?"
    }
}
