/// Which keywords the daemon acts on today. A keyword that parses but whose feature is not built
/// yet gets one explicit "not supported yet" warning per run, never silence.
public enum FeatureSupport {
    /// Keyword paths (`block.keyword`, root keywords bare) the runtime implements.
    /// Everything the front end only parses is listed as unsupported by omission.
    static let implemented: Set<String> = [
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
        "global_defs.snmp_socket", "vrrp_instance.notify_deleted",
        "vrrp_track_process", "vrrp_track_process.process", "vrrp_track_process.param_match", "vrrp_track_process.weight",
        "vrrp_track_process.quorum", "vrrp_track_process.quorum_max", "vrrp_track_process.fork_delay",
        "vrrp_track_process.terminate_delay", "vrrp_track_process.delay", "vrrp_track_process.full_command",
        "vrrp_instance.track_process", "vrrp_sync_group.track_process", "vrrp_instance.use_vmac", "global_defs.vmac_prefix",
    ]

    /// Keywords that are accepted for compatibility and deliberately do nothing, also in keepalived.
    static let inertInKeepalived: Set<String> = [
        "vrrp_instance.debug", "virtual_server.hashed",
    ]

    static func isSupported(_ path: String) -> Bool {
        implemented.contains(path) || inertInKeepalived.contains(path)
    }
}
