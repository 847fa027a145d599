import Foundation
import KeepalivedTestSupport

/// How long after an snmpd restart the MIBs answer again: a daemon with 10 instances runs under
/// snmpd, snmpd is stopped and started again, and vrrpInstanceState.1 is polled every 100 ms.
/// net-snmp's subagents reconnect when their AgentX ping finds the master gone, so the time depends on
/// where in the ping period the restart falls: one run is a sample, not a bound.
enum ReconnectBench {
    static let probe = InstanceRun.instanceTable + ".1.4.1"

    /// Seconds from the new snmpd's start to the first answer; nil when none came within `timeout`.
    static func run(_ implementation: Implementation, timeout: Double) throws -> Double? {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let station = try SNMPStation(router, directory: lab.directory + "/snmp")
            var snmpd = try station.startAgent()
            defer { _ = snmpd.stop() }
            _ = station.waitUntilListening()
            let daemon = try router.startKeepalived(
                implementation.binary, label: "\(implementation)", config: ScaleConfig.text(instances: 10, snmpSocket: station.agentXSocket))
            defer { _ = daemon.stop() }
            guard SNMPStation.waitFor(atMost: 15, { station.answers(probe) }) != nil else {
                throw LabError.timeout("\(implementation) never answered under the first snmpd:\n\(daemon.output)")
            }
            _ = snmpd.stop()
            try? FileManager.default.removeItem(atPath: station.agentXSocket)
            let clock = ContinuousClock()
            let restarted = clock.now
            snmpd = try station.startAgent()
            guard SNMPStation.waitFor(atMost: timeout, interval: 0.1, { station.answers(probe) }) != nil else { return nil }
            return Timing.seconds(clock.now - restarted)
        }
    }
}
