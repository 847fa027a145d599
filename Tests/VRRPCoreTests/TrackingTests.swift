import Testing
@testable import VRRPCore

/// keepalived's priority arithmetic (features reference §4.5; vrrp_track.c, track_file.c).
@Suite struct TrackingTests {
    struct UpDownCase: CustomTestStringConvertible, Sendable {
        let weight: Int, reverse: Bool, up: Bool, effect: TrackingEffect
        var testDescription: String { "weight \(weight)\(reverse ? " reverse" : "") \(up ? "up" : "down")" }
    }

    /// interface / script / process / bfd: ok adds w·m when w > 0, failed adds w·m when w < 0.
    @Test(arguments: [
        UpDownCase(weight: 10, reverse: false, up: true, effect: .priority(10)),
        UpDownCase(weight: 10, reverse: false, up: false, effect: .priority(0)),
        UpDownCase(weight: -10, reverse: false, up: true, effect: .priority(0)),
        UpDownCase(weight: -10, reverse: false, up: false, effect: .priority(-10)),
        UpDownCase(weight: 10, reverse: true, up: true, effect: .priority(-10)),
        UpDownCase(weight: 10, reverse: true, up: false, effect: .priority(0)),
        UpDownCase(weight: -10, reverse: true, up: false, effect: .priority(10)),
        UpDownCase(weight: -10, reverse: true, up: true, effect: .priority(0)),
        UpDownCase(weight: 0, reverse: false, up: false, effect: .fault),
        UpDownCase(weight: 0, reverse: false, up: true, effect: .priority(0)),
        UpDownCase(weight: 0, reverse: true, up: true, effect: .fault),
        UpDownCase(weight: 0, reverse: true, up: false, effect: .priority(0)),
    ])
    func upDownContributions(_ c: UpDownCase) {
        for tracker in [TrackerID.interface("eth1"), .script("chk"), .process("haproxy"), .bfd("b1")] {
            let binding = TrackingBinding(tracker, weight: c.weight, reverse: c.reverse)
            #expect(binding.effect(of: c.up ? .ok : .failed) == c.effect)
        }
    }

    /// Going between OK and KO moves the total by abs(w)·m, as keepalived's incremental updates do.
    @Test(arguments: [10, -10, 37, -254])
    func changesMoveByTheAbsoluteWeight(weight: Int) {
        for reverse in [false, true] {
            let binding = TrackingBinding(.script("chk"), weight: weight, reverse: reverse)
            guard case let .priority(ok) = binding.effect(of: .ok), case let .priority(ko) = binding.effect(of: .failed) else {
                Issue.record("weighted tracker gave a fault")
                return
            }
            #expect(ok - ko == abs(weight) * (reverse ? -1 : 1))
        }
    }

    struct FileCase: CustomTestStringConvertible, Sendable {
        let value: Int64, weight: Int, reverse: Bool, effect: TrackingEffect
        var testDescription: String { "value \(value) weight \(weight)\(reverse ? " reverse" : "")" }
    }

    @Test(arguments: [
        FileCase(value: 0, weight: 0, reverse: false, effect: .priority(0)),
        FileCase(value: 3, weight: 0, reverse: false, effect: .fault),
        FileCase(value: 0, weight: 0, reverse: true, effect: .fault),
        FileCase(value: -1, weight: 0, reverse: true, effect: .priority(0)),
        FileCase(value: 5, weight: 10, reverse: false, effect: .priority(50)),
        FileCase(value: 5, weight: 10, reverse: true, effect: .priority(-50)),
        FileCase(value: -5, weight: 10, reverse: false, effect: .priority(-50)),
        FileCase(value: 100, weight: 3, reverse: false, effect: .priority(253)),
        FileCase(value: -100, weight: 2, reverse: false, effect: .priority(-200)),
        FileCase(value: -127, weight: 2, reverse: false, effect: .fault),
        FileCase(value: -253, weight: 1, reverse: false, effect: .priority(-253)),
        FileCase(value: 254, weight: 1, reverse: true, effect: .fault),
    ])
    func fileContributions(_ c: FileCase) {
        #expect(TrackingBinding(.file("f"), weight: c.weight, reverse: c.reverse).effect(of: .value(c.value)) == c.effect)
    }

    struct SummaryCase: CustomTestStringConvertible, Sendable {
        let base: UInt8, deltas: [Int], effective: UInt8
        var testDescription: String { "\(base) + \(deltas) = \(effective)" }
    }

    /// effective = clamp(base + Σ, 1, 254); an owner stays 255.
    @Test(arguments: [
        SummaryCase(base: 100, deltas: [10, -30], effective: 80),
        SummaryCase(base: 100, deltas: [200], effective: 254),
        SummaryCase(base: 100, deltas: [-150], effective: 1),
        SummaryCase(base: 254, deltas: [1], effective: 254),
        SummaryCase(base: 1, deltas: [-1], effective: 1),
        SummaryCase(base: 255, deltas: [-50], effective: 255),
        SummaryCase(base: 255, deltas: [], effective: 255),
    ])
    func effectivePriorityClamps(_ c: SummaryCase) {
        let bindings = c.deltas.enumerated().map { TrackingBinding(.file("f\($0.offset)"), weight: $0.element) }
        let summary = TrackingSummary(base: Priority(c.base), bindings: bindings) { _ in .value(1) }
        #expect(summary.totalPriority == (c.base == 255 ? 255 : Int(c.base) + c.deltas.reduce(0, +)))
        #expect(summary.effectivePriority == Priority(c.effective))
        #expect(!summary.isFaulty)
    }

    @Test func faultsAndPendingScriptsAreCollected() {
        let bindings = [
            TrackingBinding(.interface("eth1")), TrackingBinding(.script("a")), TrackingBinding(.script("b"), weight: 20),
            TrackingBinding(.file("f"), weight: -1),
        ]
        let status: [TrackerID: TrackerStatus] = [.interface("eth1"): .failed, .script("a"): .pending, .script("b"): .pending, .file("f"): .value(300)]
        let summary = TrackingSummary(base: Priority(100), bindings: bindings) { status[$0]! }
        #expect(summary.faults == [.interface("eth1"), .file("f")])
        #expect(summary.pending == [.script("a")])
        #expect(summary.effectivePriority == Priority(100))
    }

    // MARK: - Script rise/fall (keepalived's vrrp_script_child_thread)

    /// Feeds results ("+" success, "-" failure) and returns the status after each.
    private func statuses(_ script: TrackerState, _ results: String) -> ([TrackerStatus], [String]) {
        var script = script
        var log: [String] = []
        var seen: [TrackerStatus] = []
        for character in results {
            _ = script.record(character == "+" ? .succeeded : .failed(detail: "exited with status 1"), log: &log)
            seen.append(script.status)
        }
        return (seen, log)
    }

    @Test func oneSuccessIsEnoughFromTheInitialState() {
        let (seen, log) = statuses(.script("chk", rise: 3, fall: 2), "+")
        #expect(seen == [.ok])
        #expect(log == ["VRRP_Script(chk) succeeded"])
    }

    @Test func oneFailureDecidesFromTheInitialState() {
        let (seen, log) = statuses(.script("chk", rise: 3, fall: 2), "-")
        #expect(seen == [.failed])
        #expect(log == ["VRRP_Script(chk) failed (exited with status 1)"])
    }

    @Test func fallFailuresInARowAreNeededOnceOK() {
        // rise 3, fall 2: OK jumps the counter to 4; failures go 4→3→(=rise) KO.
        let (seen, log) = statuses(.script("chk", rise: 3, fall: 2), "+-+--")
        #expect(seen == [.ok, .ok, .ok, .ok, .failed])
        #expect(log == ["VRRP_Script(chk) succeeded", "VRRP_Script(chk) failed (exited with status 1)"])
    }

    @Test func riseSuccessesInARowAreNeededOnceKO() {
        // KO sets the counter to 0; it climbs to rise−1 = 2, and the next success makes it OK.
        let (seen, _) = statuses(.script("chk", rise: 3, fall: 2), "-++-+++")
        #expect(seen == [.failed, .failed, .failed, .failed, .failed, .failed, .ok])
    }

    @Test func initFailNeedsRiseSuccesses() {
        let script = TrackerState.script("chk", rise: 2, fall: 1, initFail: true)
        #expect(script.status == .failed)
        #expect(script.result == 0)
        let (seen, log) = statuses(script, "++")
        #expect(seen == [.failed, .ok])
        #expect(log == ["VRRP_Script(chk) succeeded"])
    }

    @Test func aFailureWhileKOLogsNothing() {
        let (seen, log) = statuses(.script("chk"), "--")
        #expect(seen == [.failed, .failed])
        #expect(log.count == 1)
    }

    @Test func timeoutsAreFailuresLoggedAsTimedOut() {
        var script = TrackerState.script("chk")
        var log: [String] = []
        #expect(script.record(.timedOut, log: &log))
        #expect(log == ["VRRP_Script(chk) timed_out"])
    }

    @Test func upDownTrackersReportOnlyChanges() {
        var link = TrackerState.upDown(.interface("eth1"))
        var log: [String] = []
        #expect(!link.record(.succeeded, log: &log))
        #expect(link.record(.failed(detail: nil), log: &log))
        #expect(link.status == .failed)
        var file = TrackerState.file("f", value: 2)
        #expect(!file.record(.value(2), log: &log))
        #expect(file.record(.value(-7), log: &log))
        #expect(file.status == .value(-7))
    }
}
