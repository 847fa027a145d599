/// The numbers of <linux/rtnetlink.h> and <linux/fib_rules.h> for routes and policy rules.
extension NetlinkConstants {
    public static let RTM_NEWROUTE: UInt16 = 24
    public static let RTM_DELROUTE: UInt16 = 25
    public static let RTM_GETROUTE: UInt16 = 26
    public static let RTM_NEWRULE: UInt16 = 32
    public static let RTM_DELRULE: UInt16 = 33
    public static let RTM_GETRULE: UInt16 = 34

    public static let NLM_F_APPEND: UInt16 = 0x800

    public static let RTA_DST: UInt16 = 1
    public static let RTA_SRC: UInt16 = 2
    public static let RTA_OIF: UInt16 = 4
    public static let RTA_GATEWAY: UInt16 = 5
    public static let RTA_PRIORITY: UInt16 = 6
    public static let RTA_PREFSRC: UInt16 = 7
    public static let RTA_METRICS: UInt16 = 8
    public static let RTA_MULTIPATH: UInt16 = 9
    public static let RTA_FLOW: UInt16 = 11
    public static let RTA_TABLE: UInt16 = 15
    public static let RTA_ENCAP_TYPE: UInt16 = 21
    public static let RTA_ENCAP: UInt16 = 22
    public static let RTA_VIA: UInt16 = 18
    public static let RTA_PREF: UInt16 = 20
    public static let RTA_EXPIRES: UInt16 = 23
    public static let RTA_TTL_PROPAGATE: UInt16 = 26

    public static let RTAX_LOCK: UInt16 = 1
    public static let RTAX_MTU: UInt16 = 2
    public static let RTAX_WINDOW: UInt16 = 3
    public static let RTAX_RTT: UInt16 = 4
    public static let RTAX_RTTVAR: UInt16 = 5
    public static let RTAX_SSTHRESH: UInt16 = 6
    public static let RTAX_CWND: UInt16 = 7
    public static let RTAX_ADVMSS: UInt16 = 8
    public static let RTAX_REORDERING: UInt16 = 9
    public static let RTAX_HOPLIMIT: UInt16 = 10
    public static let RTAX_INITCWND: UInt16 = 11
    public static let RTAX_FEATURES: UInt16 = 12
    public static let RTAX_RTO_MIN: UInt16 = 13
    public static let RTAX_INITRWND: UInt16 = 14
    public static let RTAX_QUICKACK: UInt16 = 15
    public static let RTAX_CC_ALGO: UInt16 = 16
    public static let RTAX_FASTOPEN_NO_COOKIE: UInt16 = 17

    /// RTNH_F_ONLINK, in rtm_flags and rtnh_flags.
    public static let RTNH_F_ONLINK: UInt32 = 4
    public static let RT_TABLE_UNSPEC: UInt8 = 0
    public static let RT_TABLE_MAIN: UInt8 = 254
    public static let RT_SCOPE_UNIVERSE: UInt8 = 0
    public static let RT_SCOPE_LINK: UInt8 = 253
    public static let RT_SCOPE_NOWHERE: UInt8 = 255

    public static let FRA_DST: UInt16 = 1
    public static let FRA_SRC: UInt16 = 2
    public static let FRA_IIFNAME: UInt16 = 3
    public static let FRA_GOTO: UInt16 = 4
    public static let FRA_PRIORITY: UInt16 = 6
    public static let FRA_FWMARK: UInt16 = 10
    public static let FRA_FLOW: UInt16 = 11
    public static let FRA_TUN_ID: UInt16 = 12
    public static let FRA_SUPPRESS_IFGROUP: UInt16 = 13
    public static let FRA_SUPPRESS_PREFIXLEN: UInt16 = 14
    public static let FRA_TABLE: UInt16 = 15
    public static let FRA_FWMASK: UInt16 = 16
    public static let FRA_OIFNAME: UInt16 = 17
    public static let FRA_L3MDEV: UInt16 = 19
    public static let FRA_UID_RANGE: UInt16 = 20
    public static let FRA_PROTOCOL: UInt16 = 21
    public static let FRA_IP_PROTO: UInt16 = 22
    public static let FRA_SPORT_RANGE: UInt16 = 23
    public static let FRA_DPORT_RANGE: UInt16 = 24

    /// FIB_RULE_INVERT (`not`).
    public static let FIB_RULE_INVERT: UInt32 = 0x2
}
