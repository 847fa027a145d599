import Foundation
import KeepalivedTestSupport

/// One daemon with N instances (`ScaleConfig`) on router 1 of its own lab, under its own snmpd:
/// how long until every instance settled (all MASTER, every VIP installed), CPU and RSS over a
/// window, SNMP walk times, and how long SIGTERM takes to end it. The phases are separate calls so
/// that the walks of keepalived and ours can alternate while both run (a busy machine then slows
/// both alike).
final class InstanceRun {
    /// vrrpInstanceTable of KEEPALIVED-MIB.
    static let instanceTable = "1.3.6.1.4.1.9586.100.5.2.3"
    static let walkTools = ["snmpwalk", "snmpbulkwalk"]

    let implementation: Implementation
    let instances: Int
    /// Seconds from spawning the daemon to the last VIP being installed; nil when they never all were.
    private(set) var settle: Double?
    private(set) var settledCount = 0
    /// Walk times of vrrpInstanceTable in seconds, by tool, and the lines of the last walk.
    private(set) var walkTimes: [String: [Double]] = [:]
    private(set) var walkLines: [String: Int] = [:]
    /// CPU seconds per walk, by tool: the daemon's process tree, and snmpd's (the rest of the chain
    /// whose wall clock the walk times).
    private(set) var walkCPU: [String: [Double]] = [:]
    private(set) var snmpdCPU: [String: [Double]] = [:]
    /// CPU use over the window in percent of one core, and the resident set after it.
    private(set) var cpuPercent: Double?
    private(set) var residentMiB: Double?
    private(set) var processCount = 0
    /// Seconds from SIGTERM to the process having exited.
    private(set) var exit: Double?
    let configCheck: String

    private let router: LabNamespace
    private let station: SNMPStation
    private let snmpd: LabProcess
    private let monitor: LabProcess
    private let daemon: LabProcess
    private let started: Double

    /// Starts snmpd, an address monitor and the daemon (after `keepalived -t` on the same config).
    init(_ implementation: Implementation, instances: Int, in lab: Lab) throws {
        self.implementation = implementation
        self.instances = instances
        router = lab.router(1)
        try ScaleConfig.addInterfaces(for: instances, in: router)
        let label = "\(implementation)-\(instances)"
        station = try SNMPStation(router, directory: lab.directory + "/snmp-" + label)
        snmpd = try station.startAgent()
        _ = station.waitUntilListening()
        monitor = try router.start(["ip", "-ts", "monitor", "address"], name: "monitor-" + label)
        let config = ScaleConfig.text(instances: instances, snmpSocket: station.agentXSocket)
        let path = "/etc/keepalived/check-\(label).conf"
        try router.installFile(path, contents: config)
        configCheck = "-t exit \(try router.run([implementation.binary, "-t", "-f", path]).status)"
        usleep(200_000)  // ip monitor listening
        started = LabLogs.now()
        daemon = try router.startKeepalived(implementation.binary, label: label, config: config)
    }

    /// Waits until every VIP is installed (or 20 s past Master_Down_Interval).
    func waitUntilSettled() {
        var added: [Double] = []
        _ = SNMPStation.waitFor(atMost: 3 + Double(256 - ScaleConfig.priority) / 256 + 20, interval: 0.1) {
            added = LabLogs.additions(of: ScaleConfig.vipPrefix, in: monitor.output)
            return added.count >= instances || !daemon.isRunning
        }
        settledCount = added.count
        if added.count >= instances, let last = added.max() { settle = last - started }
    }

    /// utime+stime of the daemon's process tree over `window` seconds, and its RSS afterwards.
    func measureCPU(window: Double) {
        guard let before = ProcessStats.tree(of: daemon.pid) else { return }
        usleep(UInt32(window * 1_000_000))
        guard let after = ProcessStats.tree(of: daemon.pid) else { return }
        cpuPercent = (after.cpuSeconds - before.cpuSeconds) / window * 100
        residentMiB = Double(after.residentKiB) / 1024
        processCount = after.processCount
    }

    /// Waits until the last instance's row answers, so the walks see the whole table.
    func waitForMIB() {
        _ = SNMPStation.waitFor(atMost: 15) { station.answers(Self.instanceTable + ".1.4.\(instances)") }
    }

    /// One walk of vrrpInstanceTable with `tool` (snmpwalk or snmpbulkwalk), timed.
    func walk(_ tool: String) throws {
        let command = router.commandLine(
            [tool, "-v2c", "-c", "public", "-On", "-m", "", "-t", "20", "-r", "0", "127.0.0.1:\(SNMPStation.agentPort)", Self.instanceTable])
        let before = (ProcessStats.tree(of: daemon.pid), ProcessStats.tree(of: snmpd.pid))
        let run = try Timing.run(command[0], Array(command.dropFirst()))
        let after = (ProcessStats.tree(of: daemon.pid), ProcessStats.tree(of: snmpd.pid))
        walkTimes[tool, default: []].append(Timing.seconds(run.elapsed))
        walkLines[tool] = run.lines
        if let start = before.0, let end = after.0 { walkCPU[tool, default: []].append(end.cpuSeconds - start.cpuSeconds) }
        if let start = before.1, let end = after.1 { snmpdCPU[tool, default: []].append(end.cpuSeconds - start.cpuSeconds) }
    }

    /// SIGTERM, timed to the exit; then snmpd and the monitor stop and leftover VIPs go.
    func stop() {
        let clock = ContinuousClock()
        let signalled = clock.now
        daemon.send(SIGTERM)
        while daemon.isRunning && clock.now - signalled < .seconds(30) { usleep(1000) }
        if !daemon.isRunning { exit = Timing.seconds(clock.now - signalled) }
        _ = daemon.stop()
        _ = monitor.stop()
        _ = snmpd.stop()
        ScaleConfig.removeLeftovers(for: instances, in: router)
    }
}
