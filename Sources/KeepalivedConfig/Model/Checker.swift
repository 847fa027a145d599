/// A health checker of a real server and the keywords every checker shares.

/// keepalived.conf: TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK, DNS_CHECK, MISC_CHECK, UDP_CHECK,
/// PING_CHECK, BFD_CHECK (inside real_server)
public struct Checker: Sendable, Hashable {
    /// What the checker probes, with its own keywords.
    public enum Probe: Sendable, Hashable {
        /// keepalived.conf: TCP_CHECK
        case tcp
        /// keepalived.conf: HTTP_GET
        case http(HTTPCheck)
        /// keepalived.conf: SSL_GET
        case ssl(HTTPCheck)
        /// keepalived.conf: SMTP_CHECK
        case smtp(SMTPCheck)
        /// keepalived.conf: DNS_CHECK
        case dns(DNSCheck)
        /// keepalived.conf: MISC_CHECK
        case misc(MiscCheck)
        /// keepalived.conf: UDP_CHECK
        case udp(UDPCheck)
        /// keepalived.conf: PING_CHECK
        case ping
        /// keepalived.conf: BFD_CHECK (name of a bfd_instance)
        case bfd(name: String?)
    }

    public var probe: Probe
    /// The connection keywords (nil for MISC_CHECK and BFD_CHECK, which have none).
    public var connection: ConnectionOptions?
    /// keepalived.conf: retry (nil: the real server's, then the checker's default)
    public var retry: UInt32?
    /// keepalived.conf: delay_before_retry (µs)
    public var delayBeforeRetry: UInt64?
    /// keepalived.conf: warmup (µs)
    public var warmup: UInt64?
    /// keepalived.conf: delay_loop (µs)
    public var delayLoop: UInt64?
    /// keepalived.conf: alpha (nil: the real server's)
    public var alpha: Bool?
    /// keepalived.conf: log_all_failures
    public var logAllFailures = false
    public var location: SourceLocation
    /// Set while parsing when keepalived has already dropped the checker (its later keywords are
    /// ignored); such checkers are removed when the block ends.
    var discarded = false

    public init(probe: Probe, connection: ConnectionOptions?, location: SourceLocation) {
        self.probe = probe
        self.connection = connection
        self.location = location
    }

    /// keepalived's default_retry: 1, but 0 for MISC_CHECK and 3 for DNS_CHECK.
    public var defaultRetry: UInt32 {
        switch probe {
        case .misc: 0
        case .dns: 3
        default: 1
        }
    }

    /// keepalived's default_delay_before_retry (µs): 1 s, 3 s for HTTP/SSL_GET, nil (delay_loop)
    /// for DNS_CHECK.
    public var defaultDelayBeforeRetry: UInt64? {
        switch probe {
        case .http, .ssl: 3_000_000
        case .dns: nil
        default: 1_000_000
        }
    }
}

/// keepalived.conf: connect_ip, connect_port, bindto, bind_port, bind_if, connect_timeout, fwmark
public struct ConnectionOptions: Sendable, Hashable {
    /// keepalived.conf: connect_ip (default: the real server's address)
    public var connectIP: IPAddress?
    /// keepalived.conf: connect_port (default: the real server's port)
    public var connectPort: UInt16?
    /// keepalived.conf: bindto
    public var bindTo: IPAddress?
    /// keepalived.conf: bind_port
    public var bindPort: UInt16?
    /// keepalived.conf: bind_if
    public var bindInterface: String?
    /// keepalived.conf: connect_timeout (µs; nil: the real server's)
    public var connectTimeout: UInt64?
    /// keepalived.conf: fwmark (SO_MARK)
    public var fwmark: UInt32?
    /// keepalived leaves the destination without a family after a refused connect_ip, so a
    /// later bindto is not compared with it.
    var destinationUnset = false

    public init() {}
}
