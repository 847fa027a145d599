import CheckerCore
import IPVSModel
import KeepalivedConfig
import KeepalivedTestSupport
import NetworkTypes
import SNMPModel
import Testing
@testable import KeepalivedDaemon

/// The check subtree's status from keepalived.conf, a checker snapshot and the kernel's counters.
@Suite struct SNMPCheckerAssemblyTests {
    static let configuration = ConfigLoader.load(
        .init(configFile: "/k.conf", configID: "lab1", reportUnsupported: false),
        host: InMemoryHost(files: ["/k.conf": """
            global_defs {
              smtp_alert_checker off
              lvs_sync_daemon eth1 VI_1 maxlen 1400 group 239.1.2.3
            }
            virtual_server_group G {
              10.0.0.10-11 80
            }
            virtual_server 10.0.0.1 80 {
              lvs_sched sh
              lvs_method NAT
              protocol TCP
              persistence_granularity 255.255.255.0
              quorum_up "/bin/up now"
              sorry_server 10.0.1.9 80
              real_server 10.0.1.2 80 {
                TCP_CHECK {}
              }
              real_server 10.0.1.3 80 {
                smtp_alert on
                TCP_CHECK {}
              }
            }
            virtual_server group G {
              lvs_method DR
              protocol TCP
              real_server 10.0.1.2 80 {
                TCP_CHECK {}
              }
            }
            """])).configuration

    @Test func configurationDefaultsAsKeepalivedResolvesThem() {
        let base = SNMPCheckerAssembly.base(Self.configuration)
        let web = base.virtualServers[0]
        #expect(web.scheduler == "sh")
        #expect(web.persistenceGranularity == 0x00ff_ffff)
        #expect(web.quorumUpScript == "'/bin/up' 'now'")              // keepalived's cmd_str_r quoting
        #expect(web.smtpAlert == false)
        #expect(web.realServers.map(\.smtpAlert) == [false, true])  // smtp_alert_checker off reaches real servers too
        #expect(web.sorry?.smtpAlert == false && web.sorry?.delayLoop == 0 && web.sorry?.connectTimeout == 0)
        #expect(web.realServers[0].delayLoop == 60_000_000 && web.realServers[0].connectTimeout == 5_000_000)
        #expect(base.virtualServers[1].forwarding?.kind == 2)
        // keepalived's checker leaves the id unset (PARAMETER_UNSET) when a VRRP instance runs the sync daemon.
        #expect(base.syncDaemon == .init(interface: "eth1", vrrpInstance: "VI_1", syncID: .max, maxLength: 1400,
                                         group: IPAddress("239.1.2.3")))
        #expect(base.groups == [.init(name: "G", members: [.addresses(first: IPAddress("10.0.0.10")!, last: IPAddress("10.0.0.11")!, port: 80)])])
    }

    @Test func snapshotFillsInTheRunTimeState() {
        let base = SNMPCheckerAssembly.base(Self.configuration)
        let snapshot = CheckerStatusSnapshot(virtualServers: [
            .init(inService: true, quorumUp: false, realServers: [.init(alive: false, weight: 0, failedCheckers: 1),
                                                                  .init(alive: true, weight: 7, failedCheckers: 0)]),
            .init(inService: true, quorumUp: true, realServers: [.init(alive: true, weight: 1, failedCheckers: 0)]),
        ])
        let status = SNMPCheckerAssembly.status(base, snapshot)
        #expect(status.virtualServers[0].alive && !status.virtualServers[0].quorumUp)
        #expect(status.virtualServers[0].realServers.map(\.weight) == [0, 7])
        #expect(status.virtualServers[0].realServers.map(\.failedCheckers) == [1, 0])
        #expect(status.virtualServers[0].realServersUp == 1)
        #expect(SNMPCheckerAssembly.status(base, nil) == base)
    }

    /// keepalived's ipvs_update_stats: a group's services add up; the sorry server gets its own
    /// destination's counters; a destination on another port is nobody's.
    @Test func kernelCountersAddUpAsKeepalivedDoes() {
        func counters(_ connections: UInt64) -> IPVSStatistics {
            var s = IPVSStatistics()
            s.connections = connections
            s.inBytes = connections * 100
            return s
        }
        func destination(_ address: String, _ port: UInt16, _ connections: UInt64) -> IPVSTableStatistics.Destination {
            .init(key: IPVSDestinationKey(address: IPAddress(address)!, port: port), statistics: counters(connections), activeConnections: 1)
        }
        let tcp = { (address: String) in IPVSServiceKey.address(.tcp, IPAddress(address)!, port: 80) }
        let table = IPVSTableStatistics(services: [
            tcp("10.0.0.1"): .init(statistics: counters(10), destinations: [
                destination("10.0.1.9", 80, 1), destination("10.0.1.2", 80, 4), destination("10.0.1.3", 80, 5),
                destination("10.0.1.3", 8080, 50),
            ]),
            tcp("10.0.0.10"): .init(statistics: counters(3), destinations: [destination("10.0.1.2", 80, 3)]),
            tcp("10.0.0.11"): .init(statistics: counters(2), destinations: [destination("10.0.1.2", 80, 2)]),
        ])
        let services = Self.configuration.virtualServers.map {
            IPVSPlan.services($0, groups: Self.configuration.virtualServerGroups).map(\.key)
        }
        var status = SNMPCheckerAssembly.base(Self.configuration)
        SNMPCheckerAssembly.addStatistics(table, services: services, to: &status)
        let web = status.virtualServers[0], group = status.virtualServers[1]
        #expect(web.statistics.connections == 10 && web.statistics.inBytes == 1000)
        #expect(web.sorry?.statistics.connections == 1)
        #expect(web.realServers.map(\.statistics.connections) == [4, 5])
        #expect(web.realServers[1].activeConnections == 1)
        #expect(group.statistics.connections == 5)
        #expect(group.realServers[0].statistics.connections == 5)
        #expect(group.realServers[0].activeConnections == 2)
    }
}
