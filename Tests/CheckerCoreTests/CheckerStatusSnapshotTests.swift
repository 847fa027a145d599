import CheckerCore
import Testing

/// The checker's status snapshot (what SNMP shows) and its trap actions, start to stop.
@Suite struct CheckerStatusSnapshotTests {
    static let config = """
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          quorum 2
          real_server 10.77.0.21 80 {
            weight 3
            TCP_CHECK { retry 0 }
          }
          real_server 10.77.0.22 80 {
            TCP_CHECK { retry 0 }
          }
        }
        """

    static func traps(_ actions: [CheckerAction]) -> [CheckerAction] {
        actions.filter {
            switch $0 {
            case .realServerChanged, .quorumChanged: true
            default: false
            }
        }
    }

    @Test func snapshotFollowsTheChecks() {
        var driver = Driver(Self.config)
        _ = driver.start()
        #expect(driver.checker.statusSnapshot.virtualServers == [.init(inService: true, quorumUp: true, realServers: [
            .init(alive: true, weight: 3, failedCheckers: 0), .init(alive: true, weight: 1, failedCheckers: 0),
        ])])
        let now = driver.now
        let actions = driver.checker.handle(.tcp(.failed), for: CheckerID(virtualServer: 0, realServer: 0, checker: 0),
                                            started: now, now: now.adding(1_000_000))
        // keepalived's order: the real server's trap, then the quorum's.
        #expect(Self.traps(actions) == [.realServerChanged(virtualServer: 0, realServer: 0, up: false),
                                        .quorumChanged(virtualServer: 0, up: false)])
        #expect(driver.checker.statusSnapshot.virtualServers == [.init(inService: true, quorumUp: false, realServers: [
            .init(alive: false, weight: 3, failedCheckers: 1), .init(alive: true, weight: 1, failedCheckers: 0),
        ])])
    }

    /// keepalived's clear_services: a trap for each real server still in the pool, then one quorum
    /// trap per virtual server; with lvs_flush_on_stop only the quorum traps (update_vs_notifies).
    @Test func stopSendsTheShutdownTraps() {
        var driver = Driver(Self.config)
        #expect(driver.checker.statusSnapshot.virtualServers.map(\.inService) == [false])
        _ = driver.start()
        #expect(Self.traps(driver.checker.stop()) == [
            .realServerChanged(virtualServer: 0, realServer: 0, up: false),
            .realServerChanged(virtualServer: 0, realServer: 1, up: false),
            .quorumChanged(virtualServer: 0, up: false),
        ])
        #expect(driver.checker.statusSnapshot.virtualServers.map(\.inService) == [false])
        var flushing = Driver(Self.config.replacingOccurrences(of: "virtual_server 10", with: "global_defs {\n  lvs_flush_on_stop\n}\nvirtual_server 10"))
        _ = flushing.start()
        #expect(Self.traps(flushing.checker.stop()) == [.quorumChanged(virtualServer: 0, up: false)])
    }
}
