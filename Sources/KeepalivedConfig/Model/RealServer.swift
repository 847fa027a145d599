/// One IPVS destination of a virtual server, with its health checkers.

/// keepalived.conf: real_server IP [PORT] { ... }
public struct RealServer: Sendable, Hashable {
    public var address: IPAddress
    /// nil for none (0); for NAT it takes the virtual server's port after parsing.
    public var port: UInt16?
    /// keepalived.conf: weight (nil: the virtual server's weight, filled in after parsing)
    public var weight: UInt32?
    /// keepalived.conf: lvs_method (nil: the virtual server's, filled in after parsing)
    public var forwarding: ForwardingMethod?
    /// keepalived.conf: uthreshold
    public var upperThreshold: UInt32 = 0
    /// keepalived.conf: lthreshold
    public var lowerThreshold: UInt32 = 0
    /// keepalived.conf: inhibit_on_failure (nil: the virtual server's)
    public var inhibitOnFailure: Bool?
    /// keepalived.conf: notify_up
    public var notifyUp: NotifyScript?
    /// keepalived.conf: notify_down
    public var notifyDown: NotifyScript?
    /// keepalived.conf: alpha (nil: the virtual server's)
    public var alpha: Bool?
    /// keepalived.conf: retry (nil: the virtual server's)
    public var retry: UInt32?
    /// keepalived.conf: connect_timeout (µs; nil: the virtual server's)
    public var connectTimeout: UInt64?
    /// keepalived.conf: delay_loop (µs; nil: the virtual server's)
    public var delayLoop: UInt64?
    /// keepalived.conf: warmup (µs; nil: the virtual server's)
    public var warmup: UInt64?
    /// keepalived.conf: delay_before_retry (µs; nil: the virtual server's)
    public var delayBeforeRetry: UInt64?
    /// keepalived.conf: smtp_alert (nil: the global setting, else on)
    public var smtpAlert: Bool?
    /// keepalived.conf: virtualhost
    public var virtualhost: String?
    /// keepalived.conf: snmp_name
    public var snmpName: String?
    /// keepalived.conf: TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK, DNS_CHECK, MISC_CHECK, UDP_CHECK,
    /// PING_CHECK, BFD_CHECK
    public var checkers: [Checker] = []
    /// keepalived.conf: FILE_CHECK (tracked files, which keepalived keeps apart from checkers)
    public var fileChecks: [FileCheck] = []
    public var location: SourceLocation

    public init(address: IPAddress, port: UInt16?, location: SourceLocation) {
        self.address = address
        self.port = port
        self.location = location
    }
}
