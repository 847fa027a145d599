import Foundation

/// `keepalived-bench conf`: config parse time against keepalived 2.2.7 (`-t` on a large generated
/// config) and the fuzz throughput of our front end.
struct ConfBench {
    var instances = 2000
    var runs = 5
    var fuzzInputs = 100_000

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keepalived-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let configFile = scratch.appendingPathComponent("keepalived.conf")
        let text = BenchConfig.text(instances: instances)
        try text.write(to: configFile, atomically: false, encoding: .utf8)
        let lineCount = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        Timing.progress("config: \(instances) vrrp_instances + \(instances) vrrp_scripts, \(lineCount) lines, \(text.utf8.count / 1024) KiB")

        let rows = try ParseBench.run(file: configFile.path, scratch: scratch, runs: runs)
        Timing.progress("fuzz: \(fuzzInputs) inputs ...")
        let fuzz = FuzzRun.run(inputs: fuzzInputs, seed: 0x6B65_6570_616C_6976)

        let pad = BenchTable.pad
        func ms(_ d: Duration) -> String { String(format: "%.1f ms", Timing.milliseconds(d)) }
        print("")
        print(pad("parse (median of \(runs), wall clock)", 40) + pad("time", 12) + "notes")
        for row in rows { print(pad(row.what, 40) + pad(ms(row.median), 12) + row.note) }
        if let theirs = rows.first(where: { $0.what.hasPrefix("keepalived") }),
           let ours = rows.first(where: { $0.what == "ours keepalived -t" }) ?? rows.last {
            let ratio = Timing.milliseconds(ours.median) / Timing.milliseconds(theirs.median)
            print(pad("ratio ours/keepalived", 40) + pad(String(format: "%.2f", ratio), 12)
                  + "target < 0.50: " + (ratio < 0.5 ? "PASS" : "MISS") + " (\(ours.what))")
        }
        print("")
        let seconds = Timing.milliseconds(fuzz.elapsed) / 1000
        print(pad("fuzz (in-process, seeded)", 40) + "value")
        print(pad("inputs", 40) + "\(fuzz.inputs)")
        print(pad("inputs/second", 40) + String(format: "%.0f", Double(fuzz.inputs) / seconds))
        print(pad("crashes", 40) + "0 (a crash would have ended this run)")
        print(pad("longest single parse", 40) + "\(ms(fuzz.longest)) (\(fuzz.longestKind))")
        print(pad("keepalived-class diagnostics w/o line", 40) + "\(fuzz.unlocated)")
    }
}
