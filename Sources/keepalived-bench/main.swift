import Foundation

/// keepalived-bench: our keepalived against Debian's keepalived 2.2.7, side by side, as ratios.
///   keepalived-bench [all]              every benchmark below (make bench; --fuzz defaults to 20000)
///   keepalived-bench conf [--instances N] [--runs N] [--fuzz N]
///                                       config parse time (-t) and fuzz throughput
///   keepalived-bench snmp [--walk-runs N] [--cuts N] [--stops N] [--reconnect-timeout S]
///                                       walk times at 10/100/500 instances, trap latency, reconnect
///   keepalived-bench vrrp [--cuts N] [--stops N] [--cpu-window S]
///                                       failover, SIGTERM to exit, CPU/RSS/settling at 500 instances
///   keepalived-bench checker [--tcp N] [--http N] [--window S]
///                                       checker alone: probes/s, CPU, RSS with 1000 TCP_CHECK + 200 HTTP_GET
///   keepalived-bench parse FILE...      load files with our front end, print diagnostics
///   keepalived-bench config [N]         print the generated parse-benchmark config
/// The lab benchmarks (snmp, vrrp, checker) need root; they print only, they assert nothing.
let given = Array(CommandLine.arguments.dropFirst())
let command = given.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "all"
let arguments = given.first == command ? Array(given.dropFirst()) : given

func option(_ name: String, _ fallback: Int, in arguments: [String] = arguments) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let value = Int(arguments[i + 1]) else { return fallback }
    return value
}

var conf = ConfBench()
conf.instances = option("--instances", conf.instances)
conf.runs = option("--runs", conf.runs)
conf.fuzzInputs = option("--fuzz", conf.fuzzInputs)
var lab = LabBench()
lab.walkRuns = option("--walk-runs", lab.walkRuns)
lab.cuts = option("--cuts", lab.cuts)
lab.stops = option("--stops", lab.stops)
lab.cpuWindow = Double(option("--cpu-window", Int(lab.cpuWindow)))
lab.reconnectTimeout = Double(option("--reconnect-timeout", Int(lab.reconnectTimeout)))
var checker = CheckerBench()
checker.tcpServers = option("--tcp", checker.tcpServers)
checker.httpServers = option("--http", checker.httpServers)
checker.window = Double(option("--window", Int(checker.window)))

switch command {
case "parse":
    ParseCommand.run(arguments)
case "config":
    print(BenchConfig.text(instances: Int(arguments.first ?? "") ?? 2000), terminator: "")
case "conf":
    try conf.run()
case "snmp", "vrrp":
    lab.snmp = command == "snmp"
    lab.vrrp = command == "vrrp"
    try lab.run()
case "checker":
    try checker.run()
case "all":
    // A smaller fuzz run keeps `make bench` within a few minutes on a busy 2-core machine.
    conf.fuzzInputs = option("--fuzz", 20_000)
    try conf.run()
    try lab.run()
    try checker.run()
default:
    print("usage: keepalived-bench [all | conf | snmp | vrrp | checker | parse FILE... | config [N]] [options]")
    exit(2)
}
