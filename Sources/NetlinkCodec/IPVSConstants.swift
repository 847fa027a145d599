/// The numbers of <linux/ip_vs.h> for the "IPVS" generic netlink family (version 1).
public enum IPVSConstants {
    public static let familyName = "IPVS"
    public static let version: UInt8 = 1

    public static let IPVS_CMD_NEW_SERVICE: UInt8 = 1
    public static let IPVS_CMD_SET_SERVICE: UInt8 = 2
    public static let IPVS_CMD_DEL_SERVICE: UInt8 = 3
    public static let IPVS_CMD_GET_SERVICE: UInt8 = 4
    public static let IPVS_CMD_NEW_DEST: UInt8 = 5
    public static let IPVS_CMD_SET_DEST: UInt8 = 6
    public static let IPVS_CMD_DEL_DEST: UInt8 = 7
    public static let IPVS_CMD_GET_DEST: UInt8 = 8
    public static let IPVS_CMD_NEW_DAEMON: UInt8 = 9
    public static let IPVS_CMD_DEL_DAEMON: UInt8 = 10
    public static let IPVS_CMD_GET_DAEMON: UInt8 = 11
    public static let IPVS_CMD_SET_CONFIG: UInt8 = 12
    public static let IPVS_CMD_GET_CONFIG: UInt8 = 13
    public static let IPVS_CMD_SET_INFO: UInt8 = 14
    public static let IPVS_CMD_GET_INFO: UInt8 = 15
    public static let IPVS_CMD_ZERO: UInt8 = 16
    public static let IPVS_CMD_FLUSH: UInt8 = 17

    public static let IPVS_CMD_ATTR_SERVICE: UInt16 = 1
    public static let IPVS_CMD_ATTR_DEST: UInt16 = 2
    public static let IPVS_CMD_ATTR_DAEMON: UInt16 = 3
    public static let IPVS_CMD_ATTR_TIMEOUT_TCP: UInt16 = 4
    public static let IPVS_CMD_ATTR_TIMEOUT_TCP_FIN: UInt16 = 5
    public static let IPVS_CMD_ATTR_TIMEOUT_UDP: UInt16 = 6

    public static let IPVS_SVC_ATTR_AF: UInt16 = 1
    public static let IPVS_SVC_ATTR_PROTOCOL: UInt16 = 2
    public static let IPVS_SVC_ATTR_ADDR: UInt16 = 3
    public static let IPVS_SVC_ATTR_PORT: UInt16 = 4
    public static let IPVS_SVC_ATTR_FWMARK: UInt16 = 5
    public static let IPVS_SVC_ATTR_SCHED_NAME: UInt16 = 6
    public static let IPVS_SVC_ATTR_FLAGS: UInt16 = 7
    public static let IPVS_SVC_ATTR_TIMEOUT: UInt16 = 8
    public static let IPVS_SVC_ATTR_NETMASK: UInt16 = 9
    public static let IPVS_SVC_ATTR_STATS: UInt16 = 10
    public static let IPVS_SVC_ATTR_PE_NAME: UInt16 = 11
    public static let IPVS_SVC_ATTR_STATS64: UInt16 = 12

    public static let IPVS_DEST_ATTR_ADDR: UInt16 = 1
    public static let IPVS_DEST_ATTR_PORT: UInt16 = 2
    public static let IPVS_DEST_ATTR_FWD_METHOD: UInt16 = 3
    public static let IPVS_DEST_ATTR_WEIGHT: UInt16 = 4
    public static let IPVS_DEST_ATTR_U_THRESH: UInt16 = 5
    public static let IPVS_DEST_ATTR_L_THRESH: UInt16 = 6
    public static let IPVS_DEST_ATTR_ACTIVE_CONNS: UInt16 = 7
    public static let IPVS_DEST_ATTR_INACT_CONNS: UInt16 = 8
    public static let IPVS_DEST_ATTR_PERSIST_CONNS: UInt16 = 9
    public static let IPVS_DEST_ATTR_STATS: UInt16 = 10
    public static let IPVS_DEST_ATTR_ADDR_FAMILY: UInt16 = 11
    public static let IPVS_DEST_ATTR_STATS64: UInt16 = 12
    public static let IPVS_DEST_ATTR_TUN_TYPE: UInt16 = 13
    public static let IPVS_DEST_ATTR_TUN_PORT: UInt16 = 14
    public static let IPVS_DEST_ATTR_TUN_FLAGS: UInt16 = 15

    /// Inside IPVS_CMD_ATTR_DAEMON.
    public static let IPVS_DAEMON_ATTR_STATE: UInt16 = 1
    public static let IPVS_DAEMON_ATTR_MCAST_IFN: UInt16 = 2
    public static let IPVS_DAEMON_ATTR_SYNC_ID: UInt16 = 3
    public static let IPVS_DAEMON_ATTR_SYNC_MAXLEN: UInt16 = 4
    public static let IPVS_DAEMON_ATTR_MCAST_GROUP: UInt16 = 5
    public static let IPVS_DAEMON_ATTR_MCAST_GROUP6: UInt16 = 6
    public static let IPVS_DAEMON_ATTR_MCAST_PORT: UInt16 = 7
    public static let IPVS_DAEMON_ATTR_MCAST_TTL: UInt16 = 8

    /// Inside IPVS_*_ATTR_STATS (32-bit counters, 64-bit byte counts) and IPVS_*_ATTR_STATS64 (all 64-bit).
    public static let IPVS_STATS_ATTR_CONNS: UInt16 = 1
    public static let IPVS_STATS_ATTR_INPKTS: UInt16 = 2
    public static let IPVS_STATS_ATTR_OUTPKTS: UInt16 = 3
    public static let IPVS_STATS_ATTR_INBYTES: UInt16 = 4
    public static let IPVS_STATS_ATTR_OUTBYTES: UInt16 = 5
    public static let IPVS_STATS_ATTR_CPS: UInt16 = 6
    public static let IPVS_STATS_ATTR_INPPS: UInt16 = 7
    public static let IPVS_STATS_ATTR_OUTPPS: UInt16 = 8
    public static let IPVS_STATS_ATTR_INBPS: UInt16 = 9
    public static let IPVS_STATS_ATTR_OUTBPS: UInt16 = 10

    public static let IPVS_INFO_ATTR_VERSION: UInt16 = 1
    public static let IPVS_INFO_ATTR_CONN_TAB_SIZE: UInt16 = 2

    /// The kernel's address attributes hold a union nf_inet_addr: always 16 bytes.
    public static let addressFieldLength = 16
}
