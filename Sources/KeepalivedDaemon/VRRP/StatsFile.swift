import VRRPCore

/// keepalived's `keepalived.stats` (SIGUSR2, and SIGRTMAX-1 which also clears), written line for
/// line in keepalived 2.2.7's layout so existing exporters read it unchanged.
enum StatsFile {
    struct Entry {
        var name: String
        var statistics: VirtualRouter.Statistics
        var drops: [DropReason: UInt64]
    }

    static func render(_ entries: [Entry]) -> String {
        var text = ""
        for entry in entries {
            let s = entry.statistics
            func drops(_ reason: DropReason) -> UInt64 { entry.drops[reason] ?? 0 }
            text += "VRRP Instance: \(entry.name)\n"
            text += "  Advertisements:\n"
            text += "    Received: \(s.advertisementsReceived)\n"
            text += "    Sent: \(s.advertisementsSent)\n"
            text += "  Became master: \(s.becomeMaster)\n"
            text += "  Released master: \(s.releaseMaster)\n"
            text += "  Packet Errors:\n"
            text += "    Length: \(drops(.packetLengthError))\n"
            text += "    TTL: \(drops(.ttlError))\n"
            text += "    Invalid Type: \(drops(.invalidType))\n"
            // keepalived 2.2.7 never increments advert_interval_err (a v2 mismatch is dropped uncounted).
            text += "    Advertisement Interval: 0\n"
            text += "    Address List: \(drops(.addressListError))\n"
            text += "  Authentication Errors:\n"
            text += "    Invalid Type: \(drops(.invalidAuthType))\n"
            text += "    Type Mismatch: \(drops(.authTypeMismatch))\n"
            text += "    Failure: \(drops(.authFailure))\n"
            text += "  Priority Zero:\n"
            text += "    Received: \(s.priorityZeroReceived)\n"
            text += "    Sent: \(s.priorityZeroSent)\n"
        }
        return text
    }
}
