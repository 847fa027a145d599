/// Configuration → IPVS: the kernel services a virtual_server stands for and the destination each
/// real server becomes in them, as keepalived 2.2.7 fills its service and destination rules
/// (ipvswrapper.c: ipvs_set_srule, ipvs_set_drule, ipvs_group_cmd).
import IPVSModel
import KeepalivedConfig
import NetworkTypes

public enum IPVSPlan {
    /// The services of one virtual server, in the order keepalived adds them: one for an address
    /// or fwmark service; for a `virtual_server group`, every address of each range entry, then
    /// each fwmark entry. An unknown group gives none (keepalived: "return if jointure fails").
    public static func services(_ vs: VirtualServer, groups: [VirtualServerGroup]) -> [IPVSService] {
        let family = serviceFamily(vs, groups: groups)
        let proto = serviceProtocol(vs.serviceProtocol)
        var flags = IPVSServiceFlags(rawValue: vs.flags.rawValue)
        var netmask = IPVSService.hostNetmask(family)
        if vs.persistenceTimeout > 0 {
            flags.insert(.persistent)
            switch vs.persistenceGranularity {
            case .ipv4Mask(.v4(let mask))?: netmask = mask
            case .ipv6PrefixLength(let bits)?: netmask = UInt32(bits)
            default: break
            }
        }
        let timeout = vs.persistenceTimeout
        let engine = vs.persistenceTimeout > 0 ? vs.persistenceEngine : nil
        func service(_ key: IPVSServiceKey, netmask: UInt32) -> IPVSService {
            IPVSService(key: key, scheduler: (vs.scheduler ?? .wlc).rawValue, flags: flags, timeout: timeout,
                        netmask: netmask, persistenceEngine: engine)
        }
        switch vs.service {
        case let .address(address, port):
            return [service(.address(proto, address, port: port ?? 0), netmask: netmask)]
        case let .fwmark(mark):
            return [service(.firewallMark(mark, family: family), netmask: netmask)]
        case let .group(name):
            guard let group = groups.first(where: { $0.name == name }) else { return [] }
            // keepalived: group entries always get a single-host mask, whatever persistence_granularity says.
            var services: [IPVSService] = []
            for case let .addresses(first, last, port) in group.addressEntries {
                for address in addresses(from: first, to: last) {
                    services.append(service(.address(proto, address, port: port ?? 0),
                                            netmask: IPVSService.hostNetmask(address.family)))
                }
            }
            for case let .fwmark(mark, entryFamily) in group.fwmarkEntries {
                let markFamily = entryFamily ?? vs.family ?? .inet
                services.append(service(.firewallMark(mark, family: markFamily), netmask: IPVSService.hostNetmask(markFamily)))
            }
            return services
        }
    }

    /// One real (or sorry) server as a destination of `service`. NAT keeps the server's own port;
    /// DR and TUN take the service's port (0 for a fwmark service), as keepalived sends them.
    public static func destination(
        address: IPAddress, port: UInt16, forwarding: ForwardingMethod, weight: Int32,
        upperThreshold: UInt32 = 0, lowerThreshold: UInt32 = 0, in service: IPVSServiceKey
    ) -> IPVSDestination {
        var destinationPort = port
        if forwarding.kind != .nat {
            switch service {
            case let .address(_, _, servicePort): destinationPort = servicePort
            case .firewallMark: destinationPort = 0
            }
        }
        return IPVSDestination(address: address, port: destinationPort, forwarding: forwardingMethod(forwarding),
                               weight: weight, upperThreshold: upperThreshold, lowerThreshold: lowerThreshold,
                               tunnel: tunnel(forwarding))
    }

    /// keepalived.conf: lvs_method TUN type ipip|gue|gre [port N] [nocsum|csum|remcsum]; every
    /// other method leaves the kernel's ipip, port 0, no flags.
    public static func tunnel(_ method: ForwardingMethod) -> IPVSTunnel {
        guard method.kind == .tunnel else { return .ipip }
        let type: IPVSTunnelType = switch method.tunnelType {
        case .ipip: .ipip
        case .gue: .gue
        case .gre: .gre
        }
        let flags: IPVSTunnelFlags = switch method.tunnelChecksum {
        case .none: []
        case .checksum: .checksum
        case .remote: .remoteChecksum
        }
        return IPVSTunnel(type: type, port: method.tunnelPort ?? 0, flags: flags)
    }

    /// keepalived.conf: lvs_method / lb_kind → IP_VS_CONN_F_*.
    public static func forwardingMethod(_ method: ForwardingMethod) -> IPVSForwardingMethod {
        switch method.kind {
        case .nat: .masquerade
        case .directRouting: .directRoute
        case .tunnel: .tunnel
        }
    }

    /// keepalived.conf: protocol. Only fwmark services go without one, and there it is not sent.
    static func serviceProtocol(_ proto: VirtualServer.ServiceProtocol?) -> IPVSProtocol {
        switch proto {
        case .udp?: .udp
        case .sctp?: .sctp
        case .tcp?, nil: .tcp
        }
    }

    /// keepalived: the virtual server's family; a group without ip_family is IPv4 if it has any
    /// IPv4 entry; a fwmark service without one takes its real servers' family, else IPv4.
    static func serviceFamily(_ vs: VirtualServer, groups: [VirtualServerGroup]) -> IPAddress.Family {
        if let address = vs.address { return address.family }
        if let family = vs.family { return family }
        if let name = vs.groupName, let group = groups.first(where: { $0.name == name }) {
            return group.hasIPv4 || !group.hasIPv6 ? .inet : .inet6
        }
        return vs.realServers.first?.address.family ?? .inet
    }

    /// keepalived's range walk: IPv4 counts up the whole address, IPv6 only its last 16 bits.
    static func addresses(from first: IPAddress, to last: IPAddress) -> [IPAddress] {
        switch (first, last) {
        case let (.v4(start), .v4(end)) where start < end:
            return (start...end).map { IPAddress.v4($0) }
        case let (.v6(high, low), .v6(_, endLow)) where UInt16(truncatingIfNeeded: low) < UInt16(truncatingIfNeeded: endLow):
            let base = low & ~0xffff
            return (UInt16(truncatingIfNeeded: low)...UInt16(truncatingIfNeeded: endLow)).map {
                IPAddress.v6(high: high, low: base | UInt64($0))
            }
        default:
            return [first]
        }
    }
}
