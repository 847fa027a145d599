import Foundation

/// Time-stamped lines read back from the logs of `tcpdump -tt` and `ip -ts monitor address`, on the
/// wall clock (CLOCK_REALTIME), which the kernel's packet time stamps use too.
enum LabLogs {
    /// The current wall-clock time in seconds since the epoch.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `tcpdump -n -tt -l` lines: `1795598608.021915 lo In IP 127.0.0.1.53042 > 127.0.0.1.16162: UDP, ...`.
    static func packets(_ text: String) -> [(time: Double, line: Substring)] {
        text.split(separator: "\n").compactMap { line in
            guard let first = line.split(separator: " ", maxSplits: 1).first, let time = Double(first) else { return nil }
            return (time, line)
        }
    }

    /// `ip -ts monitor address` lines: `[2026-11-25T09:23:28.008341] 3: e1    inet 10.9.9.9/32 ...`.
    /// ip prints local time; mktime reads it back in the same zone.
    static func addressEvents(_ text: String) -> [(time: Double, line: Substring)] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
            let stamp = line[line.index(after: line.startIndex)..<close]
            let parts = stamp.split(whereSeparator: { "-T:".contains($0) })
            let numbers = parts.prefix(5).compactMap { Int32($0) }
            guard parts.count == 6, numbers.count == 5, let seconds = Double(parts[5]) else { return nil }
            var fields = tm()
            fields.tm_year = numbers[0] - 1900
            fields.tm_mon = numbers[1] - 1
            fields.tm_mday = numbers[2]
            fields.tm_hour = numbers[3]
            fields.tm_min = numbers[4]
            fields.tm_isdst = -1
            let whole = seconds.rounded(.down)
            fields.tm_sec = Int32(whole)
            return (Double(mktime(&fields)) + seconds - whole, line)
        }
    }

    /// Times at which `address` (e.g. "10.77.0.200/") was added, from an address monitor log.
    static func additions(of address: String, in text: String) -> [Double] {
        addressEvents(text).filter { !$0.line.contains("Deleted") && $0.line.contains("inet " + address) }.map(\.time)
    }

    /// The first time in `times` at or after `start`.
    static func first(_ times: [Double], after start: Double) -> Double? {
        times.first { $0 >= start }
    }
}
