/// lvs_sync_daemon: which sync daemons run as the VRRP instance changes state (keepalived 2.2.7's
/// vrrp_init_state, ipvs_syncd_master/backup, vrrp_terminate_phase2, check_daemon.c).
import Glibc
import IPVSModel
import KeepalivedConfig
import KeepalivedTestSupport
import Testing
import VRRPCore
@testable import KeepalivedDaemon

@Suite struct LVSSyncDaemonPlanTests {
    func resolve(_ syncLine: String, runsChecker: Bool = true) -> (plan: LVSSyncDaemonPlan?, log: [String]) {
        let loaded = ConfigLoader.load(
            .init(configFile: "/k.conf", configID: "lab1", reportUnsupported: false),
            host: InMemoryHost(files: ["/k.conf": """
                global_defs {
                  \(syncLine)
                  lvs_timeouts tcp 7200 udp 60
                }
                vrrp_instance VI_1 {
                  interface lo
                  virtual_router_id 51
                  priority 100
                  virtual_ipaddress {
                    10.0.0.1/32
                  }
                }
                """]))
        return LVSSyncDaemonPlan.resolve(loaded.configuration, runsChecker: runsChecker)
    }

    func render(_ steps: [LVSSyncDaemonPlan.Step]) -> [String] {
        steps.map { "\($0.command) \($0.state)\($0.quiet ? " quiet" : "")" }
    }

    /// The steps with the port each one names.
    func renderWithPort(_ steps: [LVSSyncDaemonPlan.Step]) -> [String] {
        zip(render(steps), steps).map { "\($0) \($1.daemon.port.map(String.init) ?? "-")" }
    }

    @Test func followsTheInstance() throws {
        var plan = try #require(resolve("lvs_sync_daemon lo VI_1 maxlen 1400 port 8848 ttl 2 group 224.0.0.81").plan)
        #expect(plan.daemon == IPVSSyncDaemon(state: .backup, interface: "lo", syncID: 51, maxLength: 1400, port: 8848, ttl: 2,
                                              group: IPAddress("224.0.0.81")!))
        #expect(render(plan.started()) == ["start backup"])
        #expect(render(plan.transition(instance: "VI_2", to: .master)).isEmpty)
        #expect(render(plan.transition(instance: "VI_1", to: .backup)).isEmpty)
        #expect(render(plan.transition(instance: "VI_1", to: .master)) == ["stop backup", "start master"])
        #expect(render(plan.transition(instance: "VI_1", to: .fault)) == ["stop master", "start backup"])
        #expect(render(plan.transition(instance: "VI_1", to: .master)) == ["stop backup", "start master"])
        // Shutdown's own transition leaves the master daemon to `stopped`.
        #expect(render(plan.transition(instance: "VI_1", to: .stop)).isEmpty)
        #expect(render(plan.stopped()) == ["stop master"])
        #expect(render(plan.stopped()).isEmpty)
    }

    @Test func explicitIDWinsOverTheVRID() throws {
        #expect(try #require(resolve("lvs_sync_daemon lo inst VI_1 id 7").plan).daemon.syncID == 7)
    }

    @Test func withoutAnInstanceBothRunThroughout() throws {
        var plan = try #require(resolve("lvs_sync_daemon lo id 3").plan)
        #expect(plan.daemon.syncID == 3)
        #expect(render(plan.started()) == ["stop master quiet", "stop backup quiet", "start master", "start backup"])
        #expect(render(plan.transition(instance: "VI_1", to: .master)).isEmpty)
        #expect(render(plan.stopped()) == ["stop master quiet", "stop backup quiet"])
    }

    /// Without virtual servers keepalived's checker does not run, and neither does the daemon it
    /// would start; an instance-driven one is the VRRP side's and runs regardless.
    @Test func withoutAnInstanceOnlyWithTheChecker() {
        #expect(resolve("lvs_sync_daemon lo", runsChecker: false).plan == nil)
        #expect(resolve("lvs_sync_daemon lo VI_1", runsChecker: false).plan != nil)
    }

    /// SIGHUP: the same settings leave the daemon alone; new ones restart it in the instance's state
    /// (keepalived 2.2.7 in the QEMU guest: a master daemon reloaded with a new port runs as master
    /// on that port); a dropped one stops.
    @Test func reloadRestartsOnlyAChangedDaemon() throws {
        var plan = try #require(resolve("lvs_sync_daemon lo VI_1 port 8848").plan)
        _ = plan.started()
        _ = plan.transition(instance: "VI_1", to: .master)
        let states: [String: VRRPCore.VRRPState] = ["VI_1": .master]
        let same = LVSSyncDaemonPlan.reconfigured(from: plan, to: resolve("lvs_sync_daemon lo VI_1 port 8848").plan, instanceStates: states)
        #expect(same.steps.isEmpty)
        #expect(same.plan == plan)
        let changed = LVSSyncDaemonPlan.reconfigured(from: plan, to: resolve("lvs_sync_daemon lo VI_1 port 8850").plan, instanceStates: states)
        #expect(renderWithPort(changed.steps) == ["stop master 8848", "start backup 8850", "stop backup 8850", "start master 8850"])
        var next = try #require(changed.plan)
        #expect(render(next.stopped()) == ["stop master"])
        let dropped = LVSSyncDaemonPlan.reconfigured(from: changed.plan, to: nil, instanceStates: states)
        #expect(render(dropped.steps) == ["stop master"])
        #expect(dropped.plan == nil)
        let added = LVSSyncDaemonPlan.reconfigured(from: nil, to: resolve("lvs_sync_daemon lo").plan, instanceStates: states)
        #expect(render(added.steps) == ["stop master quiet", "stop backup quiet", "start master", "start backup"])
    }

    @Test func unknownInstanceClearsTheDaemon() {
        let (plan, log) = resolve("lvs_sync_daemon lo VI_9")
        #expect(plan == nil)
        #expect(log == ["Unable to find vrrp instance VI_9 for lvs_syncd - clearing lvs_syncd config"])
    }

    @Test func refusalsAreLoggedAsKeepalivedLogsThem() {
        let daemon = IPVSSyncDaemon(state: .backup, interface: "lo", syncID: 0)
        #expect(LVSSyncDaemonController.refusal(.init(command: .stop, state: .backup, daemon: daemon), errno: ESRCH)
                == "IPVS cmd IP_VS_SO_SET_STOPDAEMON(1164) error: No daemon is running(3)")
        #expect(LVSSyncDaemonController.refusal(.init(command: .start, state: .master, daemon: daemon), errno: EEXIST)
                == "IPVS cmd IP_VS_SO_SET_STARTDAEMON(1163) error: Daemon has already run(17)")
    }

    @Test func timeoutsComeFromGlobalDefs() {
        let loaded = ConfigLoader.load(
            .init(configFile: "/k.conf", configID: "lab1", reportUnsupported: false),
            host: InMemoryHost(files: ["/k.conf": "global_defs {\n  lvs_timeouts tcp 7200 udp 60\n}\n"]))
        let timeouts = CheckerService.timeouts(loaded.configuration)
        #expect(timeouts == IPVSTimeouts(tcp: 7200, udp: 60))
        #expect(timeouts.filled(from: IPVSTimeouts(tcp: 900, tcpFin: 120, udp: 300)) == IPVSTimeouts(tcp: 7200, tcpFin: 120, udp: 60))
    }
}
