/// Reading the kernel's IPVS counters: one service dump, then one destination dump per service.
import IPVSModel
import NetlinkCodec

extension IPVSClient {
    /// Every service's counters and those of its destinations (keepalived's ipvs_update_stats reads
    /// the same dumps).
    public func statistics() throws(IPVSClientError) -> IPVSTableStatistics {
        var table = IPVSTableStatistics()
        for reply in try perform(.getServices) {
            let key: IPVSServiceKey, statistics: IPVSStatistics
            do {
                key = try IPVSReply.service(reply).key
                statistics = try IPVSReply.serviceStatistics(reply)
            } catch {
                throw .malformedReply(error)
            }
            var service = IPVSTableStatistics.Service(statistics: statistics)
            for entry in try perform(.getDestinations(key)) {
                do {
                    let destination = try IPVSReply.destination(entry, serviceFamily: key.family)
                    service.destinations.append(.init(
                        key: destination.key, statistics: try IPVSReply.destinationStatistics(entry),
                        activeConnections: destination.activeConnections, inactiveConnections: destination.inactiveConnections,
                        persistentConnections: destination.persistentConnections))
                } catch {
                    throw .malformedReply(error)
                }
            }
            table.services[key] = service
        }
        return table
    }
}
