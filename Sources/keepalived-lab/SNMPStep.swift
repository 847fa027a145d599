// Demo step: snmpd as the AgentX master on router 2, an snmpwalk before and after a failover, the traps.
import Foundation
import KeepalivedTestSupport

/// Router 1 (priority 150) and router 2 (100) run ours; router 2 also runs snmpd and snmptrapd and
/// serves the MIBs. The walk shows router 2 as BACKUP; router 1 stops, router 2 takes over, and the
/// walk and the traps show it.
struct SNMPStep: DemoStep {
    var title: String { "SNMP: snmpwalk of KEEPALIVED-MIB and the traps of a failover (snmpd as AgentX master)" }

    func run(_ context: DemoContext) throws -> [String] {
        let lab = context.lab
        let (r1, r2) = (lab.router(1), lab.router(2))
        let directory = lab.directory + "/snmp-demo"
        let station = try SNMPStation(r2, directory: directory)
        let socket = station.agentXSocket, traps = station.trapLog
        let snmpd = try station.startAgent()
        let trapd = try station.startTrapReceiver()
        defer { _ = trapd.stop(); _ = snmpd.stop() }
        let vip = "10.77.0.202"
        // A Unix socket path is reachable from every namespace: router 1 gets one no snmpd listens on.
        func config(_ priority: Int) -> String {
            """
            global_defs {
                router_id router\(priority == 150 ? 1 : 2)
                enable_snmp_vrrp
                enable_snmp_rfc
                enable_traps
                snmp_socket unix:\(priority == 100 ? socket : directory + "/no-agent-on-router-1.sock")
            }
            vrrp_instance VI_3 {
                interface eth0
                state BACKUP
                virtual_router_id 53
                priority \(priority)
                advert_int 1
                virtual_ipaddress {
                    \(vip)/24
                }
            }

            """
        }
        func start(_ router: LabNamespace, _ priority: Int) throws -> LabProcess {
            try router.installFile("/etc/keepalived/snmp.conf", contents: config(priority))
            let pids = lab.directory + "/" + router.name + "-snmp"
            return try router.start([context.paths.ourKeepalived, "-n", "-l", "-G", "-P", "-f", "/etc/keepalived/snmp.conf",
                                     "-p", pids + ".pid", "-r", pids + "-vrrp.pid"], name: "keepalived-snmp")
        }
        func walk() -> [String] {
            let columns = [("name", 2), ("state", 4), ("wanted", 6), ("base prio", 7), ("effective", 8)]
            var lines: [String] = []
            for (label, column) in columns {
                let output = (try? r2.run(["snmpwalk", "-v2c", "-c", "public", "-On", "-m", "", "127.0.0.1:16161",
                                           ".1.3.6.1.4.1.9586.100.5.2.3.1.\(column)"]).standardOutput) ?? ""
                for line in output.split(separator: "\n") { lines.append("    \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(line)") }
            }
            return lines
        }
        func holds(_ router: LabNamespace) -> Bool { ((try? router.addresses()) ?? []).contains { $0.address == vip } }
        func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return condition()
        }
        var problems: [String] = []
        let master = try start(r1, 150)
        _ = try start(r2, 100)
        if !waitUntil(6, { holds(r1) }) { problems.append("router 1 never became master") }
        _ = waitUntil(3) { walk().contains { $0.contains("state") && $0.hasSuffix("INTEGER: 1") } }
        context.say("  snmpwalk on router 2 (KEEPALIVED-MIB vrrpInstanceTable; state 1 = backup, 2 = master):")
        let before = walk()
        for line in before { context.say(line) }
        if !before.contains(where: { $0.contains("state") && $0.hasSuffix("INTEGER: 1") }) { problems.append("the walk did not show router 2 as backup") }
        context.say("  router 1 stops (SIGTERM: priority-0 advert); router 2 takes over")
        master.send(SIGTERM)
        _ = master.waitForExit(timeout: .seconds(5))
        if !waitUntil(3, { holds(r2) }) { problems.append("router 2 did not take over") }
        _ = waitUntil(2) { walk().contains { $0.contains("state") && $0.hasSuffix("INTEGER: 2") } }
        let after = walk()
        context.say("  snmpwalk again:")
        for line in after { context.say(line) }
        if !after.contains(where: { $0.contains("state") && $0.hasSuffix("INTEGER: 2") }) { problems.append("the walk did not show router 2 as master") }
        Thread.sleep(forTimeInterval: 0.5)
        let received = ((try? String(contentsOfFile: traps, encoding: .utf8)) ?? "").split(separator: "\n")
            .filter { $0.contains("9586.100.5.2.10") || $0.contains(".1.3.6.1.2.1.68.0") || $0.contains(".1.3.6.1.2.1.207.0") }
        context.say("  traps at snmptrapd (snmpTrapOID, then the varbinds):")
        for trap in received {
            context.say("    " + trap.split(separator: "\t").dropFirst().joined(separator: "  "))
        }
        if !received.contains(where: { $0.contains("5.2.10.0.2") && $0.contains("INTEGER: 2") }) {
            problems.append("no vrrpInstanceStateChange trap for MASTER arrived")
        }
        return problems
    }
}
