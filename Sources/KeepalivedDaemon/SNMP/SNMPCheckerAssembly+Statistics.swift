import IPVSModel
import NetworkTypes
import SNMPModel

/// The check subtree's IPVS counters, gathered as keepalived 2.2.7's ipvs_update_stats does.
extension SNMPCheckerAssembly {
    /// Each virtual server's counters are the sum over its kernel services (`services`, by
    /// configuration position); each destination's go to the sorry server when it is that one, else
    /// to the first real server with its address and, unless that server has no port, its port.
    static func addStatistics(_ table: IPVSTableStatistics, services: [[IPVSServiceKey]], to status: inout SNMPCheckerStatus) {
        for (v, keys) in zip(status.virtualServers.indices, services) {
            var vs = status.virtualServers[v]
            var total = IPVSStatistics()
            var sorry: Destination?, servers = [Destination?](repeating: nil, count: vs.realServers.count)
            for key in keys {
                guard let service = table.services[key] else { continue }
                total = total + service.statistics
                for destination in service.destinations {
                    if let s = vs.sorry, matches(s, destination.key) {
                        sorry = sorry.map { $0 + destination } ?? destination
                    } else if let r = vs.realServers.firstIndex(where: { matches($0, destination.key) }) {
                        servers[r] = servers[r].map { $0 + destination } ?? destination
                    }
                }
            }
            vs.statistics = total
            if let sorry { vs.sorry?.count(sorry) }
            for (r, server) in servers.enumerated() {
                if let server { vs.realServers[r].count(server) }
            }
            status.virtualServers[v] = vs
        }
    }

    typealias Destination = IPVSTableStatistics.Destination

    /// keepalived's vsd_equal.
    static func matches(_ server: SNMPCheckerStatus.RealServer, _ key: IPVSDestinationKey) -> Bool {
        server.address == key.address && (server.port == 0 || server.port == key.port)
    }
}

extension SNMPCheckerStatus.RealServer {
    /// Takes a destination's counters and connection counts.
    mutating func count(_ destination: IPVSTableStatistics.Destination) {
        statistics = destination.statistics
        activeConnections = destination.activeConnections
        inactiveConnections = destination.inactiveConnections
        persistentConnections = destination.persistentConnections
    }
}

extension IPVSTableStatistics.Destination {
    /// Two entries for the same server (in several services of a group) add up.
    static func + (lhs: Self, rhs: Self) -> Self {
        Self(key: lhs.key, statistics: lhs.statistics + rhs.statistics,
             activeConnections: lhs.activeConnections &+ rhs.activeConnections,
             inactiveConnections: lhs.inactiveConnections &+ rhs.inactiveConnections,
             persistentConnections: lhs.persistentConnections &+ rhs.persistentConnections)
    }
}
