import IPVSModel
import NetworkTypes

extension SNMPCheckerStatus {
    /// One virtual_server, with keepalived's defaults resolved (times in µs; 0 for an unset retry,
    /// delay_before_retry or warmup, which keepalived reports as 0).
    public struct VirtualServer: Sendable, Hashable {
        /// What the virtual_server line names.
        public enum Service: Sendable, Hashable {
            case fwmark(UInt32)
            /// Port 0 for none.
            case address(IPAddress, port: UInt16)
            case group(String)
        }
        /// virtualServerProtocol: tcp(1), udp(2), sctp(3), none(4).
        public enum ServiceProtocol: Int, Sendable, Hashable { case tcp = 1, udp, sctp, none }

        public var service: Service
        /// ip_family, or the family of the address or group (nil: none known, which reads ipv6(2)).
        public var family: IPAddress.Family?
        public var serviceProtocol: ServiceProtocol
        /// keepalived.conf: lvs_sched
        public var scheduler: String
        /// keepalived.conf: lvs_method (nil: not set, the column is absent)
        public var forwarding: Forwarding?
        /// Run time: keepalived's alive, true once the service is in the IPVS table (virtualServerStatus).
        public var alive = false
        public var virtualhost: String?
        /// keepalived.conf: persistence_timeout (0: none)
        public var persistenceTimeout: UInt32 = 0
        /// keepalived.conf: persistence_granularity as keepalived's 32-bit field holds it on a
        /// little-endian host: an IPv4 mask's bytes in network order, an IPv6 prefix length, or 0xffffffff unset.
        public var persistenceGranularity: UInt32 = 0xffff_ffff
        public var delayLoop: UInt64 = 60_000_000
        public var haSuspend = false
        /// IP_VS_SVC_F_* flags: ops 0x4, flag-1/sh-fallback/mh-fallback 0x8, flag-2/sh-port/mh-port 0x10, flag-3 0x20.
        public var flags: UInt32 = 0
        public var alpha = false
        public var omega = false
        public var quorum: UInt32 = 1
        /// Run time: whether the quorum is met.
        public var quorumUp = true
        public var quorumUpScript: String?
        public var quorumDownScript: String?
        public var hysteresis: UInt32 = 0
        public var realServers: [RealServer] = []
        /// keepalived.conf: sorry_server (row 1 of the real server table when present).
        public var sorry: RealServer?
        public var inhibit = false
        public var retry: UInt32 = 0
        public var delayBeforeRetry: UInt64 = 0
        public var warmup: UInt64 = 0
        public var weight: Int32 = 1
        public var smtpAlert = false
        public var connectTimeout: UInt64 = 5_000_000
        public var snmpName: String?
        /// The kernel's counters summed over the service's IPVS services (0 when unreadable).
        public var statistics = IPVSStatistics()

        public init(service: Service, family: IPAddress.Family?, serviceProtocol: ServiceProtocol = .tcp,
                    scheduler: String = "wlc", forwarding: Forwarding? = Forwarding(kind: 1)) {
            self.service = service
            self.family = family
            self.serviceProtocol = serviceProtocol
            self.scheduler = scheduler
            self.forwarding = forwarding
        }

        /// virtualServerRealServersUp: the alive real servers (the sorry server does not count).
        public var realServersUp: UInt32 { UInt32(realServers.filter(\.alive).count) }
    }

    /// One real_server (or a sorry_server), with the virtual server's defaults resolved.
    public struct RealServer: Sendable, Hashable {
        public var address: IPAddress
        /// 0 for none.
        public var port: UInt16
        public var forwarding: Forwarding?
        /// Run time: in the pool as far as the checks go.
        public var alive = false
        /// Run time: keepalived's effective weight as IPVS gets it.
        public var weight: Int32 = 1
        /// keepalived.conf: uthreshold, lthreshold (0: none, the column is absent)
        public var upperThreshold: UInt32 = 0
        public var lowerThreshold: UInt32 = 0
        public var inhibit = false
        public var notifyUp: String?
        public var notifyDown: String?
        public var virtualhost: String?
        /// Run time: how many of its checkers are down.
        public var failedCheckers: UInt32 = 0
        public var alpha = false
        public var retry: UInt32 = 0
        public var delayBeforeRetry: UInt64 = 0
        public var warmup: UInt64 = 0
        public var delayLoop: UInt64 = 0
        public var smtpAlert = false
        public var connectTimeout: UInt64 = 0
        public var snmpName: String?
        /// The kernel's counters and connection counts for this destination (0 when unreadable).
        public var statistics = IPVSStatistics()
        public var activeConnections: UInt32 = 0
        public var inactiveConnections: UInt32 = 0
        public var persistentConnections: UInt32 = 0

        public init(address: IPAddress, port: UInt16, forwarding: Forwarding? = Forwarding(kind: 1)) {
            self.address = address
            self.port = port
            self.forwarding = forwarding
        }
    }
}
