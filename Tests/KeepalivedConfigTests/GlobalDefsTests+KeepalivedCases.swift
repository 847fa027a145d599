import Testing
@testable import KeepalivedConfig

// The global_defs and root lines checked one by one against Debian's keepalived 2.2.7 (`-t`).

extension GlobalDefsTests {
    /// A global_defs line, keepalived 2.2.7's `-t` messages for it (in order), and its exit code.
    /// Every row was run through Debian's keepalived 2.2.7 (`keepalived -t -f FILE`).
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var messages: [String]
        var exitCode: Int32
        var testDescription: String { line }
    }

    static let trickyLines: [Case] = [
        Case(line: "smtp_connect_timeout abc", messages: ["invalid number 'abc'", "smtp_connect_timeout 'abc' must be in [0, 4294] - ignoring"], exitCode: 5),
        Case(line: "smtp_connect_timeout 0", messages: ["smtp_conect_timeout must be greater than 0, setting to 1"], exitCode: 5),
        Case(line: "vrrp_version 4", messages: ["number '4' outside range [2, 3]", "VRRP Error: Version must be either 2 or 3"], exitCode: 5),
        Case(line: "smtp_alert maybe", messages: ["Invalid value 'maybe' for global smtp_alert specified"], exitCode: 5),
        Case(line: "rs_init_notifies 1", messages: ["Invalid value '1' for global rs_init_notifies specified"], exitCode: 5),
        Case(line: "vrrp_garp_master_repeat -1", messages: ["negative number '-1'", "vrrp_garp_master_repeat '-1' invalid - ignoring"], exitCode: 5),
        Case(line: "vrrp_garp_master_delay 5x", messages: ["invalid number '5x'", "vrrp_garp_master_delay '5x' invalid - ignoring"], exitCode: 5),
        Case(line: "vrrp_garp_interval 0.0000001", messages: [
            "number '0.0000001' has too many decimal places", "number '0.0000001' outside range [0.000001, 4294.967295]",
            "vrrp_garp_interval '0.0000001' is invalid",
        ], exitCode: 5),
        Case(line: "vrrp_startup_delay 0", messages: ["number '0' outside range [0.001000, 4294.967295]", "vrrp_startup_delay '0' is invalid"], exitCode: 5),
        Case(line: "vrrp_startup_delay 100", messages: [], exitCode: 0),
        Case(line: "vrrp_down_timer_adverts 0", messages: ["number '0' outside range [1, 100]", "Invalid vrrp_down_timer_adverts [1:100] '0'"], exitCode: 5),
        Case(line: "vrrp_garp_lower_prio_repeat 2147483648", messages: [
            "number '2147483648' outside range [0, 2147483647]", "Invalid vrrp_garp_lower_prio_repeat '2147483648'",
        ], exitCode: 5),
        Case(line: "vrrp_garp_extra_if all", messages: ["vrrp_garp_extra_if specified without time - ignoring"], exitCode: 5),
        Case(line: "max_auto_priority 100", messages: [
            "number '100' outside range [-1, 99]", "max_auto_priority '100' must be in [0, 99] (or -1 to disable) - ignoring",
        ], exitCode: 5),
        Case(line: "max_auto_priority", messages: [], exitCode: 0),
        Case(line: "min_auto_priority_delay 0", messages: [
            "number '0' outside range [1, 10000000]", "min_auto_priority_delay '0' must be in [1, 10000000] - ignoring",
        ], exitCode: 5),
        Case(line: "startup_script_timeout 0", messages: ["number '0' outside range [1, 1000]", "startup_script_timeout '0' must be in [1, 1000] - ignoring"], exitCode: 5),
        Case(line: "umask 0800", messages: ["invalid umask value 0800"], exitCode: 5),
        Case(line: "umask IRUSR IWGRP", messages: ["Invalid umask syntax IWGRP"], exitCode: 5),
        Case(line: "umask IRUSR|IWGRP", messages: [], exitCode: 0),
        Case(line: "umask IRUSR|", messages: ["umask missing bit value"], exitCode: 5),
        Case(line: "umask IFOO", messages: ["Unknown umask bit IFOO"], exitCode: 5),
        Case(line: "umask 022 1", messages: ["Extra parameter(s) to umask option"], exitCode: 5),
        Case(line: "vrrp_mcast_group4 10.0.0.1", messages: ["vrrp_mcast_group4 [10.0.0.1] is not multicast. Skipping"], exitCode: 5),
        Case(line: "vrrp_mcast_group4 ff02::1", messages: ["vrrp_mcast_group4 [ff02::1] is not IPv4. Skipping"], exitCode: 5),
        Case(line: "vrrp_mcast_group4 bogus", messages: ["Can't parse vrrp_mcast_group4 [bogus]. Skipping"], exitCode: 5),
        Case(line: "vrrp_mcast_group6 ff05::12", messages: ["vrrp_mcast_group6 [ff05::12] should be link-local multicast."], exitCode: 5),
        Case(line: "smtp_server 1.2.3.4 abc", messages: ["invalid number 'abc'", "invalid number 'abc'", "Invalid smtp server 1.2.3.4 abc"], exitCode: 5),
        Case(line: "vrrp_rt_priority 200", messages: ["vrrp process real-time priority 200 greater than maximum 99 - setting to maximum"], exitCode: 5),
        Case(line: "vrrp_priority 20", messages: ["number '20' outside range [-20, 19]", "Invalid vrrp process priority specified"], exitCode: 5),
        Case(line: "vrrp_cpu_affinity 0 x", messages: ["invalid number 'x'", "Invalid cpu_id:0 specified for vrrp process"], exitCode: 5),
        Case(line: "vrrp_rlimit_rttime 0", messages: ["number '0' outside range [1, 4294967295]", "Invalid vrrp real-time limit - 0"], exitCode: 5),
        Case(line: "process_name abcdefghijklmnopqrs", messages: ["Process name abcdefghijklmnopqrs more than 15 characters, truncating"], exitCode: 5),
        Case(line: "script_user nobodyx", messages: ["Error setting global script uid/gid"], exitCode: 5),
        Case(line: "include_check +foo", messages: ["Unknown include_check type 'foo' - ignoring"], exitCode: 5),
        Case(line: "include_check read foo -match", messages: ["Duplicate include_check 'foo' specified - ignoring"], exitCode: 5),
        Case(line: "random_seed -1", messages: ["negative number '-1'", "random_seed -1 invalid"], exitCode: 5),
        Case(line: "dynamic_interfaces foo", messages: ["Unknown dynamic_interfaces option 'foo'"], exitCode: 5),
        Case(line: "vrrp_rx_bufs_policy MTU ADVERT", messages: ["Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT"], exitCode: 5),
        Case(line: "vrrp_rx_bufs_policy MTU 1000", messages: ["invalid number 'MTU'", "Invalid vrrp_rx_bufs_policy 1000"], exitCode: 5),
        Case(line: "vrrp_rx_bufs_multiplier 0", messages: ["number '0' outside range [1, 4294967295]", "Invalid vrrp_rx_bufs_multiplier 0"], exitCode: 5),
        Case(line: "lvs_timeouts tcp 10 udp", messages: ["No value specified for lvs_timeout udp - ignoring"], exitCode: 5),
        Case(line: "lvs_timeouts tcp", messages: ["lvs_timeouts requires at least one option"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 VI_1 300", messages: ["number '300' outside range [0, 255]", "Invalid syncid (300) - defaulting to vrid"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 VI_1 5", messages: ["Please use keyword \"id\" before lvs_sync_daemon SYNCID"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 inst VI_1 id 5 group 10.0.0.1", messages: ["lvs_sync_daemon group address 10.0.0.1 is not multicast - ignoring"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 inst VI_1 group bogus", messages: ["Invalid lvs_sync_daemon group (bogus) - ignoring"], exitCode: 5),
        Case(line: "lvs_flush_on_stop ALL", messages: ["Unknown lvs_flush_on_stop type ALL"], exitCode: 5),
        Case(line: "nftables_priority abc", messages: ["invalid number 'abc'", "invalid nftables chain priority 'abc'"], exitCode: 5),
        Case(line: "nftables_ipvs_start_fwmark 0", messages: ["number '0' outside range [1, 4294967295]", "invalid ipvs nftables start_fwmark priority '0'"], exitCode: 5),
        Case(line: "vrrp_iptables", messages: [
            "iptables not supported, using nftables instead. Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option",
        ], exitCode: 5),
        Case(line: "vrrp_iptables\nnftables", messages: [
            "iptables not supported, using nftables instead. Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option",
            "nftables already specified - ignoring",
        ], exitCode: 5),
        Case(line: "vrrp_ipsets a", messages: ["Unknown keyword 'vrrp_ipsets'"], exitCode: 5),
        Case(line: "snmp_socket a b", messages: ["Too many parameters specified for snmp_socket - ignoring"], exitCode: 5),
        Case(line: "reload_time_file", messages: ["reload_time_file invalid"], exitCode: 5),
        Case(line: "tmp_config_directory", messages: ["tmp_config_directory missing directory name"], exitCode: 5),
        Case(line: "notify_fifo /tmp/f nosuchuser\nvrrp_notify_fifo", messages: ["No vrrp_notify_fifo name specified"], exitCode: 5),
        Case(line: "notification_email {\n}", messages: ["Warning - empty notification_email block"], exitCode: 5),
        Case(line: "child_wait_time 5", messages: ["Unknown keyword 'child_wait_time'"], exitCode: 5),
        // Keywords given twice.
        Case(line: "snmp_socket a\nsnmp_socket b", messages: ["SNMP socket already set to a - ignoring"], exitCode: 5),
        Case(line: "tmp_config_directory /a\ntmp_config_directory /b", messages: ["tmp_config_directory already specified - ignoring"], exitCode: 5),
        Case(line: "vmac_prefix x\nvmac_prefix y", messages: ["vmac prefix has already been specified - ignoring y"], exitCode: 5),
        Case(line: "notify_fifo /a\nnotify_fifo /b", messages: ["notify_fifo already specified - ignoring /b"], exitCode: 5),
        Case(line: "notify_fifo_script /bin/true\nnotify_fifo_script /bin/false", messages: [
            "notify_fifo_script already specified - ignoring /bin/false",
        ], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0\nlvs_sync_daemon eth1", messages: ["lvs_sync_daemon has already been specified as eth0  - ignoring"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 inst A inst B", messages: ["lvs_sync_daemon vrrp instance has already been specified as A - ignoring"], exitCode: 5),
        Case(line: "vrrp_rx_bufs_policy 100\nvrrp_rx_bufs_policy MTU", messages: [
            "Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy",
        ], exitCode: 5),
        Case(line: "shutdown_script /bin/true\nshutdown_script /bin/false\nenable_script_security", messages: [
            "shutdown script already specified",
        ], exitCode: 5),
        Case(line: "include_check match\ninclude_check +bogus -wildcard_match", messages: ["Unknown include_check type 'bogus' - ignoring"], exitCode: 5),
        Case(line: "notification_email a@b", messages: [
            "Block notification_email has extra parameters a@b ...", "Warning - empty notification_email block",
        ], exitCode: 5),
        // Accepted as they are.
        Case(line: "nftables aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", messages: [], exitCode: 0),
        Case(line: "notify_fifo /tmp/a nosuchuser\nenable_script_security", messages: [], exitCode: 0),
        Case(line: "umask 0x1ff", messages: [], exitCode: 0),
        Case(line: "lvs_flush_on_stop VS x", messages: [], exitCode: 0),
        Case(line: "vrrp_rx_bufs_policy mtu", messages: [], exitCode: 0),
        Case(line: "umask -1", messages: ["Unknown umask bit -1"], exitCode: 5),
        Case(line: "random_seed 4294967296", messages: ["number '4294967296' outside unsigned integer range", "random_seed 4294967296 invalid"], exitCode: 5),
        Case(line: "smtp_server 10.0.0.1 0", messages: [
            "number '0' outside range [1, 65535]", "number '0' outside range [1, 65535]", "Invalid smtp server 10.0.0.1 0",
        ], exitCode: 5),
        Case(line: "smtp_server a-b.example.com 70000", messages: ["number '70000' outside range [1, 65535]", "Invalid smtp server a-b.example.com 70000"], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 maxlen 70000 port 0 ttl 0", messages: [
            "number '70000' outside range [1, 65507]", "Invalid lvs_sync_daemon maxlen (70000) - ignoring",
            "number '0' outside range [1, 65535]", "Invalid lvs_sync_daemon port (0) - ignoring",
            "number '0' outside range [1, 255]", "Invalid lvs_sync_daemon ttl (0) - ignoring",
        ], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 foo bar baz", messages: [
            "invalid number 'bar'", "Invalid syncid (bar) - defaulting to vrid", "Unknown option baz specified for lvs_sync_daemon",
        ], exitCode: 5),
        Case(line: "lvs_sync_daemon eth0 inst", messages: [
            "Configuration line starting `lvs_sync_daemon` is missing a parameter after keyword `inst` at word position 4",
        ], exitCode: 2),
        Case(line: "enable_script_security\nnotify_fifo /tmp/a", messages: ["Unable to set default user keepalived_script for script"], exitCode: 5),
        Case(line: "notify_fifo /tmp/a\nenable_script_security", messages: [], exitCode: 0),
        // Keywords keepalived reads with strvec_slot: a missing value stops it with status 2.
        Case(line: "smtp_connect_timeout", messages: [
            "Configuration line starting `smtp_connect_timeout` is missing a parameter after keyword `smtp_connect_timeout` at word position 2",
        ], exitCode: 2),
        Case(line: "vmac_prefix", messages: [
            "Configuration line starting `vmac_prefix` is missing a parameter after keyword `vmac_prefix` at word position 2",
        ], exitCode: 2),
        Case(line: "umask", messages: [
            "Configuration line starting `umask` is missing a parameter after keyword `umask` at word position 2",
        ], exitCode: 2),
        Case(line: "process_name", messages: [
            "Configuration line starting `process_name` is missing a parameter after keyword `process_name` at word position 2",
        ], exitCode: 2),
    ]

    /// Root-level lines, with keepalived 2.2.7's messages and exit codes.
    static let trickyRootLines: [Case] = [
        Case(line: "child_wait_time x", messages: ["invalid number 'x'", "Invalid child_wait_time x"], exitCode: 5),
        Case(line: "child_wait_time", messages: [
            "Configuration line starting `child_wait_time` is missing a parameter after keyword `child_wait_time` at word position 2",
        ], exitCode: 2),
        Case(line: "net_namespace", messages: ["net_namespace name missing - ignoring"], exitCode: 5),
        Case(line: "instance a\ninstance b", messages: ["Duplicate instance definition b - ignoring"], exitCode: 5),
        Case(line: "net_namespace_ipvs a\nnet_namespace_ipvs b", messages: ["Duplicate net_namespace_ipvs definition b - ignoring"], exitCode: 5),
        // An unknown interface is CONFIG_FATAL: keepalived cannot run the configuration.
        Case(line: "linkbeat_interfaces {\n nosuch0\n}", messages: ["unknown interface nosuch0 specified for linkbeat interface"], exitCode: 4),
        // ... but the worst class wins, and a general error is numerically larger.
        Case(line: "linkbeat_interfaces {\n nosuch0\n lo FOO\n}", messages: [
            "unknown interface nosuch0 specified for linkbeat interface", "extra characters FOO in linkbeat interface",
        ], exitCode: 5),
        Case(line: "interface_up_down_delays {\n nosuch0 1\n lo 300\n lo\n}", messages: [
            "unknown interface nosuch0 specified for up/down delay", "number '300' outside range [0.000000, 255.000000]",
        ], exitCode: 5),
        Case(line: "global_defs {\n dynamic_interfaces\n}\nlinkbeat_interfaces {\n nosuch0\n}", messages: [], exitCode: 0),
    ]

}
