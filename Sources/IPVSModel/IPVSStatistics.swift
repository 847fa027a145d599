/// IPVS traffic counters and rate estimates of a service or a destination, as a dump reports them.

/// The kernel's struct ip_vs_kstats (IPVS_SVC_ATTR_STATS64 / IPVS_DEST_ATTR_STATS64; the older
/// 32-bit attributes read into the same fields).
public struct IPVSStatistics: Sendable, Hashable {
    public var connections: UInt64 = 0
    public var inPackets: UInt64 = 0
    public var outPackets: UInt64 = 0
    public var inBytes: UInt64 = 0
    public var outBytes: UInt64 = 0
    /// The kernel estimator's rates: connections, packets and bytes per second.
    public var connectionRate: UInt64 = 0
    public var inPacketRate: UInt64 = 0
    public var outPacketRate: UInt64 = 0
    public var inByteRate: UInt64 = 0
    public var outByteRate: UInt64 = 0

    public init() {}

    /// Field by field sums (keepalived adds up the services of a group, wrapping as C does).
    public static func + (lhs: IPVSStatistics, rhs: IPVSStatistics) -> IPVSStatistics {
        var sum = IPVSStatistics()
        sum.connections = lhs.connections &+ rhs.connections
        sum.inPackets = lhs.inPackets &+ rhs.inPackets
        sum.outPackets = lhs.outPackets &+ rhs.outPackets
        sum.inBytes = lhs.inBytes &+ rhs.inBytes
        sum.outBytes = lhs.outBytes &+ rhs.outBytes
        sum.connectionRate = lhs.connectionRate &+ rhs.connectionRate
        sum.inPacketRate = lhs.inPacketRate &+ rhs.inPacketRate
        sum.outPacketRate = lhs.outPacketRate &+ rhs.outPacketRate
        sum.inByteRate = lhs.inByteRate &+ rhs.inByteRate
        sum.outByteRate = lhs.outByteRate &+ rhs.outByteRate
        return sum
    }
}

/// What one statistics read of the kernel's table gives: per service, its counters and those of
/// each destination with the destination's connection counts.
public struct IPVSTableStatistics: Sendable, Hashable {
    public struct Destination: Sendable, Hashable {
        public var key: IPVSDestinationKey
        public var statistics: IPVSStatistics
        public var activeConnections: UInt32
        public var inactiveConnections: UInt32
        public var persistentConnections: UInt32
        public init(key: IPVSDestinationKey, statistics: IPVSStatistics, activeConnections: UInt32 = 0,
                    inactiveConnections: UInt32 = 0, persistentConnections: UInt32 = 0) {
            self.key = key; self.statistics = statistics; self.activeConnections = activeConnections
            self.inactiveConnections = inactiveConnections; self.persistentConnections = persistentConnections
        }
    }

    public struct Service: Sendable, Hashable {
        public var statistics: IPVSStatistics
        public var destinations: [Destination]
        public init(statistics: IPVSStatistics, destinations: [Destination] = []) {
            self.statistics = statistics; self.destinations = destinations
        }
    }

    public var services: [IPVSServiceKey: Service]
    public init(services: [IPVSServiceKey: Service] = [:]) { self.services = services }
}
