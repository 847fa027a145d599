import Foundation
import KeepalivedTestSupport
import Testing

/// global_defs process settings, each against keepalived 2.2.7 in the same lab: the VRRP
/// process's name and scheduling (our VRRP thread's), startup and shutdown scripts around VRRP,
/// vrrp_startup_delay and umask.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct ProcessSettingsTests {
    typealias F = VRRPFixtures

    /// The pid the VRRP pidfile holds: keepalived's VRRP child, or our daemon.
    static func vrrpPid(_ implementation: F.Implementation, router: LabNamespace) -> String? {
        let pidFile = router.logDirectory + "/\(router.name)-\(implementation)-vrrp.pid"
        return (try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `ps` columns of the task named `comm` in the process the VRRP pidfile names: keepalived's
    /// VRRP child, or a thread of our daemon.
    static func task(_ implementation: F.Implementation, router: LabNamespace, comm: String = "keepalived_vrrp") -> String? {
        guard let pid = vrrpPid(implementation, router: router),
              let result = try? CommandRunner.run(["ps", "-L", "-o", "cls=,rtprio=,ni=,comm=", "-p", pid]) else { return nil }
        return result.standardOutput.split(separator: "\n")
            .map { $0.split(separator: " ").joined(separator: " ") }
            .first { $0.hasSuffix(" " + comm) }
    }

    /// Starts `implementation` with `global` in global_defs, waits for mastership, runs `inspect`.
    static func withMaster<T>(_ implementation: F.Implementation, global: String, directory: ((Lab) -> String)? = nil,
                              _ inspect: (Lab, LabProcess) throws -> T) throws -> T {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let config = "global_defs {\n\(global)\n}\n" + F.config(priority: 150)
            let daemon = try F.start(implementation, in: router, config: config, temporaryDirectory: directory?(lab))
            defer { _ = daemon.stop() }
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil, "\(daemon.output)")
            return try inspect(lab, daemon)
        }
    }

    @Test(arguments: [("vrrp_rt_priority 20", "RR 20 - keepalived_vrrp"), ("vrrp_priority -5", "TS - -5 keepalived_vrrp")])
    func theVRRPTaskIsNamedAndScheduledAsKeepalivedsVRRPProcess(setting: String, expected: String) throws {
        F.checkPrerequisites()
        let global = "  process_names\n  \(setting)\n  vrrp_no_swap"
        for implementation in [F.Implementation.debian, .ours] {
            let task = try Self.withMaster(implementation, global: global) { lab, _ in Self.task(implementation, router: lab.router(1)) }
            #expect(task == expected, "\(implementation): \(task ?? "no keepalived_vrrp task")")
        }
    }

    /// max_auto_priority: the VRRP task stopped for 2.5 s finds its timers late, logs it and moves to
    /// SCHED_RR priority 1.
    @Test func lateTimersRaiseTheVRRPTaskToRealTimeAsUnderKeepalived() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            try Self.withMaster(implementation, global: "  process_names\n  max_auto_priority 5") { lab, daemon in
                let router = lab.router(1)
                #expect(Self.task(implementation, router: router) == "TS - 0 keepalived_vrrp")
                let pid = try #require(Self.vrrpPid(implementation, router: router).flatMap { Int32($0) })
                kill(pid, SIGSTOP)
                usleep(2_500_000)
                kill(pid, SIGCONT)
                #expect(daemon.waitForOutput(containing: "Set realtime priority 1", timeout: .seconds(5)), "\(implementation): \(daemon.output)")
                #expect(daemon.output.contains("A thread timer expired "), "\(implementation): \(daemon.output)")
                #expect(Self.task(implementation, router: router) == "RR 1 - keepalived_vrrp", "\(implementation)")
            }
        }
    }

    /// Cpus_allowed_list of the keepalived_vrrp task.
    static func allowedCPUs(_ implementation: F.Implementation, router: LabNamespace) -> String? {
        guard let pid = vrrpPid(implementation, router: router),
              let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        for tid in tasks {
            let base = "/proc/\(pid)/task/\(tid)/"
            guard (try? String(contentsOfFile: base + "comm", encoding: .utf8))?.hasPrefix("keepalived_vrrp") == true,
                  let status = try? String(contentsOfFile: base + "status", encoding: .utf8) else { continue }
            return status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") }
                .map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        }
        return nil
    }

    @Test func vrrpCPUAffinityPinsTheVRRPTaskAsUnderKeepalived() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            let cpus = try Self.withMaster(implementation, global: "  process_names\n  vrrp_cpu_affinity 0") { lab, _ in
                Self.allowedCPUs(implementation, router: lab.router(1))
            }
            #expect(cpus == "0", "\(implementation)")
        }
    }

    @Test func aReloadReplacesTheVRRPTasksSchedulingAsUnderKeepalived() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            try Self.withMaster(implementation, global: "  process_names\n  vrrp_rt_priority 20") { lab, daemon in
                let router = lab.router(1)
                #expect(Self.task(implementation, router: router) == "RR 20 - keepalived_vrrp")
                let next = "global_defs {\n  process_names\n  vrrp_priority -3\n}\n" + F.config(priority: 150)
                try router.installFile("/etc/keepalived/keepalived-\(implementation).conf", contents: next)
                daemon.send(SIGHUP)
                let expected = "TS - -3 keepalived_vrrp"
                F.wait(atMost: 5) { Self.task(implementation, router: router) == expected }
                #expect(Self.task(implementation, router: router) == expected, "\(implementation): \(daemon.output)")
            }
        }
    }

    /// keepalived 2.2.7's checker cannot start without ip_vs, so only ours: its checker thread takes
    /// the checker_* settings and process_names' keepalived_lvs, the VRRP thread stays as it was.
    @Test func theCheckerThreadTakesTheCheckerSettings() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let global = "global_defs {\n  process_names\n  checker_rt_priority 15\n  checker_priority 3\n}\n"
            let server = "virtual_server \(F.vip4) 80 {\n  delay_loop 1\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n"
                + "  real_server \(Lab.ipv4(router: 1)) 80 {\n    TCP_CHECK {\n      connect_timeout 1\n    }\n  }\n}\n"
            let daemon = try F.start(.ours, in: router, config: global + F.config(priority: 150) + server)
            defer { _ = daemon.stop() }
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil, "\(daemon.output)")
            #expect(Self.task(.ours, router: router, comm: "keepalived_lvs") == "RR 15 - keepalived_lvs", "\(daemon.output)")
            #expect(Self.task(.ours, router: router) == "TS - 0 keepalived_vrrp")
        }
    }

    /// Records what the script saw: its name, arguments and whether eth0 held the virtual address.
    static func recorder(_ name: String, record: String, exit status: Int = 0) -> String {
        "#!/bin/sh\nif ip -4 addr show dev eth0 | grep -q \(F.vip4)/; then held=VIP; else held=none; fi\n"
            + "echo \"\(name) $* $held\" >> \(record)\nexit \(status)\n"
    }

    @Test func startupAndShutdownScriptsRunAroundVRRPAsUnderKeepalived() throws {
        F.checkPrerequisites()
        var records: [F.Implementation: [String]] = [:]
        for implementation in [F.Implementation.debian, .ours] {
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                let record = lab.directory + "/start-stop.log"
                try router.installFile("/etc/keepalived/start.sh", contents: Self.recorder("start", record: record, exit: 3), mode: 0o755)
                try router.installFile("/etc/keepalived/stop.sh", contents: Self.recorder("stop", record: record), mode: 0o755)
                let global = "global_defs {\n  startup_script \"/etc/keepalived/start.sh one two\"\n  shutdown_script /etc/keepalived/stop.sh\n}\n"
                let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150))
                #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil)
                daemon.send(SIGTERM)
                #expect(daemon.waitForExit(timeout: .seconds(8)))
                #expect(daemon.output.contains("startup script script failed, status 3"), "\(implementation): \(daemon.output)")
                records[implementation] = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            }
        }
        #expect(records[.debian] == ["start one two none", "stop  none"], "keepalived 2.2.7: \(records[.debian] ?? [])")
        #expect(records[.ours] == records[.debian], "ours: \(records[.ours] ?? [])")
    }

    @Test func aStartupScriptPastItsTimeoutIsTerminatedAndVRRPStarts() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                try router.installFile("/etc/keepalived/slow.sh", contents: "#!/bin/sh\nsleep 30\n", mode: 0o755)
                let global = "global_defs {\n  startup_script /etc/keepalived/slow.sh\n  startup_script_timeout 1\n}\n"
                let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150))
                defer { _ = daemon.stop() }
                #expect(F.waitUntil(router, holds: F.vip4, atMost: 1 + F.masterDownInterval(priority: 150) + 2 * F.slack) != nil,
                        "\(implementation): \(daemon.output)")
                #expect(daemon.output.contains("startup script timed out"), "\(implementation): \(daemon.output)")
            }
        }
    }

    @Test func aStopDuringTheStartupScriptStartsNothingAndRunsTheShutdownScript() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                let record = lab.directory + "/stop.log"
                try router.installFile("/etc/keepalived/slow.sh", contents: "#!/bin/sh\nsleep 4\n", mode: 0o755)
                try router.installFile("/etc/keepalived/stop.sh", contents: Self.recorder("stop", record: record), mode: 0o755)
                let global = "global_defs {\n  startup_script /etc/keepalived/slow.sh\n  shutdown_script /etc/keepalived/stop.sh\n}\n"
                let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 150), arguments: ["-D"])
                #expect(daemon.waitForOutput(containing: "Running startup script"), "\(implementation): \(daemon.output)")
                daemon.send(SIGTERM)
                #expect(daemon.waitForExit(timeout: .seconds(3)), "\(implementation) waited for the startup script")
                #expect(!daemon.output.contains("Entering BACKUP STATE"), "\(implementation): \(daemon.output)")
                #expect((try? String(contentsOfFile: record, encoding: .utf8)) == "stop  none\n", "\(implementation)")
            }
        }
    }

    @Test func vrrpStartupDelayHoldsOffMastershipAsUnderKeepalived() throws {
        F.checkPrerequisites()
        for implementation in [F.Implementation.debian, .ours] {
            try Lab.withLab(routers: 1) { lab in
                let router = lab.router(1)
                let config = "global_defs {\n  vrrp_startup_delay 2\n}\n" + F.config(priority: 150)
                let daemon = try F.start(implementation, in: router, config: config)
                defer { _ = daemon.stop() }
                let bound = 2 + F.masterDownInterval(priority: 150)
                let took = F.waitUntil(router, holds: F.vip4, atMost: bound + 2 * F.slack)
                #expect(took.map { $0 >= bound - 0.5 } == true, "\(implementation) became master after \(String(describing: took)) s")
                #expect(daemon.output.contains("Delaying startup for 2 seconds"), "\(implementation): \(daemon.output)")
            }
        }
    }

    @Test(arguments: [nil, "027"])
    func umaskGivesTheDataDumpKeepalivedsMode(umask: String?) throws {
        F.checkPrerequisites()
        var modes: [F.Implementation: Int] = [:]
        for implementation in [F.Implementation.debian, .ours] {
            modes[implementation] = try Self.withMaster(implementation, global: umask.map { "  umask \($0)" } ?? "",
                                                        directory: { $0.directory }) { lab, daemon in
                let path = lab.directory + "/keepalived.data"
                daemon.send(SIGUSR1)
                F.wait(atMost: 3) { FileManager.default.fileExists(atPath: path) }
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            }
        }
        #expect(modes[.debian] == (umask == nil ? 0o600 : 0o640), "keepalived 2.2.7: \(String(modes[.debian] ?? -1, radix: 8))")
        #expect(modes[.ours] == modes[.debian], "ours: \(String(modes[.ours] ?? -1, radix: 8))")
    }
}
