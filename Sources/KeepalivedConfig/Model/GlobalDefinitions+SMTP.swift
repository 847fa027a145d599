/// global_defs: e-mail alerts and the SMTP server they go through.
public struct SMTPSettings: Sendable, Hashable {
    /// keepalived.conf: smtp_server ADDRESS|NAME [PORT]
    public enum Server: Sendable, Hashable {
        case address(IPAddress, port: UInt16)
        /// A name keepalived resolves (getaddrinfo) when it reads the line.
        case hostname(String, port: UInt16)
    }

    /// keepalived.conf: notification_email { ADDRESS ... }
    public var notificationEmails: [String] = []
    /// keepalived.conf: notification_email_from (default keepalived@HOSTNAME once a server is set)
    public var emailFrom: String?
    /// keepalived.conf: smtp_server
    public var server: Server?
    /// keepalived.conf: smtp_helo_name (default the host name)
    public var heloName: String?
    /// keepalived.conf: smtp_connect_timeout SECONDS, in µs (default 30 s once a server is set)
    public var connectTimeout: UInt64?
    /// keepalived.conf: smtp_alert [BOOL] (nil: unset, each area decides)
    public var alert: Bool?
    /// keepalived.conf: smtp_alert_vrrp [BOOL]
    public var alertVRRP: Bool?
    /// keepalived.conf: smtp_alert_checker [BOOL]
    public var alertChecker: Bool?
    /// keepalived.conf: no_email_faults
    public var noEmailFaults = false
    /// keepalived.conf: no_checker_emails [BOOL]
    public var noCheckerEmails = false
    public init() {}
}

/// global_defs: SNMP AgentX and D-Bus.
public struct SNMPSettings: Sendable, Hashable {
    /// keepalived.conf: snmp_socket (AgentX master socket; default from -A or unix:/var/agentx/master)
    public var socket: String?
    /// keepalived.conf: enable_traps
    public var enableTraps = false
    /// keepalived.conf: enable_snmp_vrrp (deprecated alias enable_snmp_keepalived)
    public var enableKeepalivedMIB = false
    /// keepalived.conf: enable_snmp_rfcv2 (and enable_snmp_rfc)
    public var enableRFCv2 = false
    /// keepalived.conf: enable_snmp_rfcv3 (and enable_snmp_rfc)
    public var enableRFCv3 = false
    /// keepalived.conf: enable_snmp_checker
    public var enableChecker = false
    /// keepalived.conf: enable_dbus
    public var enableDBus = false
    /// keepalived.conf: dbus_service_name
    public var dbusServiceName: String?
    public init() {}
}

/// global_defs: netlink socket receive buffers (bytes; nil keeps the kernel default).
public struct NetlinkBuffers: Sendable, Hashable {
    /// keepalived.conf: vrrp_netlink_cmd_rcv_bufs
    public var vrrpCommand: UInt32?
    /// keepalived.conf: vrrp_netlink_cmd_rcv_bufs_force
    public var vrrpCommandForce = false
    /// keepalived.conf: vrrp_netlink_monitor_rcv_bufs
    public var vrrpMonitor: UInt32?
    /// keepalived.conf: vrrp_netlink_monitor_rcv_bufs_force
    public var vrrpMonitorForce = false
    /// keepalived.conf: process_monitor_rcv_bufs
    public var processMonitor: UInt32?
    /// keepalived.conf: process_monitor_rcv_bufs_force
    public var processMonitorForce = false
    /// keepalived.conf: lvs_netlink_cmd_rcv_bufs
    public var lvsCommand: UInt32?
    /// keepalived.conf: lvs_netlink_cmd_rcv_bufs_force
    public var lvsCommandForce = false
    /// keepalived.conf: lvs_netlink_monitor_rcv_bufs
    public var lvsMonitor: UInt32?
    /// keepalived.conf: lvs_netlink_monitor_rcv_bufs_force
    public var lvsMonitorForce = false
    public init() {}
}
