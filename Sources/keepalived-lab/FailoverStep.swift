// Demo step: VRRP failover in the lab, ours and Debian's keepalived 2.2.7 in one virtual router.
import Foundation
import KeepalivedTestSupport

/// Router 1 runs Debian's keepalived 2.2.7 at priority 100, router 2 ours at priority 150, both
/// with the same vrrp_instance. Shows the election, the client reaching the VIP, a graceful
/// handover on SIGTERM, and ours taking the VIP back when it returns (preemption).
struct FailoverStep: DemoStep {
    var title: String { "VRRP failover: keepalived 2.2.7 (router 1, priority 100) and ours (router 2, priority 150)" }

    static let vip = "10.77.0.200"

    static func config(priority: Int) -> String {
        """
        vrrp_instance VI_1 {
            interface eth0
            state BACKUP
            virtual_router_id 51
            priority \(priority)
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass demo
            }
            virtual_ipaddress {
                \(vip)/24
            }
        }

        """
    }

    func run(_ context: DemoContext) throws -> [String] {
        guard let reference = context.paths.referenceKeepalived else { return ["Debian's keepalived is not installed"] }
        let lab = context.lab
        let (r1, r2) = (lab.router(1), lab.router(2))
        try r1.installFile("/etc/keepalived/failover.conf", contents: FailoverStep.config(priority: 100))
        try r2.installFile("/etc/keepalived/failover.conf", contents: FailoverStep.config(priority: 150))
        func start(_ binary: String, in router: LabNamespace, _ name: String) throws -> LabProcess {
            let pids = lab.directory + "/" + router.name + "-" + name
            return try router.start(
                [binary, "-n", "-l", "-G", "-P", "-f", "/etc/keepalived/failover.conf", "-p", pids + ".pid", "-r", pids + "-vrrp.pid"],
                name: name)
        }
        var problems: [String] = []
        let clock = ContinuousClock()
        var began = clock.now
        func seconds() -> String {
            let d = clock.now - began
            return String(format: "%.2f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        func holder() -> String {
            [(r1, "router 1 (keepalived 2.2.7)"), (r2, "router 2 (ours)")]
                .filter { router, _ in ((try? router.addresses()) ?? []).contains { $0.address == FailoverStep.vip } }
                .map(\.1).joined(separator: " and ").nonEmpty ?? "nobody"
        }
        func waitFor(_ expected: LabNamespace, within limit: Duration) -> Bool {
            let deadline = clock.now + limit
            while clock.now < deadline {
                if ((try? expected.addresses()) ?? []).contains(where: { $0.address == FailoverStep.vip }) { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        _ = try start(reference, in: r1, "keepalived-2.2.7")
        var ours = try start(context.paths.ourKeepalived, in: r2, "ours")
        context.say("  Both started as BACKUP; the higher priority (ours) should win after Master_Down_Interval (3.4 s).")
        if waitFor(r2, within: .seconds(6)) {
            context.say("  after \(seconds()): VIP \(FailoverStep.vip) on \(holder())")
        } else {
            problems.append("ours never became master: \(holder()) holds the VIP")
        }
        let reached = try lab.client.ping(FailoverStep.vip)
        context.say("  client pings \(FailoverStep.vip): \(reached ? "answers" : "NO ANSWER")")
        if !reached { problems.append("the client cannot reach the VIP") }

        context.say("  SIGTERM to ours: it sends priority 0 and releases the VIP; keepalived takes over after Skew_Time.")
        began = clock.now
        ours.send(SIGTERM)
        if waitFor(r1, within: .seconds(3)) {
            context.say("  after \(seconds()): VIP on \(holder())")
        } else {
            problems.append("keepalived 2.2.7 did not take over: \(holder())")
        }
        _ = ours.waitForExit(timeout: .seconds(5))
        context.say("  ours logged:")
        for line in ours.output.split(separator: "\n") where line.contains("STATE") || line.contains("Stop") {
            context.say("    \(line)")
        }

        context.say("  Ours starts again: it preempts the lower-priority master.")
        began = clock.now
        ours = try start(context.paths.ourKeepalived, in: r2, "ours-again")
        if waitFor(r2, within: .seconds(6)) {
            context.say("  after \(seconds()): VIP on \(holder())")
        } else {
            problems.append("ours did not preempt: \(holder())")
        }
        let after = try lab.client.ping(FailoverStep.vip)
        context.say("  client pings \(FailoverStep.vip): \(after ? "answers" : "NO ANSWER")")
        if !after { problems.append("the client cannot reach the VIP after preemption") }
        return problems
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
