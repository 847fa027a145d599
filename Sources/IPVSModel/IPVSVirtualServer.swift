/// A virtual service with its destinations, and the whole table as a sorted list of them.

/// One service and its real servers.
public struct IPVSVirtualServer: Sendable, Hashable {
    public var service: IPVSService
    public var destinations: [IPVSDestination]

    public init(service: IPVSService, destinations: [IPVSDestination] = []) {
        self.service = service
        self.destinations = destinations
    }

    public func destination(_ key: IPVSDestinationKey) -> IPVSDestination? {
        destinations.first { $0.key == key }
    }
}

/// The IPVS table: every virtual service, sorted by key, each with its destinations sorted by key.
public struct IPVSTable: Sendable, Hashable {
    public private(set) var virtualServers: [IPVSVirtualServer]

    public init(_ virtualServers: [IPVSVirtualServer] = []) {
        self.virtualServers = virtualServers
            .map { IPVSVirtualServer(service: $0.service, destinations: $0.destinations.sorted { $0.key < $1.key }) }
            .sorted { $0.service.key < $1.service.key }
    }

    public func virtualServer(_ key: IPVSServiceKey) -> IPVSVirtualServer? {
        virtualServers.first { $0.service.key == key }
    }

    /// The table without kernel bookkeeping (hashed flag, connection counts).
    public var comparable: IPVSTable {
        IPVSTable(virtualServers.map {
            IPVSVirtualServer(service: $0.service.comparable, destinations: $0.destinations.map(\.comparable))
        })
    }
}
