import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Property tests: hostile inputs from a fixed seed never crash or hang the lexer and parser, and
/// every problem keepalived would report carries a line to point the operator at.
private let path = "/etc/keepalived/keepalived.conf"

/// One input through the lexer alone (unless `lexerPass` is false) and then the whole loader, timed.
private func parse(_ bytes: [UInt8], lexerPass: Bool = true) -> (loaded: LoadedConfiguration, lines: Int, elapsed: Duration) {
    var host = InMemoryHost()
    host.add(path, "")
    host.files[path] = bytes
    let clock = ContinuousClock()
    let start = clock.now
    let reader = LineReader(host: host, configID: "lab1", includeCheck: []) { _ in }
    var lines = 0
    if lexerPass, reader.openMain(path) {
        while reader.readLine() != nil { lines += 1 }
    }
    let loaded = ConfigLoader.load(.init(configFile: path, configID: "lab1"), host: host)
    return (loaded, lines, clock.now - start)
}

/// keepalived's verdict-changing problems that belong to the whole configuration, not to a line:
/// the unbalanced-brace count at the end, a missing main file, and keepalived's one-line summaries
/// printed after parsing (which keepalived prints without a line too). Everything else must point
/// at a line; add a phrase here only for a message keepalived itself gives without one.
private let wholeFilePhrases = [
    "missing '}'s or extra '{'s", "Unable to find configuration file", "No config files matched",
    "Config files missing", "Non-existent interface specified in configuration",
]

private func isWholeFile(_ diagnostic: Diagnostic) -> Bool {
    guard diagnostic.location == nil else { return false }
    return diagnostic.keepalivedClass == .missingBlockEnd || diagnostic.keepalivedClass == .fileNotFound
        || wholeFilePhrases.contains { diagnostic.message.contains($0) }
}

/// The locatable diagnostics of a parse that have no line.
private func unlocated(_ loaded: LoadedConfiguration) -> [Diagnostic] {
    loaded.diagnostics.filter { diagnostic in
        guard diagnostic.keepalivedClass != nil, !isWholeFile(diagnostic) else { return false }
        guard let location = diagnostic.location else { return true }
        return location.line < 1 || location.file.isEmpty
    }
}

/// A debug build parses each bounded input in milliseconds; this is the "it hangs" line.
private let perInputLimit = Duration.seconds(3)

@Test func fuzzedInputsNeverCrashHangOrLoseTheirLine() {
    var fuzzer = ConfigFuzzer(seed: 0x6B65_6570_616C_6976)
    var longest: (Duration, ConfigFuzzer.Kind) = (.zero, .randomBytes)
    var failures: [String] = []
    var perKind: [ConfigFuzzer.Kind: Duration] = [:]
    for index in 0..<2_000 {
        let (kind, bytes) = fuzzer.next()
        // Half the inputs also go through the lexer on its own, the rest only through the loader.
        let result = parse(bytes, lexerPass: index.isMultiple(of: 2))
        perKind[kind, default: .zero] += result.elapsed
        if result.elapsed > longest.0 { longest = (result.elapsed, kind) }
        if result.elapsed > perInputLimit {
            failures.append("input \(index) (\(kind)): took \(result.elapsed)")
        }
        for diagnostic in unlocated(result.loaded).prefix(3) {
            failures.append("input \(index) (\(kind)): no line for \(diagnostic.keepalivedClass!) '\(diagnostic.message)'")
        }
        let code = result.loaded.configTestExitCode
        if ![0, 2, 4, 5, 6].contains(code) { failures.append("input \(index) (\(kind)): exit code \(code)") }
    }
    let slowest = perKind.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key) \($0.value)" }
    print("fuzz: 2000 inputs, slowest kinds: \(slowest.joined(separator: ", ")); longest parse \(longest.0) (\(longest.1)), \(failures.count) failures")
    for failure in failures.prefix(30) { Issue.record("\(failure)") }
    #expect(failures.isEmpty)
}

@Test func everyMutationKindKeepsDiagnosticsLocated() {
    for (index, seed) in ConfigFuzzer.seedConfigs.enumerated() {
        for mutant in ConfigMutation.mutants(of: seed, name: "seed\(index)", seed: 7, count: 44) {
            let result = parse(Array(mutant.text.utf8))
            #expect(unlocated(result.loaded).isEmpty, "\(mutant.label)")
            #expect(result.elapsed < perInputLimit, "\(mutant.label)")
        }
    }
}

@Test func mutationsAreDeterministic() {
    let seed = ConfigFuzzer.seedConfigs[0]
    let a = ConfigMutation.mutants(of: seed, name: "x", seed: 42, count: 22)
    let b = ConfigMutation.mutants(of: seed, name: "x", seed: 42, count: 22)
    #expect(a.map(\.text) == b.map(\.text))
    #expect(Set(a.map { $0.label.split(separator: "~")[1].split(separator: "#")[0] }).count == ConfigMutation.allCases.count)
    var f1 = ConfigFuzzer(seed: 1), f2 = ConfigFuzzer(seed: 1)
    for _ in 0..<50 { #expect(f1.next().bytes == f2.next().bytes) }
}

@Test func aSequenceOfBillionsOfLinesIsRefusedAtOnce() {
    let result = parse(Array("global_defs {\n}\n~SEQ(i, 0, 1, 4000000000) vrrp_instance V$i\n".utf8))
    #expect(result.elapsed < .seconds(1))
    #expect(result.lines == 3)
    let refusal = result.loaded.diagnostics.first { $0.message.contains("allowed in one configuration") }
    #expect(refusal?.location?.line == 3)
    #expect(refusal?.keepalivedClass == .generalError)
    #expect(result.loaded.configTestExitCode == 5)
}

@Test func nestedSequencesStopAtTheLineBudget() {
    // 3000 × 1000 lines: each inner ~SEQ fits, together they pass the budget.
    let result = parse(Array("~SEQ(i, 3000) ~SEQ(j, 1000) $X=$i\n".utf8))
    #expect(result.lines == 0)
    #expect(result.loaded.diagnostics.contains { $0.message.contains("allowed in one configuration") && $0.location?.line == 1 })
    #expect(result.elapsed < .seconds(30))
}

@Test func sequencesEndingAtTheLimitsOfIntDoNotTrap() {
    let text = "~SEQ(i, 9223372036854775806, 1, 9223372036854775807) a $i\n~SEQ(i, -9223372036854775807, -1, -9223372036854775808) b $i\n"
    let result = parse(Array(text.utf8))
    #expect(result.lines == 4)
}

@Test func definitionsThatRecreateThemselvesStop() {
    // keepalived 2.2.7 loops for ever on both; we stop with an error at the line that uses them.
    let doubling = parse(Array("$D=${D}${D}\n$D\n".utf8))
    #expect(doubling.loaded.diagnostics.contains { $0.message.contains("expand into themselves") && $0.location?.line == 2 })
    #expect(doubling.elapsed < perInputLimit)

    let multiline = parse(Array("$M= \\\n  $M \\\n  $M\n$M\n".utf8))
    #expect(multiline.loaded.diagnostics.contains {
        $0.message.contains("multi-line definition M expands into itself") && $0.location?.line == 4
    })
    #expect(multiline.loaded.configTestExitCode == 5)
    #expect(multiline.elapsed < perInputLimit)
}
