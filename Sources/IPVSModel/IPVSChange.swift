/// The changes that turn one IPVS table into another, touching only what differs (what a reload or
/// a checker verdict sends to the kernel).

/// One change to the kernel's table.
public enum IPVSChange: Sendable, Hashable {
    case addService(IPVSService)
    /// Same key, other settings (scheduler, flags, persistence).
    case updateService(IPVSService)
    /// Removes the service and, with it, its destinations.
    case removeService(IPVSServiceKey)
    case addDestination(IPVSServiceKey, IPVSDestination)
    /// Same address and port, other settings (weight, forwarding method, thresholds).
    case updateDestination(IPVSServiceKey, IPVSDestination)
    case removeDestination(IPVSServiceKey, IPVSDestinationKey)
    /// Empties the whole table (keepalived's lvs_flush at start, lvs_flush_on_stop); never part of a diff.
    case flush
}

extension IPVSTable {
    /// The changes that make this table (what the kernel holds) into `desired`, in an order the kernel
    /// accepts: services that go first, then changes within services that stay (removals before
    /// additions, so a full service's thresholds never see both), then new services with their
    /// destinations. Kernel bookkeeping (the hashed flag, connection counts) never causes a change.
    public func changes(to desired: IPVSTable) -> [IPVSChange] {
        let current = comparable
        let wanted = desired.comparable
        var changes: [IPVSChange] = []
        for server in current.virtualServers where wanted.virtualServer(server.service.key) == nil {
            changes.append(.removeService(server.service.key))
        }
        for target in wanted.virtualServers {
            guard let existing = current.virtualServer(target.service.key) else { continue }
            if existing.service != target.service { changes.append(.updateService(target.service)) }
            changes += IPVSTable.destinationChanges(from: existing, to: target)
        }
        for target in wanted.virtualServers where current.virtualServer(target.service.key) == nil {
            changes.append(.addService(target.service))
            changes += target.destinations.map { .addDestination(target.service.key, $0) }
        }
        return changes
    }

    static func destinationChanges(from existing: IPVSVirtualServer, to target: IPVSVirtualServer) -> [IPVSChange] {
        let key = target.service.key
        var changes: [IPVSChange] = []
        for destination in existing.destinations where target.destination(destination.key) == nil {
            changes.append(.removeDestination(key, destination.key))
        }
        for destination in target.destinations {
            if let old = existing.destination(destination.key) {
                if old != destination { changes.append(.updateDestination(key, destination)) }
            } else {
                changes.append(.addDestination(key, destination))
            }
        }
        return changes
    }

    /// This table with `change` applied, as the kernel would hold it afterwards (for tests and for
    /// keeping a shadow of the kernel's table).
    public func applying(_ change: IPVSChange) -> IPVSTable {
        var servers = virtualServers
        func index(_ key: IPVSServiceKey) -> Int? { servers.firstIndex { $0.service.key == key } }
        switch change {
        case let .addService(service):
            if index(service.key) == nil { servers.append(IPVSVirtualServer(service: service)) }
        case let .updateService(service):
            if let i = index(service.key) { servers[i].service = service }
        case let .removeService(key):
            servers.removeAll { $0.service.key == key }
        case let .addDestination(key, destination), let .updateDestination(key, destination):
            if let i = index(key) {
                servers[i].destinations.removeAll { $0.key == destination.key }
                servers[i].destinations.append(destination)
            }
        case let .removeDestination(key, destination):
            if let i = index(key) { servers[i].destinations.removeAll { $0.key == destination } }
        case .flush:
            servers.removeAll()
        }
        return IPVSTable(servers)
    }
}
