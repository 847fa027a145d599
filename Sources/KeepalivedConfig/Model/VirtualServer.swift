/// An IPVS virtual service and everything keepalived's checker process does for it.

/// keepalived.conf: virtual_server IP PORT | IP | fwmark N | group NAME { ... }
public struct VirtualServer: Sendable, Hashable {
    /// What the `virtual_server` line names.
    public enum Service: Sendable, Hashable {
        /// `virtual_server IP [PORT]`; port nil for none (or 0), only valid with persistence.
        case address(IPAddress, port: UInt16?)
        /// `virtual_server fwmark N`
        case fwmark(UInt32)
        /// `virtual_server group NAME` (a virtual_server_group).
        case group(String)
    }

    /// The IPVS service protocol.
    public enum ServiceProtocol: String, Sendable, Hashable { case tcp = "TCP", udp = "UDP", sctp = "SCTP" }

    /// IP_VS_SVC_F_* service flags (ops, flag-1..3, sh-*/mh-*).
    public struct ServiceFlags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// keepalived.conf: ops (one-packet scheduling)
        public static let onePacket = ServiceFlags(rawValue: 0x4)
        /// keepalived.conf: flag-1, sh-fallback, mh-fallback
        public static let scheduler1 = ServiceFlags(rawValue: 0x8)
        /// keepalived.conf: flag-2, sh-port, mh-port
        public static let scheduler2 = ServiceFlags(rawValue: 0x10)
        /// keepalived.conf: flag-3
        public static let scheduler3 = ServiceFlags(rawValue: 0x20)
    }

    /// keepalived.conf: persistence_granularity
    public enum PersistenceGranularity: Sendable, Hashable {
        /// An IPv4 netmask (`255.255.255.0`).
        case ipv4Mask(IPAddress)
        /// An IPv6 prefix length (1-128).
        case ipv6PrefixLength(Int)
    }

    /// The virtual_server line.
    public var service: Service
    /// keepalived.conf: ip_family (or the family of the address, group or servers).
    public var family: IPAddress.Family?
    /// keepalived.conf: lvs_sched / lb_algo (default `wlc`, set with a warning after parsing).
    public var scheduler: LVSScheduler?
    /// keepalived.conf: ops, flag-1, flag-2, flag-3, sh-port, sh-fallback, mh-port, mh-fallback
    public var flags: ServiceFlags = []
    /// keepalived.conf: lvs_method / lb_kind (default NAT, set with a warning after parsing).
    public var forwarding: ForwardingMethod?
    /// keepalived.conf: protocol (default UDP for address services, set with a warning).
    public var serviceProtocol: ServiceProtocol?
    /// keepalived.conf: persistence_timeout, seconds (0 for none; 360 when given bare).
    public var persistenceTimeout: UInt32 = 0
    /// keepalived.conf: persistence_engine
    public var persistenceEngine: String?
    /// keepalived.conf: persistence_granularity
    public var persistenceGranularity: PersistenceGranularity?
    /// keepalived.conf: connect_timeout (µs, default 5 s)
    public var connectTimeout: UInt64 = 5_000_000
    /// keepalived.conf: delay_loop (µs, default 60 s)
    public var delayLoop: UInt64 = 60_000_000
    /// keepalived.conf: warmup (µs; nil: each checker's delay_loop)
    public var warmup: UInt64?
    /// keepalived.conf: retry (nil: each checker's default)
    public var retry: UInt32?
    /// keepalived.conf: delay_before_retry (µs; nil: each checker's default)
    public var delayBeforeRetry: UInt64?
    /// keepalived.conf: weight (default weight of the real servers, 1)
    public var weight: UInt32 = 1
    /// keepalived.conf: inhibit_on_failure
    public var inhibitOnFailure = false
    /// keepalived.conf: alpha
    public var alpha = false
    /// keepalived.conf: omega
    public var omega = false
    /// keepalived.conf: quorum (default 1)
    public var quorum: UInt32 = 1
    /// keepalived.conf: hysteresis (default 0)
    public var hysteresis: UInt32 = 0
    /// keepalived.conf: quorum_up
    public var quorumUp: NotifyScript?
    /// keepalived.conf: quorum_down
    public var quorumDown: NotifyScript?
    /// keepalived.conf: sorry_server, sorry_server_inhibit, sorry_server_lvs_method
    public var sorryServer: SorryServer?
    /// keepalived.conf: ha_suspend
    public var haSuspend = false
    /// keepalived.conf: smtp_alert (nil: the global setting, else off)
    public var smtpAlert: Bool?
    /// keepalived.conf: virtualhost (default for HTTP_GET/SSL_GET)
    public var virtualhost: String?
    /// keepalived.conf: snmp_name
    public var snmpName: String?
    /// keepalived.conf: real_server
    public var realServers: [RealServer] = []
    public var location: SourceLocation

    public init(service: Service, location: SourceLocation) {
        self.service = service
        self.location = location
    }

    /// The service's address, if it is named by address.
    public var address: IPAddress? {
        if case let .address(address, _) = service { return address }
        return nil
    }

    /// The service's port (nil for none, a fwmark or a group).
    public var port: UInt16? {
        if case let .address(_, port) = service { return port }
        return nil
    }

    /// The fwmark of a `virtual_server fwmark N`.
    public var fwmark: UInt32? {
        if case let .fwmark(mark) = service { return mark }
        return nil
    }

    /// The group of a `virtual_server group NAME`.
    public var groupName: String? {
        if case let .group(name) = service { return name }
        return nil
    }
}

/// keepalived.conf: lvs_sched / lb_algo values (the IPVS scheduler modules).
public enum LVSScheduler: String, Sendable, Hashable, CaseIterable {
    case rr, wrr, lc, wlc, lblc, sh, mh, dh, fo, ovf, lblcr, sed, nq, twos
}

/// keepalived.conf: sorry_server IP [PORT]
public struct SorryServer: Sendable, Hashable {
    public var address: IPAddress
    /// nil for none (0).
    public var port: UInt16?
    /// keepalived.conf: sorry_server_inhibit
    public var inhibit = false
    /// keepalived.conf: sorry_server_lvs_method (default: the virtual server's)
    public var forwarding: ForwardingMethod?
    public var location: SourceLocation

    public init(address: IPAddress, port: UInt16?, location: SourceLocation) {
        self.address = address
        self.port = port
        self.location = location
    }
}

/// keepalived.conf: lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]
public struct ForwardingMethod: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case nat = "NAT", directRouting = "DR", tunnel = "TUN" }
    public enum TunnelType: String, Sendable, Hashable { case ipip, gue, gre }
    public enum TunnelChecksum: String, Sendable, Hashable { case none = "nocsum", checksum = "csum", remote = "remcsum" }

    public var kind: Kind
    public var tunnelType: TunnelType = .ipip
    /// The GUE port (only, and always, with `type gue`).
    public var tunnelPort: UInt16?
    public var tunnelChecksum: TunnelChecksum = .none

    public init(kind: Kind, tunnelType: TunnelType = .ipip, tunnelPort: UInt16? = nil, tunnelChecksum: TunnelChecksum = .none) {
        self.kind = kind
        self.tunnelType = tunnelType
        self.tunnelPort = tunnelPort
        self.tunnelChecksum = tunnelChecksum
    }
}
