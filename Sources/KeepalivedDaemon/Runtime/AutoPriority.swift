/// keepalived.conf: max_auto_priority / min_auto_priority_delay — the decision keepalived's
/// scheduler makes when a timer fires late: log it and raise the SCHED_RR priority one step, up to
/// the maximum. Pure: the caller measures the lateness and applies the priority it returns.
struct AutoPriority: Sendable, Equatable {
    /// keepalived.conf: max_auto_priority (0 or -1: never raised)
    var maximum: Int
    /// keepalived.conf: min_auto_priority_delay, µs a timer may be late before anything happens
    var minimumDelay: UInt64
    /// The SCHED_RR priority the thread runs at now (0: not real time).
    var current: Int

    /// What a late timer leads to: keepalived's log line, and the priority to set (nil: unchanged).
    struct Decision: Equatable {
        var lines: [String]
        var priority: Int?
    }

    /// keepalived's scheduler: a timer `lateBy` µs past its expiry. Past `minimumDelay` the lateness
    /// is logged; then, if allowed, real time starts at priority 1 or goes up by one.
    mutating func timerExpired(lateBy: UInt64) -> Decision {
        guard lateBy > minimumDelay else { return Decision(lines: [], priority: nil) }
        let seconds = lateBy / 1_000_000
        let micros = String(lateBy % 1_000_000)
        var lines = ["A thread timer expired \(seconds).\(String(repeating: "0", count: 6 - micros.count))\(micros) seconds ago"]
        guard maximum > 0, current < maximum else { return Decision(lines: lines, priority: nil) }
        current = current == 0 ? 1 : current + 1
        lines.append("Set realtime priority \(current)")
        return Decision(lines: lines, priority: current)
    }
}
