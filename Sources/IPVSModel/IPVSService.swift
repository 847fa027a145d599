/// An IPVS virtual service as the kernel holds it: what identifies it and how it schedules.
import NetworkTypes

/// The transport protocol of an address-based virtual service (IPPROTO_* numbers).
public enum IPVSProtocol: UInt16, Sendable, Hashable, CaseIterable {
    case tcp = 6
    case udp = 17
    case sctp = 132
}

/// What identifies a virtual service in the kernel's table.
public enum IPVSServiceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A protocol, virtual address and port (port 0 only with persistence).
    case address(IPVSProtocol, IPAddress, port: UInt16)
    /// A firewall mark, per address family.
    case firewallMark(UInt32, family: IPAddress.Family)

    public var family: IPAddress.Family {
        switch self {
        case let .address(_, address, _): return address.family
        case let .firewallMark(_, family): return family
        }
    }

    /// `TCP  10.0.0.1:80` / `FWM  7`, as `ipvsadm -Ln` prints the service column.
    public var description: String {
        switch self {
        case let .address(proto, address, port):
            let name = switch proto { case .tcp: "TCP"; case .udp: "UDP"; case .sctp: "SCTP" }
            let host = address.family == .inet6 ? "[\(address)]" : "\(address)"
            return "\(name)  \(host):\(port)"
        case let .firewallMark(mark, _):
            return "FWM  \(mark)"
        }
    }

    public static func < (lhs: IPVSServiceKey, rhs: IPVSServiceKey) -> Bool {
        switch (lhs, rhs) {
        case let (.address(p1, a1, port1), .address(p2, a2, port2)):
            return (a1, port1, p1.rawValue) < (a2, port2, p2.rawValue)
        case let (.firewallMark(m1, f1), .firewallMark(m2, f2)):
            return (m1, f1 == .inet ? 0 : 1) < (m2, f2 == .inet ? 0 : 1)
        case (.address, .firewallMark):
            return true
        case (.firewallMark, .address):
            return false
        }
    }
}

/// IP_VS_SVC_F_* service flags.
public struct IPVSServiceFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Persistent: a client sticks to one real server for `timeout` seconds.
    public static let persistent = IPVSServiceFlags(rawValue: 0x1)
    /// Set by the kernel on every service in its hash table; never ours to set.
    public static let hashed = IPVSServiceFlags(rawValue: 0x2)
    /// One-packet scheduling (UDP).
    public static let onePacket = IPVSServiceFlags(rawValue: 0x4)
    /// Scheduler flags 1-3 (sh-fallback, sh-port, mh-*).
    public static let scheduler1 = IPVSServiceFlags(rawValue: 0x8)
    public static let scheduler2 = IPVSServiceFlags(rawValue: 0x10)
    public static let scheduler3 = IPVSServiceFlags(rawValue: 0x20)
}

/// One virtual service's settings (IPVS_SVC_ATTR_*), without its destinations.
public struct IPVSService: Sendable, Hashable {
    public var key: IPVSServiceKey
    /// The scheduler module's name without `ip_vs_` (`rr`, `wlc`, ...).
    public var scheduler: String
    public var flags: IPVSServiceFlags
    /// Persistence timeout in seconds (meaningful with `.persistent`).
    public var timeout: UInt32
    /// Persistence granularity. IPv4: the mask as a number (`0xffffff00` for 255.255.255.0);
    /// IPv6: a prefix length. Defaults to a single host.
    public var netmask: UInt32
    /// Persistence engine (`sip`), if any.
    public var persistenceEngine: String?

    public init(
        key: IPVSServiceKey, scheduler: String = "wlc", flags: IPVSServiceFlags = [], timeout: UInt32 = 0,
        netmask: UInt32? = nil, persistenceEngine: String? = nil
    ) {
        self.key = key
        self.scheduler = scheduler
        self.flags = flags
        self.timeout = timeout
        self.netmask = netmask ?? IPVSService.hostNetmask(key.family)
        self.persistenceEngine = persistenceEngine
    }

    /// The netmask that makes persistence per client address: /32 or /128.
    public static func hostNetmask(_ family: IPAddress.Family) -> UInt32 {
        family == .inet ? 0xffff_ffff : 128
    }

    /// The same service with the kernel's bookkeeping flags removed, for comparing with a wish.
    public var comparable: IPVSService {
        var copy = self
        copy.flags.remove(.hashed)
        return copy
    }
}
