import Foundation

/// CPU time and resident memory of a process and its descendants, from /proc (keepalived 2.2.7 runs
/// as a parent and a VRRP child; ours is one process).
struct ProcessStats {
    /// utime + stime of every process in the tree, in seconds.
    var cpuSeconds: Double
    /// The sum of VmRSS over the tree, in KiB.
    var residentKiB: Int
    var processCount: Int

    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The tree rooted at `pid`, or nil when `pid` is gone.
    static func tree(of root: Int32) -> ProcessStats? {
        var parents: [Int32: Int32] = [:]
        var cpuTicks: [Int32: Double] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm) ": state ppid ... utime (field 14) stime (field 15).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let ppid = Int32(fields[1]), let utime = Double(fields[11]), let stime = Double(fields[12]) else { continue }
            parents[pid] = ppid
            cpuTicks[pid] = utime + stime
        }
        guard parents[root] != nil else { return nil }
        var members: Set<Int32> = [root]
        var grew = true
        while grew {
            grew = false
            for (pid, ppid) in parents where members.contains(ppid) && !members.contains(pid) {
                members.insert(pid)
                grew = true
            }
        }
        let rss = members.reduce(0) { $0 + residentKiB(of: $1) }
        let ticks = members.reduce(0) { $0 + (cpuTicks[$1] ?? 0) }
        return ProcessStats(cpuSeconds: ticks / ticksPerSecond, residentKiB: rss, processCount: members.count)
    }

    /// VmRSS of one process in KiB (0 for a zombie or a vanished process).
    static func residentKiB(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
