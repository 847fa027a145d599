// Demo step: a tracked service fails on the master and the VIP moves; it recovers and moves back.
import Foundation
import KeepalivedTestSupport

/// Both routers run ours. Router 2 (priority 150) tracks a "service" with a vrrp_script of weight
/// -100 (`test -e` on a flag file); removing the flag drops it to 50, so router 1 (100) preempts.
struct TrackedServiceStep: DemoStep {
    var title: String { "Tracking: a vrrp_script fails on the master (ours, weight -100) and the VIP moves" }

    func run(_ context: DemoContext) throws -> [String] {
        let lab = context.lab
        let (r1, r2) = (lab.router(1), lab.router(2))
        let flag = lab.directory + "/service-up"
        _ = FileManager.default.createFile(atPath: flag, contents: Data())
        let vip = "10.77.0.201"
        func config(_ priority: Int, tracked: Bool) -> String {
            let script = tracked ? "vrrp_script chk_service {\n    script \"/usr/bin/test -e \(flag)\"\n    interval 1\n    weight -100\n}\n" : ""
            let track = tracked ? "    track_script {\n        chk_service\n    }\n" : ""
            return script + """
                vrrp_instance VI_2 {
                    interface eth0
                    state BACKUP
                    virtual_router_id 52
                    priority \(priority)
                    advert_int 1
                \(track)    virtual_ipaddress {
                        \(vip)/24
                    }
                }

                """
        }
        try r1.installFile("/etc/keepalived/tracked.conf", contents: config(100, tracked: false))
        try r2.installFile("/etc/keepalived/tracked.conf", contents: config(150, tracked: true))
        func start(_ router: LabNamespace, _ name: String) throws -> LabProcess {
            let pids = lab.directory + "/" + router.name + "-" + name
            return try router.start(
                [context.paths.ourKeepalived, "-n", "-l", "-G", "-P", "-f", "/etc/keepalived/tracked.conf",
                 "-p", pids + ".pid", "-r", pids + "-vrrp.pid"], name: name)
        }
        let clock = ContinuousClock()
        func holds(_ router: LabNamespace) -> Bool { ((try? router.addresses()) ?? []).contains { $0.address == vip } }
        func wait(for router: LabNamespace, within seconds: Int) -> String? {
            let start = clock.now
            while clock.now - start < .seconds(seconds) {
                if holds(router) {
                    let d = clock.now - start
                    return String(format: "%.2f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return nil
        }
        var problems: [String] = []
        _ = try start(r1, "tracked-backup")
        let tracked = try start(r2, "tracked-master")
        if let took = wait(for: r2, within: 7) {
            context.say("  service up: router 2 (priority 150) is master after \(took)")
        } else {
            problems.append("router 2 never became master")
        }
        try FileManager.default.removeItem(atPath: flag)
        context.say("  service stops (flag removed): the script fails, router 2's priority drops to 50")
        if let took = wait(for: r1, within: 8) {
            context.say("  router 1 (priority 100) preempts after \(took)")
        } else {
            problems.append("router 1 did not take over when the service failed")
        }
        _ = FileManager.default.createFile(atPath: flag, contents: Data())
        context.say("  service back: router 2 returns to 150 and preempts")
        if let took = wait(for: r2, within: 8) {
            context.say("  router 2 master again after \(took)")
        } else {
            problems.append("router 2 did not take the VIP back")
        }
        context.say("  router 2 logged:")
        for line in tracked.output.split(separator: "\n") where line.contains("VRRP_Script") || line.contains("priority") || line.contains("STATE") {
            context.say("    \(line)")
        }
        return problems
    }
}
