import Foundation
import KeepalivedTestSupport

/// Failover and trap latency, with `implementation` as the backup (router 1, priority 100, under
/// snmpd with snmptrapd) and the same implementation as the master (router 2, priority 150).
///
/// Router 1 runs `tcpdump -tt` (VRRP adverts and the UDP traps snmpd sends to snmptrapd on
/// loopback) and `ip -ts monitor address`, so every moment is a kernel or netlink time stamp on the
/// wall clock rather than a poll:
///   - link cut: the master's bridge port goes down; backup owns the VIP after the cut (RFC 5798:
///     within [Master_Down_Interval - Advertisement_Interval, Master_Down_Interval]);
///   - SIGTERM: the master sends priority 0; backup owns the VIP after that advert (Skew_Time);
///   - trap latency: the trap reaching snmptrapd's port after the VIP appeared;
///   - master-down expiry (the master's last advert seen on the backup + Master_Down_Interval) to the
///     VIP installed and to the backup's first gratuitous ARP for it, per link cut.
/// After each takeover the master comes back (link restored, or restarted) and preempts.
struct FailoverBench {
    static let vip = "10.77.0.200"
    static let advertisementInterval = 1.0
    static func masterDownInterval(priority: Int) -> Double { 3 * advertisementInterval + skewTime(priority: priority) }
    static func skewTime(priority: Int) -> Double { Double(256 - priority) / 256 * advertisementInterval }

    var implementation: Implementation
    /// Seconds from the cut to the VIP on the backup, one per cut.
    var linkCut: [Double] = []
    /// Seconds from the priority-0 advert to the VIP on the backup, one per SIGTERM.
    var gracefulStop: [Double] = []
    /// Milliseconds from the VIP appearing to the trap at snmptrapd, one per takeover.
    var trapLatency: [Double] = []
    /// Milliseconds from the backup's first advert as master to the trap at snmptrapd.
    var trapAfterAdvert: [Double] = []
    /// Milliseconds from the backup's master-down expiry to the VIP on it, one per cut.
    var expiryToVIP: [Double] = []
    /// Milliseconds from the backup's master-down expiry to its first gratuitous ARP for the VIP, one per cut.
    var expiryToGARP: [Double] = []
    var problems: [String] = []

    static func config(priority: Int, snmpSocket: String?) -> String {
        var text = "global_defs {\n  router_id r\(priority)\n"
        if let snmpSocket { text += "  enable_snmp_vrrp\n  enable_traps\n  snmp_socket unix:\(snmpSocket)\n" }
        text += """
            }
            vrrp_instance VI_1 {
              interface eth0
              state BACKUP
              virtual_router_id 51
              priority \(priority)
              advert_int 1
              authentication {
                auth_type PASS
                auth_pass bench
              }
              virtual_ipaddress {
                \(vip)/24
              }
            }

            """
        return text
    }

    static func holds(_ router: LabNamespace) -> Bool {
        ((try? router.addresses(of: "eth0")) ?? []).contains { $0.address == vip }
    }

    static func run(_ implementation: Implementation, cuts: Int, stops: Int) throws -> FailoverBench {
        try Lab.withLab(routers: 2) { lab in
            var result = FailoverBench(implementation: implementation)
            let (backup, master) = (lab.router(1), lab.router(2))
            let station = try SNMPStation(backup, directory: lab.directory + "/snmp")
            let snmpd = try station.startAgent()
            let trapd = try station.startTrapReceiver()
            let capture = try backup.start(
                ["tcpdump", "-i", "any", "-n", "-tt", "-l", "proto 112 or arp or (udp and dst port \(SNMPStation.trapPort))"], name: "tcpdump")
            let monitor = try backup.start(["ip", "-ts", "monitor", "address"], name: "monitor")
            defer { _ = monitor.stop(); _ = capture.stop(); _ = trapd.stop(); _ = snmpd.stop() }
            guard station.waitUntilListening(), capture.waitForOutput(containing: "listening on", timeout: .seconds(10)) else {
                throw LabError.timeout("tcpdump did not start: \(capture.output)")
            }

            let ours = try backup.startKeepalived(implementation.binary, label: "backup",
                                                  config: config(priority: 100, snmpSocket: station.agentXSocket))
            let masterConfig = config(priority: 150, snmpSocket: nil)
            var peer = try master.startKeepalived(implementation.binary, label: "master", config: masterConfig)
            defer { _ = peer.stop(); _ = ours.stop() }
            func masterIsBack() -> Bool {
                SNMPStation.waitFor(atMost: masterDownInterval(priority: 150) + 8, interval: 0.05) {
                    holds(master) && !holds(backup)
                } != nil
            }
            guard masterIsBack(), SNMPStation.waitFor(atMost: 10, { station.answers("1.3.6.1.4.1.9586.100.5.2.3.1.4.1") }) != nil else {
                throw LabError.timeout("\(implementation): no master on router 2, or no SNMP on router 1:\n\(ours.output)\n\(peer.output)")
            }

            var cutTimes: [Double] = []
            for n in 0..<cuts {
                // Cut at a different phase of the advert cycle each time.
                usleep(UInt32((0.15 + 0.7 * Double(n) / Double(max(1, cuts - 1))) * 1_000_000))
                cutTimes.append(LabLogs.now())
                try lab.cutLink(router: 2)
                _ = SNMPStation.waitFor(atMost: masterDownInterval(priority: 100) + 3, interval: 0.05) { holds(backup) }
                usleep(300_000)
                try lab.restoreLink(router: 2)
                if !masterIsBack() { result.problems.append("after cut \(n + 1) the master did not come back") }
            }
            var stopTimes: [Double] = []
            for n in 0..<stops {
                usleep(UInt32((0.2 + 0.5 * Double(n) / Double(max(1, stops - 1))) * 1_000_000))
                stopTimes.append(LabLogs.now())
                peer.send(SIGTERM)
                _ = SNMPStation.waitFor(atMost: 5, interval: 0.05) { holds(backup) }
                if !peer.waitForExit(timeout: .seconds(10)) { result.problems.append("the master did not exit after SIGTERM \(n + 1)") }
                usleep(300_000)
                peer = try master.startKeepalived(implementation.binary, label: "master", config: masterConfig)
                if !masterIsBack() { result.problems.append("after SIGTERM \(n + 1) the restarted master did not take over") }
            }
            usleep(300_000)
            result.measure(cutTimes: cutTimes, stopTimes: stopTimes, monitor: monitor.output, capture: capture.output)
            return result
        }
    }

    /// Reads the time stamps back and pairs each cut or stop with the takeover and trap after it.
    mutating func measure(cutTimes: [Double], stopTimes: [Double], monitor: String, capture: String) {
        let vipAdded = LabLogs.additions(of: Self.vip + "/", in: monitor)
        let packets = LabLogs.packets(capture)
        let traps = packets.filter { $0.line.contains("> 127.0.0.1.\(SNMPStation.trapPort):") }.map(\.time)
        let backupAdverts = packets.filter { $0.line.contains("IP \(Lab.ipv4(router: 1)) > 224.0.0.18") }.map(\.time)
        let masterAdverts = packets.filter { $0.line.contains("IP \(Lab.ipv4(router: 2)) > 224.0.0.18") && $0.line.contains("prio 150,") }.map(\.time)
        let garps = packets.filter {
            $0.line.contains(" Out ARP, ") && ($0.line.contains("tell \(Self.vip),") || $0.line.contains("Reply \(Self.vip) is-at"))
        }.map(\.time)
        let priorityZero = packets.filter {
            $0.line.contains("IP \(Lab.ipv4(router: 2)) > 224.0.0.18") && $0.line.contains("prio 0,")
        }.map(\.time)

        func takeover(after start: Double, _ what: String) -> Double? {
            guard let taken = LabLogs.first(vipAdded, after: start) else {
                problems.append("no VIP on the backup after the \(what)")
                return nil
            }
            if let trap = LabLogs.first(traps, after: taken - 0.1), trap - taken < 1 {
                trapLatency.append((trap - taken) * 1000)
                if let advert = LabLogs.first(backupAdverts, after: start), advert - taken < 1 { trapAfterAdvert.append((trap - advert) * 1000) }
            } else {
                problems.append("no trap within 1 s of the takeover after the \(what)")
            }
            return taken
        }
        for (n, cut) in cutTimes.enumerated() {
            guard let taken = takeover(after: cut, "link cut \(n + 1)") else { continue }
            linkCut.append(taken - cut)
            // The backup's down timer restarts with each advert from the master; the last one before the cut sets the expiry.
            guard let last = masterAdverts.last(where: { $0 < taken }), last > cut - 2 * Self.advertisementInterval else {
                problems.append("no advert from the master just before link cut \(n + 1)")
                continue
            }
            let expiry = last + Self.masterDownInterval(priority: 100)
            expiryToVIP.append((taken - expiry) * 1000)
            if let garp = LabLogs.first(garps, after: last), garp - expiry < 1 {
                expiryToGARP.append((garp - expiry) * 1000)
            } else {
                problems.append("no gratuitous ARP for the VIP within 1 s of the expiry after link cut \(n + 1)")
            }
        }
        for (n, stop) in stopTimes.enumerated() {
            guard let zero = LabLogs.first(priorityZero, after: stop) else {
                problems.append("no priority-0 advert after SIGTERM \(n + 1)")
                continue
            }
            if let taken = takeover(after: zero, "SIGTERM \(n + 1)") { gracefulStop.append(taken - zero) }
        }
    }
}
