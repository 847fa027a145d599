import Foundation
import KeepalivedConfig
import KeepalivedTestSupport

/// keepalived-bench: config parse time against keepalived 2.2.7, and fuzz throughput.
///   keepalived-bench [--instances N] [--runs N] [--fuzz N]
///   keepalived-bench parse FILE...      load files with our front end, print diagnostics
///   keepalived-bench config [N]         print the generated benchmark config
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "parse" {
    ParseCommand.run(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "config" {
    print(BenchConfig.text(instances: Int(arguments.dropFirst().first ?? "") ?? 2000), terminator: "")
    exit(0)
}

func option(_ name: String, _ fallback: Int, in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let value = Int(arguments[i + 1]) else { return fallback }
    return value
}
let instances = option("--instances", 2000)
let runs = option("--runs", 5)
let fuzzInputs = option("--fuzz", 100_000)

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keepalived-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let configFile = scratch.appendingPathComponent("keepalived.conf")
let text = BenchConfig.text(instances: instances)
try text.write(to: configFile, atomically: false, encoding: .utf8)
let lineCount = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
print("config: \(instances) vrrp_instances + \(instances) vrrp_scripts, \(lineCount) lines, \(text.utf8.count / 1024) KiB")

let rows = try ParseBench.run(file: configFile.path, scratch: scratch, runs: runs)
print("fuzz: \(fuzzInputs) inputs ...")
let fuzz = FuzzRun.run(inputs: fuzzInputs, seed: 0x6B65_6570_616C_6976)

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func ms(_ d: Duration) -> String { String(format: "%.1f ms", Timing.milliseconds(d)) }

print("")
print(pad("parse (median of \(runs), wall clock)", 40) + pad("time", 12) + "notes")
for row in rows { print(pad(row.what, 40) + pad(ms(row.median), 12) + row.note) }
if let theirs = rows.first(where: { $0.what.hasPrefix("keepalived") }),
   let ours = rows.first(where: { $0.what == "ours keepalived -t" }) ?? rows.last {
    let ratio = Timing.milliseconds(ours.median) / Timing.milliseconds(theirs.median)
    print(pad("ratio ours/keepalived", 40) + pad(String(format: "%.2f", ratio), 12)
          + "target < 0.50: " + (ratio < 0.5 ? "met" : "NOT met") + " (\(ours.what))")
}
print("")
let seconds = Timing.milliseconds(fuzz.elapsed) / 1000
print(pad("fuzz (in-process, seeded)", 40) + "value")
print(pad("inputs", 40) + "\(fuzz.inputs)")
print(pad("inputs/second", 40) + String(format: "%.0f", Double(fuzz.inputs) / seconds))
print(pad("crashes", 40) + "0 (a crash would have ended this run)")
print(pad("longest single parse", 40) + "\(ms(fuzz.longest)) (\(fuzz.longestKind))")
print(pad("keepalived-class diagnostics w/o line", 40) + "\(fuzz.unlocated)")
