import Foundation
import KeepalivedTestSupport

/// `keepalived-bench checker` (issue 7): our checker alone (`-C`) with 1,000 TCP_CHECK real servers
/// every second and 200 HTTP_GET every two seconds, against one listener in a lab namespace. The
/// listener counts the probes that reach it, so a checker that falls behind shows as a rate below
/// the configured one; CPU and RSS of the daemon over the window. keepalived 2.2.7's checker cannot
/// start on a kernel without ip_vs, so it has no column here.
struct CheckerBench {
    var tcpServers = 1000
    var httpServers = 200
    var tcpDelay = 1
    var httpDelay = 2
    /// Seconds after the start before measuring: every server has had its first check.
    var warmup = 5.0
    var window = 30.0

    /// Probes a second the configuration asks for (keepalived waits delay_loop after each check ends,
    /// so a checker that keeps up stays just under these).
    var nominal: (tcp: Double, http: Double) {
        (Double(tcpServers) / Double(tcpDelay), Double(httpServers) / Double(httpDelay))
    }

    /// The listener's count line: monotonic seconds, TCP and HTTP connections so far.
    struct Count {
        var time: Double
        var tcp: Int
        var http: Int
    }

    func run() throws {
        guard Lab.availability.isAvailable else {
            Timing.progress("checker benchmark skipped: \(Lab.availability.reason ?? "lab unavailable") (it needs root and iproute2)")
            return
        }
        guard Implementation.ours.isInstalled else {
            Timing.progress("checker benchmark skipped: \(Implementation.ours.binary) not found")
            return
        }
        Timing.progress("checker: \(tcpServers) TCP_CHECK every \(tcpDelay) s, \(httpServers) HTTP_GET every \(httpDelay) s, "
            + "\(Int(warmup)) s warm-up, \(Int(window)) s window; load average \(LabBench.loadAverage()) ...")
        let lab = try Lab(routers: 1)
        defer { lab.teardown() }
        let router = lab.router(1)
        try CheckerScaleConfig.addServerRoute(in: router)
        let script = lab.directory + "/checker-listener.py"
        try CheckerScaleConfig.listener.write(toFile: script, atomically: true, encoding: .utf8)
        let listener = try router.start(["python3", "-u", script, String(CheckerScaleConfig.tcpPort), String(CheckerScaleConfig.httpPort)],
                                        name: "listener")
        defer { listener.stop() }
        guard SNMPStation.waitFor(atMost: 10, { Self.lastCount(listener.output) != nil }) != nil else {
            Timing.progress("  the listener did not start: \(listener.output.suffix(300))")
            return
        }
        let path = "/etc/keepalived/checker-bench.conf"
        try router.installFile(path, contents: CheckerScaleConfig.text(tcp: tcpServers, http: httpServers, tcpDelay: tcpDelay, httpDelay: httpDelay))
        let pids = router.logDirectory + "/checker-bench"
        let daemon = try router.start([Implementation.ours.binary, "-n", "-l", "-C", "-f", path, "-p", pids + ".pid", "-c", pids + "-checker.pid"],
                                      name: "keepalived-checker")
        defer { daemon.stop() }
        usleep(UInt32(warmup * 1_000_000))
        let before = (Self.lastCount(listener.output), ProcessStats.tree(of: daemon.pid))
        usleep(UInt32(window * 1_000_000))
        let after = (Self.lastCount(listener.output), ProcessStats.tree(of: daemon.pid))
        let failures = daemon.output.split(separator: "\n").filter { $0.hasSuffix(" failed.") || $0.hasSuffix(" timeout.") }.count
        if !daemon.isRunning { Timing.progress("  our keepalived exited: \(daemon.output.suffix(500))") }

        var rates: (tcp: Double, http: Double)?
        if let start = before.0, let end = after.0, end.time > start.time {
            rates = (Double(end.tcp - start.tcp) / (end.time - start.time), Double(end.http - start.http) / (end.time - start.time))
        }
        var cpu: Double?, rss: Double?
        if let start = before.1, let end = after.1 {
            cpu = (end.cpuSeconds - start.cpuSeconds) / window * 100
            rss = Double(end.residentKiB) / 1024
        }
        BenchTable.print("Checker (issue 7), \(Int(window)) s window", rows(rates: rates, cpu: cpu, rss: rss, failures: failures))
    }

    func rows(rates: (tcp: Double, http: Double)?, cpu: Double?, rss: Double?, failures: Int) -> [BenchRow] {
        let absent = "keepalived: n/a (no ip_vs on this kernel)"
        // Keeping up: at least 95% of the configured rate reaches the listener.
        return [
            BenchRow(what: "TCP_CHECK probes/s, \(tcpServers) servers, delay_loop \(tcpDelay) s", ours: rates?.tcp, theirs: nil, unit: .perSecond,
                     target: .atLeast(nominal.tcp * 0.95), note: String(format: "configured %.0f/s; ", nominal.tcp) + absent),
            BenchRow(what: "HTTP_GET probes/s, \(httpServers) servers, delay_loop \(httpDelay) s", ours: rates?.http, theirs: nil, unit: .perSecond,
                     target: .atLeast(nominal.http * 0.95),
                     note: String(format: "configured %.0f/s; failed or timed-out checks logged since the start: %d; ", nominal.http, failures) + absent),
            BenchRow(what: "CPU, checker with \(tcpServers + httpServers) servers", ours: cpu, theirs: nil, unit: .percent, target: nil,
                     note: "utime+stime of the process tree / window, % of one core; " + absent),
            BenchRow(what: "RSS, checker with \(tcpServers + httpServers) servers", ours: rss, theirs: nil, unit: .mebibytes, target: nil,
                     note: "VmRSS summed over the process tree; " + absent),
        ]
    }

    /// The listener's last complete count line.
    static func lastCount(_ output: String) -> Count? {
        let complete = output[..<(output.lastIndex(of: "\n") ?? output.startIndex)]
        for line in complete.split(separator: "\n").reversed() {
            let fields = line.split(separator: " ")
            if fields.count == 3, let time = Double(fields[0]), let tcp = Int(fields[1]), let http = Int(fields[2]) {
                return Count(time: time, tcp: tcp, http: http)
            }
        }
        return nil
    }
}
