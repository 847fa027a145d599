import Foundation
import KeepalivedTestSupport

/// The lab benchmarks of `keepalived-bench snmp` and `keepalived-bench vrrp`: keepalived 2.2.7 and
/// ours in the same network-namespace lab, one after the other, printed as tables with ratios and
/// targets (issue 4 for SNMP, issue 3 for VRRP).
struct LabBench {
    var snmp = true
    var vrrp = true
    /// Walks per tool and size.
    var walkRuns = 3
    var cuts = 4
    var stops = 3
    var cpuWindow = 30.0
    var reconnectTimeout = 60.0

    static let scale = 500

    func run() throws {
        guard Lab.availability.isAvailable else {
            Timing.progress("lab benchmarks skipped: \(Lab.availability.reason ?? "lab unavailable") (they need root and iproute2)")
            return
        }
        let implementations = Implementation.allCases.filter(\.isInstalled)
        for missing in Implementation.allCases where !missing.isInstalled { Timing.progress("note: \(missing.binary) not found; no \(missing) column") }
        Timing.progress("load average before: \(Self.loadAverage()) (2 cores, shared with other builds: expect noise)")

        var sizes: Set<Int> = []
        if snmp { sizes.formUnion([10, 100, Self.scale]) }
        if vrrp { sizes.formUnion([1, Self.scale]) }
        var runs: [Implementation: [Int: InstanceRun]] = [:]
        for size in sizes.sorted() {
            // Each implementation in a lab of its own, both running while the walks alternate.
            let labs = try implementations.map { _ in try Lab(routers: 1) }
            defer { labs.forEach { $0.teardown() } }
            var pair: [InstanceRun] = []
            for (implementation, lab) in zip(implementations, labs) {
                let cpu = vrrp && size == Self.scale ? cpuWindow : nil
                Timing.progress("\(implementation): \(size) instances\(cpu.map { String(format: ", %.0f s CPU window", $0) } ?? "") ...")
                let run = try InstanceRun(implementation, instances: size, in: lab)
                pair.append(run)
                run.waitUntilSettled()
                if run.settle == nil { Timing.progress("  only \(run.settledCount) of \(size) VIPs installed (\(run.configCheck))") }
                if let cpu { run.measureCPU(window: cpu) }
                runs[implementation, default: [:]][size] = run
            }
            if snmp && size >= 10 {
                Timing.progress("walks at \(size) instances, keepalived and ours alternating ...")
                pair.forEach { $0.waitForMIB() }
                for _ in 0..<walkRuns {
                    for tool in InstanceRun.walkTools {
                        for run in pair { try run.walk(tool) }
                    }
                }
            }
            pair.forEach { $0.stop() }
        }
        var failovers: [Implementation: FailoverBench] = [:]
        for implementation in implementations {
            Timing.progress("\(implementation): failover and traps, \(cuts) link cuts and \(stops) SIGTERMs ...")
            do {
                let result = try FailoverBench.run(implementation, cuts: cuts, stops: stops)
                for problem in result.problems { Timing.progress("  \(problem)") }
                failovers[implementation] = result
            } catch {
                Timing.progress("  failed: \(error)")
            }
        }
        var reconnects: [Implementation: Double?] = [:]
        if snmp {
            for implementation in implementations {
                Timing.progress("\(implementation): snmpd restart (waiting up to \(Int(reconnectTimeout)) s) ...")
                do {
                    reconnects[implementation] = try ReconnectBench.run(implementation, timeout: reconnectTimeout)
                } catch {
                    Timing.progress("  failed: \(error)")
                }
            }
        }
        Timing.progress("load average after: \(Self.loadAverage())")

        if snmp { BenchTable.print("SNMP (issue 4), wall clock, median", snmpRows(runs, failovers, reconnects)) }
        if vrrp { BenchTable.print("VRRP (issue 3), wall clock, median", vrrpRows(runs, failovers)) }
    }

    func snmpRows(_ runs: [Implementation: [Int: InstanceRun]], _ failovers: [Implementation: FailoverBench],
                  _ reconnects: [Implementation: Double?]) -> [BenchRow] {
        var rows: [BenchRow] = []
        for tool in InstanceRun.walkTools {
            for size in [10, 100, Self.scale] {
                let ours = runs[.ours]?[size], theirs = runs[.keepalived]?[size]
                rows.append(BenchRow(
                    what: "\(tool) vrrpInstanceTable, \(size) instances", ours: ours?.walkTimes[tool].flatMap(Self.median).map { $0 * 1000 },
                    theirs: theirs?.walkTimes[tool].flatMap(Self.median).map { $0 * 1000 }, unit: .milliseconds,
                    target: size == Self.scale ? .ratioAtMost(0.5) : nil,
                    note: "lines: ours \(ours?.walkLines[tool] ?? 0), keepalived \(theirs?.walkLines[tool] ?? 0); "
                        + "runs ms: ours \(Self.list(ours?.walkTimes[tool]?.map { $0 * 1000 })), keepalived \(Self.list(theirs?.walkTimes[tool]?.map { $0 * 1000 }))"))
            }
        }
        // The walk's wall clock is mostly snmpd and the walker; this is the part the daemon controls.
        for tool in InstanceRun.walkTools {
            let ours = runs[.ours]?[Self.scale], theirs = runs[.keepalived]?[Self.scale]
            rows.append(BenchRow(
                what: "daemon CPU per \(tool), \(Self.scale) instances", ours: ours?.walkCPU[tool].flatMap(Self.median).map { $0 * 1000 },
                theirs: theirs?.walkCPU[tool].flatMap(Self.median).map { $0 * 1000 }, unit: .milliseconds, target: nil,
                note: "utime+stime, 10 ms ticks, all threads (VRRP adverts included); snmpd's: ours \(Self.list(ours?.snmpdCPU[tool]?.map { $0 * 1000 })), "
                    + "keepalived \(Self.list(theirs?.snmpdCPU[tool]?.map { $0 * 1000 }))"))
        }
        let ours = failovers[.ours], theirs = failovers[.keepalived]
        rows.append(BenchRow(
            what: "state change (VIP added) -> trap at snmptrapd", ours: ours.flatMap { Self.median($0.trapLatency) },
            theirs: theirs.flatMap { Self.median($0.trapLatency) }, unit: .milliseconds, target: .atMost(2),
            note: "samples ms: ours \(Self.list(ours?.trapLatency)), keepalived \(Self.list(theirs?.trapLatency))"))
        rows.append(BenchRow(
            what: "first advert as master -> trap at snmptrapd", ours: ours.flatMap { Self.median($0.trapAfterAdvert) },
            theirs: theirs.flatMap { Self.median($0.trapAfterAdvert) }, unit: .milliseconds, target: nil,
            note: "samples ms: ours \(Self.list(ours?.trapAfterAdvert)), keepalived \(Self.list(theirs?.trapAfterAdvert))"))
        let ourReconnect = reconnects[.ours] ?? nil, theirReconnect = reconnects[.keepalived] ?? nil
        rows.append(BenchRow(
            what: "snmpd restart -> MIBs answer (1 run)", ours: ourReconnect, theirs: theirReconnect, unit: .seconds, target: .atMost(2),
            note: [ourReconnect == nil ? "ours: none within \(Int(reconnectTimeout)) s" : nil,
                   theirReconnect == nil && reconnects[.keepalived] != nil ? "keepalived: none within \(Int(reconnectTimeout)) s" : nil]
                .compactMap { $0 }.joined(separator: "; ")))
        return rows
    }

    func vrrpRows(_ runs: [Implementation: [Int: InstanceRun]], _ failovers: [Implementation: FailoverBench]) -> [BenchRow] {
        let ours = failovers[.ours], theirs = failovers[.keepalived]
        let down = FailoverBench.masterDownInterval(priority: 100), skew = FailoverBench.skewTime(priority: 100)
        var rows = [
            BenchRow(what: "link cut -> backup owns VIP", ours: ours.flatMap { Self.median($0.linkCut) },
                     theirs: theirs.flatMap { Self.median($0.linkCut) }, unit: .seconds,
                     target: .within(down - FailoverBench.advertisementInterval, down),
                     note: "samples s: ours \(Self.list(ours?.linkCut)), keepalived \(Self.list(theirs?.linkCut))"),
            BenchRow(what: "priority-0 advert -> backup owns VIP", ours: ours.flatMap { Self.median($0.gracefulStop) },
                     theirs: theirs.flatMap { Self.median($0.gracefulStop) }, unit: .seconds, target: .within(skew, skew + 0.05),
                     note: "Skew_Time \(String(format: "%.3f", skew)) s; samples s: ours \(Self.list(ours?.gracefulStop)), "
                         + "keepalived \(Self.list(theirs?.gracefulStop))"),
            BenchRow(what: "master-down expiry -> VIP installed", ours: ours.flatMap { Self.median($0.expiryToVIP) },
                     theirs: theirs.flatMap { Self.median($0.expiryToVIP) }, unit: .milliseconds, target: .atMostAndRatio(1, 1),
                     note: "expiry = master's last advert (tcpdump -tt on the backup) + Master_Down_Interval; samples ms: ours "
                         + "\(Self.list(ours?.expiryToVIP)), keepalived \(Self.list(theirs?.expiryToVIP))"),
            BenchRow(what: "master-down expiry -> first GARP", ours: ours.flatMap { Self.median($0.expiryToGARP) },
                     theirs: theirs.flatMap { Self.median($0.expiryToGARP) }, unit: .milliseconds, target: .atMostAndRatio(1, 1),
                     note: "the backup's first gratuitous ARP for the VIP leaving eth0; samples ms: ours "
                         + "\(Self.list(ours?.expiryToGARP)), keepalived \(Self.list(theirs?.expiryToGARP))"),
        ]
        for size in [1, Self.scale] {
            rows.append(BenchRow(what: "SIGTERM -> exit, \(size) instance\(size == 1 ? "" : "s")", ours: runs[.ours]?[size]?.exit.map { $0 * 1000 },
                                 theirs: runs[.keepalived]?[size]?.exit.map { $0 * 1000 }, unit: .milliseconds, target: .atMost(100),
                                 note: size == Self.scale ? "with enable_snmp_vrrp under snmpd" : ""))
        }
        let big = (runs[.ours]?[Self.scale], runs[.keepalived]?[Self.scale])
        rows.append(BenchRow(what: "start -> all \(Self.scale) instances MASTER", ours: big.0?.settle, theirs: big.1?.settle, unit: .seconds,
                             target: .atMost(down + 1), note: "Master_Down_Interval \(String(format: "%.3f", down)) s"))
        rows.append(BenchRow(what: "CPU, \(Self.scale) masters, \(Int(cpuWindow)) s window", ours: big.0?.cpuPercent, theirs: big.1?.cpuPercent,
                             unit: .percent, target: nil, note: "utime+stime of the process tree / window, % of one core"))
        rows.append(BenchRow(what: "RSS, \(Self.scale) masters", ours: big.0?.residentMiB, theirs: big.1?.residentMiB, unit: .mebibytes, target: nil,
                             note: "VmRSS summed over the process tree: ours \(big.0?.processCount ?? 0) process(es), keepalived \(big.1?.processCount ?? 0)"))
        return rows
    }

    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.sorted()[values.count / 2]
    }

    static func list(_ values: [Double]?) -> String {
        guard let values, !values.isEmpty else { return "none" }
        return values.map { String(format: $0 < 10 ? "%.3f" : "%.1f", $0) }.joined(separator: " ")
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
