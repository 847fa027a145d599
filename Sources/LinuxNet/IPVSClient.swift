/// Programs the kernel's IPVS table over generic netlink (family "IPVS"): services, destinations,
/// dumps of the table, flush. One request at a time, each acknowledged before the next.
import IPVSModel
import NetlinkCodec
import NetworkTypes

/// Why an IPVS operation failed.
public enum IPVSClientError: Error, Sendable, CustomStringConvertible {
    /// The kernel has no IPVS family (no ip_vs module, or it cannot be loaded).
    case familyUnavailable(SystemCallError)
    /// The kernel refused a request (EEXIST, ESRCH, ENOENT for an unknown scheduler, ...).
    case kernel(SystemCallError)
    /// A reply we could not read.
    case malformedReply(IPVSDecodeError)

    public var description: String {
        switch self {
        case let .familyUnavailable(error): "IPVS is not available: \(error)"
        case let .kernel(error): "\(error)"
        case let .malformedReply(reason): "malformed IPVS reply: \(reason)"
        }
    }

    /// The errno of a kernel refusal, if that is what this is.
    public var errno: Int32? {
        switch self {
        case let .familyUnavailable(error), let .kernel(error): error.errno
        case .malformedReply: nil
        }
    }
}

/// A generic netlink socket talking to the IPVS family. Not thread-safe: one owner.
public final class IPVSClient: @unchecked Sendable {
    private let socket: NetlinkSocket
    /// What the controller said about "IPVS" (id, version, highest attribute).
    public let family: GenericNetlinkFamily

    /// Opens a NETLINK_GENERIC socket and resolves the family; asking for it makes the kernel load
    /// ip_vs if it can.
    public init() throws(IPVSClientError) {
        do {
            socket = try NetlinkSocket(netlinkProtocol: GenericNetlinkConstants.NETLINK_GENERIC)
        } catch {
            throw .familyUnavailable(error)
        }
        let replies: [NetlinkMessage]
        do {
            replies = try socket.exchange({ GenericNetlinkFamily.lookupRequest(name: IPVSConstants.familyName, sequence: $0) }, name: "CTRL_CMD_GETFAMILY(IPVS)")
        } catch {
            throw .familyUnavailable(error)
        }
        guard let family = replies.lazy.compactMap({ GenericNetlinkFamily(reply: $0) }).first else {
            throw .malformedReply(.missingAttribute("CTRL_ATTR_FAMILY_ID"))
        }
        self.family = family
    }

    /// Sends one request and returns its replies (a dump's entries; nothing for an acknowledged change).
    @discardableResult
    public func perform(_ request: IPVSRequest) throws(IPVSClientError) -> [NetlinkMessage] {
        do {
            return try socket.exchange({ request.message(familyID: family.id, sequence: $0) }, name: request.name)
        } catch {
            throw .kernel(error)
        }
    }

    public func addService(_ service: IPVSService) throws(IPVSClientError) { try perform(.newService(service)) }
    public func updateService(_ service: IPVSService) throws(IPVSClientError) { try perform(.setService(service)) }
    public func removeService(_ key: IPVSServiceKey) throws(IPVSClientError) { try perform(.deleteService(key)) }

    public func addDestination(_ destination: IPVSDestination, to service: IPVSServiceKey) throws(IPVSClientError) {
        try perform(.newDestination(service, destination))
    }

    public func updateDestination(_ destination: IPVSDestination, in service: IPVSServiceKey) throws(IPVSClientError) {
        try perform(.setDestination(service, destination))
    }

    public func removeDestination(_ destination: IPVSDestinationKey, from service: IPVSServiceKey) throws(IPVSClientError) {
        try perform(.deleteDestination(service, destination))
    }

    /// Removes every service and destination.
    public func flush() throws(IPVSClientError) { try perform(.flush) }

    public func info() throws(IPVSClientError) -> IPVSInfo {
        guard let reply = try perform(.getInfo).first else { throw .malformedReply(.missingAttribute("IPVS_INFO_ATTR_VERSION")) }
        do { return try IPVSReply.info(reply) } catch { throw .malformedReply(error) }
    }

    /// The connection timeouts (`ipvsadm -L --timeout`).
    public func timeouts() throws(IPVSClientError) -> IPVSTimeouts {
        guard let reply = try perform(.getTimeouts).first else { throw .malformedReply(.missingAttribute("IPVS_CMD_ATTR_TIMEOUT_TCP")) }
        do { return try IPVSReply.timeouts(reply) } catch { throw .malformedReply(error) }
    }

    public func setTimeouts(_ timeouts: IPVSTimeouts) throws(IPVSClientError) { try perform(.setTimeouts(timeouts)) }

    /// Starts a sync daemon (EEXIST when one of that state runs).
    public func startDaemon(_ daemon: IPVSSyncDaemon) throws(IPVSClientError) { try perform(.newDaemon(daemon)) }

    /// Stops the sync daemon of `state` (ESRCH when none runs).
    public func stopDaemon(_ state: IPVSSyncState, syncID: UInt32) throws(IPVSClientError) {
        try perform(.deleteDaemon(state, syncID: syncID))
    }

    public func services() throws(IPVSClientError) -> [IPVSService] {
        var services: [IPVSService] = []
        for reply in try perform(.getServices) {
            do { services.append(try IPVSReply.service(reply)) } catch { throw .malformedReply(error) }
        }
        return services
    }

    public func destinations(of service: IPVSServiceKey) throws(IPVSClientError) -> [IPVSDestination] {
        var destinations: [IPVSDestination] = []
        for reply in try perform(.getDestinations(service)) {
            do { destinations.append(try IPVSReply.destination(reply, serviceFamily: service.family)) } catch { throw .malformedReply(error) }
        }
        return destinations
    }

    /// Sends `changes` in order, stopping at the first the kernel refuses.
    public func apply(_ changes: [IPVSChange]) throws(IPVSClientError) {
        for change in changes { try perform(IPVSRequest(change)) }
    }

    /// Makes the kernel's table `desired`, changing only what differs; returns what was changed.
    @discardableResult
    public func synchronize(to desired: IPVSTable) throws(IPVSClientError) -> [IPVSChange] {
        let changes = try table().changes(to: desired)
        try apply(changes)
        return changes
    }

    /// The whole table, as `ipvsadm -Ln` lists it.
    public func table() throws(IPVSClientError) -> IPVSTable {
        var servers: [IPVSVirtualServer] = []
        for service in try services() {
            servers.append(IPVSVirtualServer(service: service, destinations: try destinations(of: service.key)))
        }
        return IPVSTable(servers)
    }
}

extension IPVSRequest {
    /// The command's name in <linux/ip_vs.h>, for errors.
    var name: String {
        switch self {
        case .newService: "IPVS_CMD_NEW_SERVICE"
        case .setService: "IPVS_CMD_SET_SERVICE"
        case .deleteService: "IPVS_CMD_DEL_SERVICE"
        case .newDestination: "IPVS_CMD_NEW_DEST"
        case .setDestination: "IPVS_CMD_SET_DEST"
        case .deleteDestination: "IPVS_CMD_DEL_DEST"
        case .getServices: "IPVS_CMD_GET_SERVICE"
        case .getDestinations: "IPVS_CMD_GET_DEST"
        case .getInfo: "IPVS_CMD_GET_INFO"
        case .flush: "IPVS_CMD_FLUSH"
        case .getTimeouts: "IPVS_CMD_GET_CONFIG"
        case .setTimeouts: "IPVS_CMD_SET_CONFIG"
        case .newDaemon: "IPVS_CMD_NEW_DAEMON"
        case .deleteDaemon: "IPVS_CMD_DEL_DAEMON"
        }
    }
}
