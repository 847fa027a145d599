import NetworkTypes

extension SNMPStatus {
    /// The KEEPALIVED-MIB global scalars other than version and routerId.
    public struct Global: Sendable, Hashable {
        /// keepalived.conf: smtp_server (address); nil reads as type ipv6(2) and four zero bytes, as keepalived.
        public var smtpServer: IPAddress?
        /// keepalived.conf: smtp_server (port).
        public var smtpServerPort: UInt16
        /// keepalived.conf: smtp_connect_timeout, in seconds.
        public var smtpConnectTimeout: UInt32
        /// keepalived.conf: notification_email_from.
        public var emailFrom: String?
        /// keepalived.conf: notification_email (emailTable).
        public var emails: [String]
        /// The inverse of keepalived.conf: no_email_faults.
        public var emailFaults: Bool
        /// keepalived.conf: smtp_alert; nil means unset.
        public var smtpAlert: Bool?
        /// keepalived.conf: smtp_alert_vrrp; nil means unset.
        public var smtpAlertVrrp: Bool?
        /// keepalived.conf: smtp_alert_checker; nil means unset.
        public var smtpAlertChecker: Bool?
        /// keepalived.conf: enable_traps.
        public var trapsEnabled: Bool
        /// keepalived.conf: linkbeat_use_polling.
        public var linkbeatPolling: Bool
        /// keepalived.conf: lvs_flush.
        public var lvsFlush: Bool
        /// keepalived.conf: lvs_flush_on_stop: enabled(1) full, disabled(2), flushVS(3).
        public var lvsFlushOnStop: Int
        /// Build option: IPVS 64-bit statistics (Debian's build has it).
        public var ipvs64BitStats: Bool
        /// keepalived.conf: net_namespace; nil reads as an empty string.
        public var netNamespace: String?
        /// keepalived.conf: enable_dbus.
        public var dbus: Bool
        /// keepalived.conf: dynamic_interfaces.
        public var dynamicInterfaces: Bool

        public init(
            smtpServer: IPAddress? = nil, smtpServerPort: UInt16 = 0, smtpConnectTimeout: UInt32 = 30,
            emailFrom: String? = nil, emails: [String] = [], emailFaults: Bool = true,
            smtpAlert: Bool? = nil, smtpAlertVrrp: Bool? = nil, smtpAlertChecker: Bool? = nil,
            trapsEnabled: Bool = false, linkbeatPolling: Bool = false, lvsFlush: Bool = false,
            lvsFlushOnStop: Int = 2, ipvs64BitStats: Bool = true, netNamespace: String? = nil,
            dbus: Bool = false, dynamicInterfaces: Bool = false
        ) {
            self.smtpServer = smtpServer
            self.smtpServerPort = smtpServerPort
            self.smtpConnectTimeout = smtpConnectTimeout
            self.emailFrom = emailFrom
            self.emails = emails
            self.emailFaults = emailFaults
            self.smtpAlert = smtpAlert
            self.smtpAlertVrrp = smtpAlertVrrp
            self.smtpAlertChecker = smtpAlertChecker
            self.trapsEnabled = trapsEnabled
            self.linkbeatPolling = linkbeatPolling
            self.lvsFlush = lvsFlush
            self.lvsFlushOnStop = lvsFlushOnStop
            self.ipvs64BitStats = ipvs64BitStats
            self.netNamespace = netNamespace
            self.dbus = dbus
            self.dynamicInterfaces = dynamicInterfaces
        }
    }
}
