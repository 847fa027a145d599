import IPVSModel
import LinuxNet
import Synchronization
import VRRPCore

/// The kernel's IPVS counters for the check subtree, read on the SNMP thread when a view is built
/// and kept for keepalived's STATS_REFRESH (5 s). Without IPVS (no ip_vs here) there is nothing to
/// read and the counters stay 0, as keepalived's do when it cannot read them.
final class IPVSStatisticsReader: Sendable {
    /// keepalived's STATS_REFRESH.
    static let refresh: UInt64 = 5_000_000

    private struct State {
        var client: IPVSClient?
        var unavailable = false
        var last: (at: Instant, table: IPVSTableStatistics?)?
    }

    private let state = Mutex(State())

    /// The table's counters as of at most `refresh` ago; nil when the kernel cannot say.
    func read(now: Instant) -> IPVSTableStatistics? {
        state.withLock { state in
            if let last = state.last, now.microseconds < last.at.microseconds + Self.refresh { return last.table }
            if state.client == nil && !state.unavailable {
                state.client = try? IPVSClient()
                state.unavailable = state.client == nil
            }
            let table = try? state.client?.statistics()
            state.last = (now, table)
            return table
        }
    }
}
