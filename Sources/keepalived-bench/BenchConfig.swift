/// The large, realistic keepalived.conf the parse benchmark times: `instances` vrrp_instances,
/// each with its own vrrp_script, authentication, two VIPs, a track_script and notify scripts.
///
/// keepalived rejects two multicast instances with the same VRID, family, interface and group,
/// so the VRIDs 1...255 are spread over several multicast groups (`mcast_dst_ip`).
enum BenchConfig {
    static func text(instances: Int) -> String {
        var out = """
            ! keepalived-bench: \(instances) vrrp_instances with tracking scripts
            global_defs {
                router_id BENCH
                enable_script_security
                script_user root
            }

            """
        out.reserveCapacity(instances * 700)
        for i in 0..<instances {
            out += """
                vrrp_script chk_\(i) {
                    script "/bin/true \(i)"
                    interval 2
                    weight -10
                    fall 2
                    rise 2
                }

                """
        }
        for i in 0..<instances {
            let vrid = i % 255 + 1
            let group = i / 255
            let a = 10, b = group, c = (i % 255) / 2, d = (i % 2) * 100 + 1
            out += """
                vrrp_instance VI_\(i) {
                    state BACKUP
                    interface eth0
                    virtual_router_id \(vrid)
                    mcast_dst_ip 224.0.1.\(group + 1)
                    priority \(i % 250 + 2)
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass p\(i)
                    }
                    virtual_ipaddress {
                        \(a).\(b).\(c).\(d)/32 dev eth0
                        \(a).\(b).\(c).\(d + 1)/32 dev eth0
                    }
                    track_script {
                        chk_\(i)
                    }
                    notify_master "/bin/echo master VI_\(i)"
                    notify_backup "/bin/echo backup VI_\(i)"
                    notify_fault "/bin/echo fault VI_\(i)"
                }

                """
        }
        return out
    }
}
