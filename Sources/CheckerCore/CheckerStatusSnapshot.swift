/// The checker's run-time state as an immutable value, for readers on other threads (SNMP).

/// What the health checker has decided so far, by configuration position.
public struct CheckerStatusSnapshot: Hashable, Sendable {
    /// One real server's run-time state.
    public struct RealServer: Hashable, Sendable {
        /// keepalived's alive: in the pool as far as the checks go.
        public var alive: Bool
        /// keepalived's real_weight of its effective weight: what IPVS gets.
        public var weight: UInt32
        /// keepalived's num_failed_checkers.
        public var failedCheckers: Int
        public init(alive: Bool, weight: UInt32, failedCheckers: Int) {
            self.alive = alive; self.weight = weight; self.failedCheckers = failedCheckers
        }
    }

    /// One virtual server's run-time state.
    public struct VirtualServer: Hashable, Sendable {
        /// keepalived's alive for a virtual server: its service is in the IPVS table (set by
        /// init_services, cleared by clear_services).
        public var inService: Bool
        public var quorumUp: Bool
        public var realServers: [RealServer]
        public init(inService: Bool, quorumUp: Bool, realServers: [RealServer]) {
            self.inService = inService; self.quorumUp = quorumUp; self.realServers = realServers
        }
    }

    public var virtualServers: [VirtualServer]
    public init(virtualServers: [VirtualServer]) { self.virtualServers = virtualServers }
}

extension HealthChecker {
    /// The current state, for the SNMP tables and traps.
    public var statusSnapshot: CheckerStatusSnapshot {
        CheckerStatusSnapshot(virtualServers: zip(virtualServers, services).map { vs, services in
            .init(inService: services.first.map { table.virtualServer($0.key) != nil } ?? false,
                  quorumUp: vs.quorumUp, realServers: vs.realServers.map {
                      .init(alive: $0.alive, weight: $0.ipvsWeight, failedCheckers: $0.failedCheckers)
                  })
        })
    }
}
