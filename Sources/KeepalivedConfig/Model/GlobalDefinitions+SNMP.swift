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
