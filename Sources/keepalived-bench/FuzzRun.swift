import KeepalivedConfig
import KeepalivedTestSupport

/// The fuzz throughput run: generated and mutated inputs through the whole front end in-process.
enum FuzzRun {
    struct Result {
        var inputs: Int
        var elapsed: Duration
        var longest: Duration
        var longestKind: ConfigFuzzer.Kind
        var unlocated: Int
    }

    static func run(inputs: Int, seed: UInt64) -> Result {
        let path = "/etc/keepalived/keepalived.conf"
        var fuzzer = ConfigFuzzer(seed: seed)
        var host = InMemoryHost()
        host.add(path, "")
        var longest: (Duration, ConfigFuzzer.Kind) = (.zero, .randomBytes)
        var unlocated = 0
        let start = Timing.clock.now
        for _ in 0..<inputs {
            let (kind, bytes) = fuzzer.next()
            host.files[path] = bytes
            let before = Timing.clock.now
            let loaded = ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: host)
            let took = Timing.clock.now - before
            if took > longest.0 { longest = (took, kind) }
            unlocated += loaded.diagnostics.filter {
                $0.keepalivedClass != nil && $0.keepalivedClass != .missingBlockEnd && $0.keepalivedClass != .fileNotFound
                    && ($0.location?.line ?? 0) < 1
            }.count
        }
        return Result(inputs: inputs, elapsed: Timing.clock.now - start, longest: longest.0, longestKind: longest.1, unlocated: unlocated)
    }
}
