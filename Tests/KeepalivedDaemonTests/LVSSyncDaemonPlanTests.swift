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
    func resolve(_ syncLine: String) -> (plan: LVSSyncDaemonPlan?, log: [String]) {
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
        return LVSSyncDaemonPlan.resolve(loaded.configuration)
    }

    func render(_ steps: [LVSSyncDaemonPlan.Step]) -> [String] {
        steps.map { "\($0.command) \($0.state)\($0.quiet ? " quiet" : "")" }
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

    @Test func unknownInstanceClearsTheDaemon() {
        let (plan, log) = resolve("lvs_sync_daemon lo VI_9")
        #expect(plan == nil)
        #expect(log == ["Unable to find vrrp instance VI_9 for lvs_syncd - clearing lvs_syncd config"])
    }

    @Test func refusalsAreLoggedAsKeepalivedLogsThem() {
        #expect(LVSSyncDaemonController.refusal(.init(command: .stop, state: .backup), errno: ESRCH)
                == "IPVS cmd IP_VS_SO_SET_STOPDAEMON(1164) error: No daemon is running(3)")
        #expect(LVSSyncDaemonController.refusal(.init(command: .start, state: .master), errno: EEXIST)
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
