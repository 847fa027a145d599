import Glibc
import NetworkTypes
import VRRPCore

/// keepalived's data dump (SIGUSR1, `$TMPDIR/keepalived.data`): the VRRP topology, sync groups and
/// scripts with keepalived 2.2.7's section headings, keys and value formats, which exporters such as
/// keepalived-exporter parse. The global-definitions section carries the keys that identify the router;
/// keepalived's per-interface section is left out.
enum DataDump {
    struct Instance {
        var runtime: VRRPInstanceRuntime
        var router: VirtualRouter
        var group: String?
        var interfaceIndex: UInt32
        var source: [UInt8]
        var descriptor: Int32
        /// Wall-clock seconds of the last state change.
        var lastTransition: Double
    }

    struct Script {
        var runtime: TrackScriptRuntime
        var tracker: TrackerState?
        var running: Bool
        /// Instances tracking it, with their weights.
        var trackers: [(name: String, weight: Int)]
    }

    struct Group {
        var name: String
        var state: VRRPState
        var members: [String]
        var smtpAlert = false
    }

    /// `now`: the monotonic clock and the wall clock at the same moment, to print timer deadlines.
    static func render(routerID: String, instances: [Instance], groups: [Group], scripts: [Script],
                       now: (monotonic: Instant, wall: Double)) -> String {
        var lines = ["------< Global definitions >------", " Network namespace = (default)", " Network namespace ipvs = (main namespace)",
                     " Router ID = \(routerID)"]
        lines.append("------< VRRP Topology >------")
        for instance in instances { lines += topology(instance, now: now) }
        if !groups.isEmpty {
            lines.append("------< VRRP Sync groups >------")
            for group in groups {
                lines.append(" VRRP Sync Group = \(group.name), \(group.state)")
                lines.append("   Num member fault 0, num member init 0")
                lines.append("   VRRP member instances :")
                lines += group.members.map { "     \($0)" }
                lines.append("   Using smtp notification = \(group.smtpAlert ? "yes" : "no")")
            }
        }
        if !scripts.isEmpty {
            lines.append("------< VRRP Scripts >------")
            for script in scripts { lines += scriptLines(script) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func topology(_ instance: Instance, now: (monotonic: Instant, wall: Double)) -> [String] {
        let configuration = instance.runtime.router
        let router = instance.router
        let v3 = configuration.version == .v3
        var lines = [" VRRP Instance = \(configuration.name)", "   VRRP Version = \(configuration.version.rawValue)"]
        if configuration.family == .ipv6 { lines.append("   Using Native IPv6") }
        if let group = instance.group { lines.append("   Sync group = \(group)") }
        lines += [
            "   State = \(router.state)", "   Flags: none", "   Wantstate = \(router.wantState)",
            "   Number of config faults = 0", "   Number of interface and track script faults = 0", "   Number of track scripts init = 0",
            "   Last transition = \(timestamp(instance.lastTransition))",
        ]
        if let deadline = router.deadline {
            let wall = now.wall + (Double(deadline.microseconds) - Double(now.monotonic.microseconds)) / 1e6
            lines.append("   Read timeout = \(timestamp(wall))")
        }
        lines += [
            "   Master down timer = \(router.masterDownInterval) usecs",
            "   Interface = \(instance.runtime.interfaceName)",
        ]
        if instance.runtime.strictMode { lines.append("   Enforcing strict VRRP compliance") }
        lines.append("   Using src_ip = \(text(instance.source))")
        if instance.runtime.unicastPeers.isEmpty {
            lines.append(configuration.family == .ipv6 ? "   Multicast address ff02::12, ifindex \(instance.interfaceIndex)"
                                                      : "   Multicast address 224.0.0.18")
        } else {
            lines.append("   Unicast Peers :")
            lines += instance.runtime.unicastPeers.map { "     \(text($0))" }
        }
        let garpDelay = configuration.garpMasterDelay / 1_000_000
        lines += [
            "   Gratuitous ARP delay = \(garpDelay)", "   Gratuitous ARP repeat = \(configuration.garpMasterRepeat)",
            "   Gratuitous ARP refresh = \(instance.runtime.garpRefresh / 1_000_000)",
            "   Gratuitous ARP refresh repeat = \(instance.runtime.garpRefreshRepeat)",
            "   Gratuitous ARP lower priority delay = \(instance.runtime.router.garpLowerPriorityDelay / 1_000_000)",
            "   Gratuitous ARP lower priority repeat = \(instance.runtime.router.garpLowerPriorityRepeat)",
            "   Down timer adverts = \(configuration.downTimerAdverts)",
            "   Send advert after receive lower priority advert = \(!configuration.lowerPriorityNoAdvert)",
            "   Send advert after receive higher priority advert = \(configuration.higherPrioritySendAdvert)",
            "   Virtual Router ID = \(configuration.vrid.rawValue)",
            "   Priority = \(configuration.basePriority.rawValue)",
            "   Effective priority = \(router.effectivePriority.rawValue)",
            "   Total priority = \(router.effectivePriority.rawValue)",
            v3 ? "   Advert interval = \(configuration.advertisementInterval / 1000) milli-sec"
               : "   Advert interval = \(configuration.advertisementInterval / 1_000_000) sec",
            "   Accept = \(instance.runtime.accept ? "enabled" : "disabled")",
            "   Preempt = \(configuration.noPreempt ? "disabled" : "enabled")",
        ]
        if configuration.preemptDelay > 0 { lines.append("   Preempt delay = \(Double(configuration.preemptDelay) / 1e6) secs") }
        lines.append("   Promote_secondaries = disabled")
        if !v3 {
            switch instance.runtime.authenticationType {
            case .none: lines.append("   Authentication type = none")
            case .simplePassword:
                lines.append("   Authentication type = SIMPLE_PASSWORD")
                lines.append("   Password = \(String(decoding: instance.runtime.authenticationPassword.prefix { $0 != 0 }, as: UTF8.self))")
            case .ipsecAH:
                lines.append("   Authentication type = IPSEC_AH")
                lines.append("   Password = \(String(decoding: instance.runtime.authenticationPassword.prefix { $0 != 0 }, as: UTF8.self))")
            }
        }
        let dropped = router.addressesInstalled && instance.runtime.firewallDrop
        let vips = instance.runtime.virtualAddresses
        if !vips.isEmpty {
            lines.append("   Virtual IP (\(vips.count)):")
            lines += vips.map { "     " + address($0, interface: instance.runtime.interfaceName, set: router.addressesInstalled, dropped: dropped) }
        }
        let excluded = instance.runtime.excludedAddresses
        if !excluded.isEmpty {
            lines.append("   Virtual IP Excluded (\(excluded.count)):")
            lines += excluded.map { "     " + address($0, interface: instance.runtime.interfaceName, set: router.addressesInstalled, dropped: dropped) }
        }
        lines.append("   fd_in \(instance.descriptor), fd_out \(instance.descriptor)")
        let scripts = instance.runtime.trackers.compactMap { binding -> String? in
            guard case let .script(name) = binding.tracker else { return nil }
            return "     \(name) weight \(binding.weight)\(binding.reverse ? " reverse" : "")"
        }
        if !scripts.isEmpty { lines += ["   Tracked scripts :"] + scripts }
        lines += [
            "   Using smtp notification = \(instance.runtime.smtpAlert ? "yes" : "no")",
            "   Notify deleted = \(instance.runtime.notifyDeleted ? "Deleted" : "Fault")",
            "   Notify priority changes = \(instance.runtime.notifyPriorityChanges)",
        ]
        return lines
    }

    private static func scriptLines(_ script: Script) -> [String] {
        let runtime = script.runtime
        let result = script.tracker?.result ?? 0
        let initState = script.tracker?.status == .pending ? (runtime.initFail ? "INIT/FAILED" : "INIT") : "unknown"
        var lines = [
            " VRRP Script = \(runtime.name)",
            "   Command = " + ScriptText.keepalived(runtime.command.arguments),
            "   Interval = \(runtime.interval / 1_000_000) sec",
            "   Timeout = \(runtime.timeout / 1_000_000) sec",
            "   Weight = \(script.trackers.first?.weight ?? 0)",
            "   Rise = \(runtime.rise)", "   Fall = \(runtime.fall)",
            "   Result = \(result)",
            "   Insecure = no",
            "   Init state = \(initState)",
            "   Status = \(result >= runtime.rise ? "GOOD" : "BAD")",
        ]
        if let uid = runtime.command.uid, let gid = runtime.command.gid { lines.append("   Script uid:gid = \(uid):\(gid)") }
        lines += ["   VRRP instances :", "   Tracking instances :"]
        lines += script.trackers.map { "     \($0.name), weight \($0.weight)" }
        lines.append("   State = \(script.running ? "running" : "idle")")
        return lines
    }

    /// `10.77.0.200/24 dev eth0 scope global set` (a host route's prefix is left out, as keepalived does).
    /// `set`: installed; `dropped`: in the firewall's drop set (keepalived's nftable_set).
    static func address(_ vip: VRRPInstanceRuntime.VirtualAddress, interface: String, set: Bool, dropped: Bool = false) -> String {
        let host = vip.address.count == 4 ? 32 : 128
        var text = text(vip.address) + (Int(vip.prefixLength) == host ? "" : "/\(vip.prefixLength)") + " dev \(interface) scope global"
        if vip.address.count == 16 { text += " preferred_lft forever" }
        if set { text += " set" }
        return dropped ? text + " nftable_set" : text
    }

    static func text(_ bytes: [UInt8]) -> String { IPAddress(bytes: bytes)?.description ?? "?" }

    /// `1795599229.357111 (Wed Nov 25 09:33:49.357111 2026)`, keepalived's timestamp format.
    static func timestamp(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        let micros = Int((seconds - Double(whole)) * 1e6)
        var parts = tm()
        localtime_r(&whole, &parts)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a %b %e %H:%M:%S", &parts)
        var yearBuffer = [UInt8](repeating: 0, count: 8)
        let yearCount = strftime(&yearBuffer, yearBuffer.count, "%Y", &parts)
        let fraction = String(micros).leftPadded(to: 6)
        return "\(whole).\(fraction) (\(String(decoding: buffer.prefix(count), as: UTF8.self)).\(fraction) \(String(decoding: yearBuffer.prefix(yearCount), as: UTF8.self)))"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
