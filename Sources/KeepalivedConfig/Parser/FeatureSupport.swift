/// Which keywords the daemon acts on today. A keyword that parses but whose feature is not built
/// yet gets one explicit "not supported yet" warning per run, never silence.
public enum FeatureSupport {
    /// Keyword paths (`block.keyword`, root keywords bare) the runtime implements.
    /// Everything the front end only parses is listed as unsupported by omission.
    static let implemented: Set<String> = httpCheckerKeywords.union(protocolCheckers).union([
        "global_defs", "global_defs.router_id", "global_defs.vrrp_version", "global_defs.vrrp_garp_master_delay",
        "global_defs.vrrp_garp_master_repeat", "global_defs.vrrp_lower_prio_no_advert",
        "global_defs.vrrp_higher_prio_send_advert", "global_defs.vrrp_down_timer_adverts",
        "vrrp_instance", "vrrp_instance.interface", "vrrp_instance.virtual_router_id", "vrrp_instance.priority",
        "vrrp_instance.advert_int", "vrrp_instance.state", "vrrp_instance.version", "vrrp_instance.nopreempt",
        "vrrp_instance.preempt", "vrrp_instance.preempt_delay", "vrrp_instance.virtual_ipaddress",
        "vrrp_instance.virtual_ipaddress_excluded", "vrrp_instance.unicast_peer", "vrrp_instance.unicast_src_ip",
        "vrrp_instance.mcast_src_ip", "vrrp_instance.garp_master_delay", "vrrp_instance.garp_master_repeat",
        "vrrp_instance.lower_prio_no_advert", "vrrp_instance.higher_prio_send_advert",
        "vrrp_instance.down_timer_adverts", "vrrp_instance.authentication", "vrrp_instance.authentication.auth_type",
        "vrrp_instance.authentication.auth_pass", "vrrp_instance.native_ipv6",
        "vrrp_instance.notify_master", "vrrp_instance.notify_backup", "vrrp_instance.notify_fault",
        "vrrp_instance.notify_stop", "vrrp_instance.notify", "global_defs.notify_fifo", "global_defs.vrrp_notify_fifo",
        "global_defs.script_user", "global_defs.dynamic_interfaces",
        "vrrp_script", "vrrp_script.script", "vrrp_script.interval", "vrrp_script.timeout", "vrrp_script.weight",
        "vrrp_script.rise", "vrrp_script.fall", "vrrp_script.user", "vrrp_script.init_fail",
        "vrrp_instance.track_script", "vrrp_instance.track_interface", "vrrp_instance.dont_track_primary",
        "vrrp_sync_group", "vrrp_sync_group.group", "vrrp_sync_group.track_interface", "vrrp_sync_group.track_script",
        "vrrp_sync_group.notify_master", "vrrp_sync_group.notify_backup", "vrrp_sync_group.notify_fault",
        "vrrp_sync_group.notify_stop", "vrrp_sync_group.notify",
        "vrrp_instance.notify_priority_changes", "vrrp_sync_group.notify_priority_changes",
        "global_defs.vrrp_notify_priority_changes",
        "vrrp_instance.notify_master_rx_lower_pri",
        "track_file", "track_file.file", "track_file.weight", "track_file.init_file", "vrrp_track_file",
        "vrrp_track_file.file", "vrrp_track_file.weight", "vrrp_track_file.init_file", "vrrp_instance.track_file",
        "vrrp_sync_group.track_file",
        "global_defs.enable_snmp_vrrp", "global_defs.enable_snmp_keepalived", "global_defs.enable_snmp_rfc",
        "global_defs.enable_snmp_rfcv2", "global_defs.enable_snmp_rfcv3", "global_defs.enable_traps",
        "global_defs.snmp_socket", "vrrp_instance.notify_deleted", "global_defs.enable_snmp_checker",
        "virtual_server.snmp_name", "virtual_server.real_server.snmp_name",
        "vrrp_track_process", "vrrp_track_process.process", "vrrp_track_process.param_match", "vrrp_track_process.weight",
        "vrrp_track_process.quorum", "vrrp_track_process.quorum_max", "vrrp_track_process.fork_delay",
        "vrrp_track_process.terminate_delay", "vrrp_track_process.delay", "vrrp_track_process.full_command",
        "vrrp_instance.track_process", "vrrp_sync_group.track_process", "vrrp_instance.use_vmac", "global_defs.vmac_prefix",
        "global_defs.notify_fifo_script", "global_defs.vrrp_notify_fifo_script", "global_defs.vrrp_garp_interval",
        "global_defs.vrrp_gna_interval",
        "vrrp_instance.garp_master_refresh", "vrrp_instance.garp_master_refresh_repeat", "global_defs.vrrp_garp_master_refresh",
        "global_defs.vrrp_garp_master_refresh_repeat",
        "vrrp_instance.virtual_routes", "vrrp_instance.virtual_rules", "static_ipaddress", "static_routes", "static_rules",
        // The health checker's side and the IPVS table it programs.
        "virtual_server", "virtual_server.delay_loop", "virtual_server.connect_timeout", "virtual_server.retry",
        "virtual_server.delay_before_retry", "virtual_server.warmup", "virtual_server.weight", "virtual_server.inhibit_on_failure",
        "virtual_server.alpha", "virtual_server.quorum", "virtual_server.hysteresis", "virtual_server.quorum_up",
        "virtual_server.quorum_down", "virtual_server.sorry_server", "virtual_server.sorry_server_inhibit", "virtual_server.virtualhost",
        "virtual_server.real_server", "virtual_server.real_server.weight", "virtual_server.real_server.inhibit_on_failure", "virtual_server.real_server.notify_up",
        "virtual_server.real_server.notify_down", "virtual_server.real_server.alpha", "virtual_server.real_server.retry", "virtual_server.real_server.connect_timeout",
        "virtual_server.real_server.delay_loop", "virtual_server.real_server.warmup", "virtual_server.real_server.delay_before_retry", "virtual_server.real_server.virtualhost",
        "virtual_server.real_server.TCP_CHECK", "virtual_server.real_server.MISC_CHECK", "virtual_server.real_server.TCP_CHECK.retry",
        "virtual_server.real_server.TCP_CHECK.delay_before_retry", "virtual_server.real_server.TCP_CHECK.warmup", "virtual_server.real_server.TCP_CHECK.delay_loop", "virtual_server.real_server.TCP_CHECK.alpha",
        "virtual_server.real_server.TCP_CHECK.log_all_failures", "virtual_server.real_server.TCP_CHECK.connect_ip", "virtual_server.real_server.TCP_CHECK.connect_port", "virtual_server.real_server.TCP_CHECK.bindto",
        "virtual_server.real_server.TCP_CHECK.bind_port", "virtual_server.real_server.TCP_CHECK.connect_timeout", "virtual_server.real_server.TCP_CHECK.fwmark",
        "virtual_server.real_server.MISC_CHECK.retry", "virtual_server.real_server.MISC_CHECK.delay_before_retry", "virtual_server.real_server.MISC_CHECK.warmup", "virtual_server.real_server.MISC_CHECK.delay_loop",
        "virtual_server.real_server.MISC_CHECK.alpha", "virtual_server.real_server.MISC_CHECK.log_all_failures", "virtual_server.real_server.MISC_CHECK.misc_path", "virtual_server.real_server.MISC_CHECK.misc_timeout",
        "virtual_server.real_server.MISC_CHECK.misc_dynamic", "virtual_server.real_server.MISC_CHECK.user", "global_defs.checker_log_all_failures", "global_defs.rs_init_notifies",
        "virtual_server_group", "virtual_server.lb_algo", "virtual_server.lvs_sched", "virtual_server.lb_kind", "virtual_server.lvs_method",
        "virtual_server.protocol", "virtual_server.ip_family", "virtual_server.persistence_timeout", "virtual_server.persistence_granularity",
        "virtual_server.persistence_engine", "virtual_server.ops", "virtual_server.flag-1", "virtual_server.flag-2", "virtual_server.flag-3",
        "virtual_server.sh-port", "virtual_server.sh-fallback", "virtual_server.mh-port", "virtual_server.mh-fallback",
        "virtual_server.sorry_server_lvs_method", "virtual_server.real_server.lvs_method", "virtual_server.real_server.uthreshold",
        "virtual_server.real_server.lthreshold", "global_defs.lvs_flush", "global_defs.lvs_flush_on_stop", "global_defs.lvs_flush_onstop",
        "global_defs.lvs_timeouts", "global_defs.lvs_sync_daemon",
        // The checker's notifications: FIFO lines, mails, omega.
        "virtual_server.omega", "virtual_server.smtp_alert", "virtual_server.real_server.smtp_alert", "global_defs.smtp_alert_checker",
        "global_defs.no_checker_emails", "global_defs.lvs_notify_fifo", "global_defs.lvs_notify_fifo_script",
        "global_defs.notification_email", "global_defs.notification_email_from", "global_defs.smtp_server",
        "global_defs.smtp_helo_name", "global_defs.smtp_connect_timeout", "global_defs.smtp_alert",
        "global_defs.smtp_alert_vrrp", "global_defs.no_email_faults", "vrrp_instance.smtp_alert",
        "vrrp_sync_group.smtp_alert", "global_defs.smtp_fallback_server", "global_defs.smtp_retries",
        "global_defs.smtp_retry_delay", "global_defs.smtp_rate_limit", "global_defs.smtp_ehlo", "global_defs.smtp_tls",
        "global_defs.smtp_tls_ca_file", "global_defs.smtp_tls_server_name", "global_defs.smtp_auth_user",
        "global_defs.smtp_auth_secret_file",
        "global_defs.vrrp_skip_check_adv_addr", "vrrp_instance.skip_check_adv_addr", "global_defs.vrrp_check_unicast_src",
        "vrrp_instance.check_unicast_src", "vrrp_instance.unicast_fault_no_peer", "global_defs.log_unknown_vrids",
        "global_defs.vrrp_garp_lower_prio_delay", "global_defs.vrrp_garp_lower_prio_repeat", "vrrp_instance.garp_lower_prio_delay",
        "vrrp_instance.garp_lower_prio_repeat", "vrrp_instance.promote_secondaries",
        "global_defs.vrrp_mcast_group4", "global_defs.vrrp_mcast_group6", "global_defs.fifo_write_vrrp_states_on_reload",
        // Strict mode and the nftables drop sets of instances without accept mode.
        "global_defs.vrrp_strict", "vrrp_instance.strict_mode", "vrrp_instance.accept", "vrrp_instance.no_accept",
        "global_defs.nftables", "global_defs.nftables_priority", "global_defs.nftables_counters", "global_defs.vrrp_iptables",
        "global_defs.nftables_ifindex",
        "vrrp_instance.vmac_xmit_base",
        // Process-wide settings: the VRRP and checker threads stand for keepalived's child processes.
        "global_defs.max_auto_priority", "global_defs.min_auto_priority_delay", "global_defs.vrrp_rt_priority",
        "global_defs.vrrp_priority", "global_defs.vrrp_no_swap", "global_defs.vrrp_rlimit_rttime", "global_defs.vrrp_rlimit_rtime",
        "global_defs.checker_rt_priority", "global_defs.checker_priority", "global_defs.checker_no_swap",
        "global_defs.checker_rlimit_rttime", "global_defs.checker_rlimit_rtime", "global_defs.process_names",
        "global_defs.process_name", "global_defs.vrrp_process_name", "global_defs.checker_process_name",
        "global_defs.lvs_process_name", "global_defs.umask", "global_defs.startup_script", "global_defs.startup_script_timeout",
        "global_defs.shutdown_script", "global_defs.shutdown_script_timeout", "global_defs.vrrp_startup_delay",
        "global_defs.random_seed", "global_defs.enable_script_security", "global_defs.vrrp_cpu_affinity",
        "global_defs.checker_cpu_affinity",
    ])

    /// HTTP_GET's and SSL_GET's keywords (`SSL_GET` shares HTTP_GET's), and the `SSL { }` block.
    static let httpCheckerKeywords: Set<String> = Set(["HTTP_GET", "SSL_GET"].flatMap { kind in
        [
            "", ".retry", ".delay_before_retry", ".warmup", ".delay_loop", ".alpha", ".log_all_failures", ".connect_ip",
            ".connect_port", ".bindto", ".bind_port", ".connect_timeout", ".fwmark", ".url", ".http_protocol",
            ".virtualhost", ".fast_recovery", ".nb_get_retry", ".url.path", ".url.digest", ".url.status_code",
            ".url.virtualhost", ".enable_sni", ".url.regex", ".url.regex_no_match", ".url.regex_options",
            ".url.regex_min_offset", ".url.regex_max_offset", ".url.regex_stack",
        ].map { "virtual_server.real_server.\(kind)\($0)" }
    }).union(["SSL", "SSL.password", "SSL.ca", "SSL.certificate", "SSL.key"])

    /// SMTP_CHECK, DNS_CHECK, UDP_CHECK and PING_CHECK with the keywords every checker shares, and
    /// FILE_CHECK.
    static let protocolCheckers: Set<String> = {
        let connection = ["connect_ip", "connect_port", "bindto", "bind_port", "connect_timeout", "fwmark"]
        let common = ["retry", "delay_before_retry", "warmup", "delay_loop", "alpha", "log_all_failures"] + connection
        let own = ["SMTP_CHECK": ["helo_name", "host"], "DNS_CHECK": ["type", "name"],
                   "UDP_CHECK": ["payload", "require_reply", "min_reply_length", "max_reply_length"], "PING_CHECK": []]
        let base = "virtual_server.real_server."
        var paths: Set<String> = [base + "FILE_CHECK", base + "FILE_CHECK.track_file", base + "FILE_CHECK.weight"]
        for (checker, keywords) in own {
            paths.insert(base + checker)
            for keyword in common + keywords { paths.insert("\(base)\(checker).\(keyword)") }
        }
        for keyword in connection { paths.insert(base + "SMTP_CHECK.host.\(keyword)") }
        return paths
    }()

    /// Keywords that are accepted for compatibility and deliberately do nothing, also in keepalived.
    static let inertInKeepalived: Set<String> = [
        "vrrp_instance.debug", "virtual_server.hashed",
    ]

    static func isSupported(_ path: String) -> Bool {
        implemented.contains(path) || inertInKeepalived.contains(path)
    }
}
