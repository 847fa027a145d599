import Foundation

/// One line of a benchmark table: our value, keepalived 2.2.7's, their ratio and the target.
struct BenchRow {
    /// How a value is printed.
    enum Unit {
        case seconds, milliseconds, mebibytes, percent, perSecond
    }

    /// What "good enough" means for our value.
    enum Target {
        /// Ours no more than this (in the row's unit).
        case atMost(Double)
        /// Ours no less than this (in the row's unit).
        case atLeast(Double)
        /// Ours no more than this fraction of keepalived's.
        case ratioAtMost(Double)
        /// Ours no more than this (in the row's unit) and no more than this fraction of keepalived's.
        case atMostAndRatio(Double, Double)
        /// Ours inside [low, high] (in the row's unit).
        case within(Double, Double)
    }

    var what: String
    var ours: Double?
    var theirs: Double?
    var unit: Unit
    var target: Target?
    var note: String = ""

    var ratio: Double? {
        guard let ours, let theirs, theirs > 0 else { return nil }
        return ours / theirs
    }

    /// PASS, MISS, or "-" (no target, or nothing measured).
    var verdict: String {
        guard let target, let ours else { return target == nil ? "-" : "MISS (no value)" }
        switch target {
        case .atMost(let limit): return ours <= limit ? "PASS" : "MISS"
        case .atLeast(let limit): return ours >= limit ? "PASS" : "MISS"
        case .ratioAtMost(let limit):
            guard let ratio else { return "- (no keepalived value)" }
            return ratio <= limit ? "PASS" : "MISS"
        case .atMostAndRatio(let limit, let most):
            guard let ratio else { return "- (no keepalived value)" }
            return ours <= limit && ratio <= most ? "PASS" : "MISS"
        case .within(let low, let high): return ours >= low && ours <= high ? "PASS" : "MISS"
        }
    }

    func format(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        switch unit {
        case .seconds: return String(format: "%.3f s", value)
        case .milliseconds: return String(format: value < 10 ? "%.2f ms" : "%.1f ms", value)
        case .mebibytes: return String(format: "%.1f MiB", value)
        case .percent: return String(format: "%.2f %%", value)
        case .perSecond: return String(format: "%.1f /s", value)
        }
    }

    var targetText: String {
        switch target {
        case nil: return "-"
        case .atMost(let limit): return "<= " + format(limit)
        case .atLeast(let limit): return ">= " + format(limit)
        case .ratioAtMost(let limit): return String(format: "ratio <= %.2f", limit)
        case .atMostAndRatio(let limit, let most): return "<= " + format(limit) + String(format: ", ratio <= %.2f", most)
        case .within(let low, let high): return "[" + format(low) + ", " + format(high) + "]"
        }
    }
}

/// Prints benchmark tables with aligned columns.
enum BenchTable {
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    static func print(_ title: String, _ rows: [BenchRow]) {
        let header = ["", "ours", "keepalived", "ratio", "target", "result"]
        let cells = rows.map { row in
            [row.what, row.format(row.ours), row.format(row.theirs), row.ratio.map { String(format: "%.2f", $0) } ?? "-",
             row.targetText, row.verdict]
        }
        let widths = (0..<header.count).map { column in ([header] + cells).map { $0[column].count }.max()! + 2 }
        Swift.print("")
        Swift.print(title)
        Swift.print((0..<header.count).map { pad(header[$0], widths[$0]) }.joined())
        for (row, line) in zip(rows, cells) {
            Swift.print((0..<line.count).map { pad(line[$0], widths[$0]) }.joined())
            if !row.note.isEmpty { Swift.print("    " + row.note) }
        }
    }
}
