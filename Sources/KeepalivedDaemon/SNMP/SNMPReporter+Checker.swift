import CheckerCore
import SNMPModel

/// The checker's hooks into the SNMP reporter (called on the checker thread, never blocking it):
/// its snapshots for the check subtree and keepalived's two check traps.
extension SNMPReporter {
    /// A new checker snapshot: stored, and the MIB view republished.
    func checkerStatusChanged(_ snapshot: CheckerStatusSnapshot) {
        guard checkerBase != nil else { return }
        checkerLatest.withLock { $0 = snapshot }
        publish()
    }

    /// realServerStateChange for a real server (by configuration position) that went up or down.
    func realServerChanged(virtualServer v: Int, realServer r: Int, _ snapshot: CheckerStatusSnapshot) {
        guard checkerTraps, let vs = checkerVirtualServer(v, snapshot), vs.realServers.indices.contains(r) else { return }
        send(.realServerStateChange(vs.realServers[r], of: vs, routerId: routerId))
    }

    /// virtualServerQuorumStateChange for a virtual server whose quorum changed, or that is cleared at shutdown.
    func quorumChanged(virtualServer v: Int, stopping: Bool, _ snapshot: CheckerStatusSnapshot) {
        guard checkerTraps, let vs = checkerVirtualServer(v, snapshot) else { return }
        send(.virtualServerQuorumStateChange(vs, stopping: stopping, routerId: routerId))
    }

    private func checkerVirtualServer(_ v: Int, _ snapshot: CheckerStatusSnapshot) -> SNMPCheckerStatus.VirtualServer? {
        guard let base = checkerBase else { return nil }
        let status = SNMPCheckerAssembly.status(base, snapshot)
        return status.virtualServers.indices.contains(v) ? status.virtualServers[v] : nil
    }
}
