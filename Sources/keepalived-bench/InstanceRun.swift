import Foundation
import KeepalivedTestSupport

/// One daemon with N instances (`ScaleConfig`) on router 1 of a lab, under its own snmpd: how long
/// until every instance settled (all MASTER, every VIP installed), optionally CPU and RSS over a
/// window and SNMP walk times, then how long SIGTERM takes to end it.
struct InstanceRun {
    /// vrrpInstanceTable of KEEPALIVED-MIB.
    static let instanceTable = "1.3.6.1.4.1.9586.100.5.2.3"

    struct Walk {
        var median: Double
        var lines: Int
    }

    var implementation: Implementation
    var instances: Int
    /// Seconds from spawning the daemon to the last VIP being installed; nil when they never all were.
    var settle: Double?
    var settledCount = 0
    /// Median snmpwalk and snmpbulkwalk time of vrrpInstanceTable.
    var walk: Walk?
    var bulkWalk: Walk?
    /// CPU use over the window in percent of one core, and the resident set after it.
    var cpuPercent: Double?
    var residentMiB: Double?
    var processCount = 0
    /// Seconds from SIGTERM to the process having exited.
    var exit: Double?
    var configCheck = ""

    static func run(
        _ implementation: Implementation, instances: Int, in lab: Lab, walkRuns: Int, cpuWindow: Double?
    ) throws -> InstanceRun {
        var result = InstanceRun(implementation: implementation, instances: instances)
        let router = lab.router(1)
        try ScaleConfig.addInterfaces(for: instances, in: router)
        defer { ScaleConfig.removeLeftovers(for: instances, in: router) }
        let label = "\(implementation)-\(instances)"
        let station = try SNMPStation(router, directory: lab.directory + "/snmp-" + label)
        let snmpd = try station.startAgent()
        let monitor = try router.start(["ip", "-ts", "monitor", "address"], name: "monitor-" + label)
        defer { _ = monitor.stop(); _ = snmpd.stop() }
        let config = ScaleConfig.text(instances: instances, snmpSocket: station.agentXSocket)

        // keepalived -t on the same file first: both must accept it as it is.
        let path = "/etc/keepalived/check-\(label).conf"
        try router.installFile(path, contents: config)
        let check = try router.run([implementation.binary, "-t", "-f", path])
        result.configCheck = "-t exit \(check.status)"
        usleep(200_000)  // ip monitor listening

        let start = LabLogs.now()
        let daemon = try router.startKeepalived(implementation.binary, label: label, config: config)
        defer { _ = daemon.stop(grace: .seconds(10)) }
        let limit = 3 + Double(256 - ScaleConfig.priority) / 256 + 20
        var added: [Double] = []
        _ = SNMPStation.waitFor(atMost: limit, interval: 0.1) {
            added = LabLogs.additions(of: ScaleConfig.vipPrefix, in: monitor.output)
            return added.count >= instances || !daemon.isRunning
        }
        result.settledCount = added.count
        if added.count >= instances, let last = added.max() { result.settle = last - start }

        if let cpuWindow, let before = ProcessStats.tree(of: daemon.pid) {
            usleep(UInt32(cpuWindow * 1_000_000))
            if let after = ProcessStats.tree(of: daemon.pid) {
                result.cpuPercent = (after.cpuSeconds - before.cpuSeconds) / cpuWindow * 100
                result.residentMiB = Double(after.residentKiB) / 1024
                result.processCount = after.processCount
            }
        }

        if walkRuns > 0 {
            let lastRow = instanceTable + ".1.4.\(instances)"  // vrrpInstanceState of the last instance
            _ = SNMPStation.waitFor(atMost: 15) { station.answers(lastRow) }
            result.walk = try walk("snmpwalk", station: station, runs: walkRuns)
            result.bulkWalk = try walk("snmpbulkwalk", station: station, runs: walkRuns)
        }

        let clock = ContinuousClock()
        let signalled = clock.now
        daemon.send(SIGTERM)
        while daemon.isRunning && clock.now - signalled < .seconds(30) { usleep(1000) }
        if !daemon.isRunning { result.exit = Timing.seconds(clock.now - signalled) }
        return result
    }

    /// Median time of `runs` walks of vrrpInstanceTable with `tool` (snmpwalk or snmpbulkwalk).
    static func walk(_ tool: String, station: SNMPStation, runs: Int) throws -> Walk {
        let command = station.namespace.commandLine(
            [tool, "-v2c", "-c", "public", "-On", "-m", "", "-t", "20", "-r", "0", "127.0.0.1:\(SNMPStation.agentPort)", instanceTable])
        var times: [Double] = []
        var lines = 0
        for _ in 0..<runs {
            let run = try Timing.run(command[0], Array(command.dropFirst()))
            times.append(Timing.seconds(run.elapsed))
            lines = run.lines
        }
        return Walk(median: times.sorted()[times.count / 2], lines: lines)
    }
}
