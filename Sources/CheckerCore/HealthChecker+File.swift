/// FILE_CHECK: a tracked file's number, times the checker's weight, adjusts the real server's
/// weight; the fault status (Int32.min) takes it down (keepalived's check_file.c with
/// track_file.c's process_update_checker_track_file_status).
import KeepalivedConfig

extension HealthChecker {
    /// The FILE_CHECKs of a real server, each with the weight it takes from its track_file when it
    /// has none; one whose track_file does not exist is left out (keepalived drops it).
    static func fileChecks(_ rs: RealServer, trackFiles: [TrackFile]) -> [TrackedFileCheck] {
        rs.fileChecks.compactMap { check in
            guard let name = check.trackFile, let file = trackFiles.first(where: { $0.name == name }) else { return nil }
            if let weight = check.weight {
                return TrackedFileCheck(trackFile: name, weight: Int64(weight), reverse: check.reverse)
            }
            return TrackedFileCheck(trackFile: name, weight: Int64(file.weight), reverse: file.weightReverse)
        }
    }

    /// keepalived at start (set_track_file_weights, set_track_file_checkers_down,
    /// set_effective_weights, init_services): a non-zero value adds value × weight to the server's
    /// weight, and one whose status is the fault (or any non-zero value with weight 0, reversed or
    /// not: keepalived's start-up rule) starts the checker down.
    mutating func applyInitialTrackFiles(_ values: [String: Int64]) {
        for id in checkerIDs {
            guard let checker = checkers[id], case .file(let file) = checker.kind else { continue }
            let value = values[file.trackFile] ?? 0
            trackFileValues[file.trackFile] = value
            guard value != 0 else { continue }
            if file.weight != 0 {
                let weight = value * file.weight * (file.reverse ? -1 : 1)
                checkers[id]?.currentWeight = weight
                virtualServers[id.virtualServer].realServers[id.realServer].effectiveWeight += weight
            }
            if file.weight == 0 || file.status(value) == TrackedFileCheck.fault {
                checkers[id]?.isUp = false
                virtualServers[id.virtualServer].realServers[id.realServer].failedCheckers += 1
            }
        }
    }

    /// A tracked file now reads `value` (keepalived's update_track_file_status for the checkers
    /// that track it, in configuration order).
    public mutating func trackFileChanged(_ name: String, value: Int64) -> [CheckerAction] {
        let last = trackFileValues[name] ?? 0
        guard value != last else { return [] }
        trackFileValues[name] = value
        var actions: [CheckerAction] = []
        for id in checkerIDs {
            guard let checker = checkers[id], case .file(let file) = checker.kind, file.trackFile == name else { continue }
            let previous = file.status(last), status = file.status(value)
            guard previous != status else { continue }
            let v = id.virtualServer, r = id.realServer
            if status == TrackedFileCheck.fault {
                actions += checkerVerdict(false, id)
                virtualServers[v].realServers[r].effectiveWeight -= checker.currentWeight
                checkers[id]?.currentWeight = 0
            } else if previous == TrackedFileCheck.fault {
                checkers[id]?.currentWeight = status
                virtualServers[v].realServers[r].effectiveWeight += status
                actions += checkerVerdict(true, id)
            } else {
                let weight = virtualServers[v].realServers[r].effectiveWeight + status - previous
                actions += updateWeight(weight, virtualServer: v, realServer: r)
                checkers[id]?.currentWeight = status
            }
        }
        return actions
    }
}
