import KeepalivedConfig
import KeepalivedTestSupport
import Testing
@testable import KeepalivedDaemon

/// What the daemon says it leaves out of the IPVS programming.
@Suite struct UnprogrammedIPVSSettingsTests {
    @Test func tunnelTypesAreNamed() {
        let loaded = ConfigLoader.load(
            .init(configFile: "/k.conf", configID: "lab1", reportUnsupported: false),
            host: InMemoryHost(files: ["/k.conf": """
                virtual_server 10.0.0.1 80 {
                  lvs_sched rr
                  lvs_method TUN type gue port 6080
                  protocol TCP
                  real_server 10.0.1.2 80 {
                    TCP_CHECK {}
                  }
                  real_server 10.0.1.3 80 {
                    lvs_method TUN
                    TCP_CHECK {}
                  }
                }
                """]))
        #expect(CheckerService.unprogrammedTunnelSettings(loaded.configuration.virtualServers) == [
            "[10.0.1.2]:tcp:80 of VS [10.0.0.1]:tcp:80: lvs_method TUN type gue nocsum is not programmed yet; IPVS gets ipip",
        ])
    }
}
