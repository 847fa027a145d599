/// The material ConfigFuzzer builds from: keepalived 2.2.7 keywords and a few realistic configs
/// that use only the interfaces every test host has (lo, eth0).
extension ConfigFuzzer {
    /// Keywords from every level of keepalived.conf (names only), for keyword soup.
    public static let keywords = [
        "global_defs", "router_id", "notification_email", "notification_email_from", "smtp_server",
        "smtp_connect_timeout", "enable_script_security", "script_user", "vrrp_garp_master_delay",
        "vrrp_version", "vrrp_strict", "vrrp_skip_check_adv_addr", "max_auto_priority", "lvs_sync_daemon",
        "static_ipaddress", "static_routes", "static_rules", "vrrp_script", "script", "interval", "timeout",
        "weight", "rise", "fall", "user", "init_fail", "track_file", "file", "vrrp_track_process", "process",
        "vrrp_sync_group", "group", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify",
        "smtp_alert", "global_tracking", "vrrp_instance", "state", "interface", "virtual_router_id", "priority",
        "advert_int", "nopreempt", "preempt_delay", "authentication", "auth_type", "auth_pass", "virtual_ipaddress",
        "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules", "track_interface", "track_script",
        "track_process", "track_file", "unicast_src_ip", "unicast_peer", "mcast_src_ip", "use_vmac", "vmac_xmit_base",
        "native_ipv6", "dont_track_primary", "garp_master_delay", "accept", "no_accept", "strict_mode", "version",
        "debug", "virtual_server", "virtual_server_group", "delay_loop", "lb_algo", "lb_kind", "persistence_timeout",
        "protocol", "sorry_server", "real_server", "inhibit_on_failure", "TCP_CHECK", "HTTP_GET", "SSL_GET",
        "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK", "url", "path",
        "digest", "status_code", "connect_timeout", "connect_port", "retry", "delay_before_retry", "misc_path",
        "misc_timeout", "misc_dynamic", "quorum", "hysteresis", "quorum_up", "quorum_down", "fwmark", "bfd_instance",
        "neighbor_ip", "include", "includem", "garp_group", "SSL", "linkbeat_use_polling", "net_namespace",
    ]

    /// Small valid configurations to mutate.
    public static let seedConfigs = [
        """
        ! seed: vrrp
        global_defs {
           router_id LAB1
           enable_script_security
           script_user root
        }
        vrrp_script chk {
            script "/bin/true"
            interval 2
            weight -20
            fall 2
            rise 2
        }
        vrrp_instance VI_1 {
            state MASTER
            interface eth0
            virtual_router_id 51
            priority 100
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass 1111
            }
            virtual_ipaddress {
                192.168.200.16/24 dev eth0
                192.168.200.17
            }
            track_script {
                chk
            }
            notify_master "/bin/echo master"
            notify_backup "/bin/echo backup"
        }

        """,
        """
        ! seed: lvs
        virtual_server 10.10.10.2 1358 {
            delay_loop 6
            lb_algo rr
            lb_kind NAT
            persistence_timeout 50
            protocol TCP
            sorry_server 192.168.200.200 1358
            real_server 192.168.200.2 1358 {
                weight 1
                HTTP_GET {
                    url {
                      path /testurl3/test.jsp
                      digest 640205b7b0fc66c1ea91c463fac6334d
                    }
                    connect_timeout 3
                    retry 3
                    delay_before_retry 3
                }
            }
            real_server 192.168.200.3 1358 {
                weight 2
                TCP_CHECK {
                    connect_port 1358
                    connect_timeout 3
                }
            }
        }

        """,
        """
        ! seed: preprocessor
        $IF=eth0
        $BASE=10
        @lab1 global_defs { router_id one }
        @^lab1 global_defs { router_id other }
        vrrp_instance V1 {
            interface $IF
            virtual_router_id ${BASE}1
            priority 101
            virtual_ipaddress {
        ~SEQ(n, 1, 3)         10.0.$n.1
            }
        }
        vrrp_instance V2 {
            interface $IF
            virtual_router_id ${BASE}2
            virtual_ipaddress {
                10.0.9.1
            }
        }
        vrrp_sync_group G {
            group {
                V1
                V2
            }
            smtp_alert yes
        }
        static_ipaddress {
            192.168.1.1/24 dev lo scope link
        }
        static_routes {
            192.168.2.0/24 via 192.168.1.254 dev lo
        }

        """,
    ]
}
