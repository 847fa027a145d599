import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Probe settings and edge cases of the checker half; expectations match keepalived 2.2.7 `-t`.
private func load(_ text: String) -> LoadedConfiguration {
    ConfigLoader.load(
        .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false),
        host: InMemoryHost(files: ["/etc/keepalived/keepalived.conf": text]))
}

private func counted(_ loaded: LoadedConfiguration) -> [String] {
    loaded.diagnostics.compactMap { d in d.keepalivedClass.map { _ in "\(d.location?.line ?? 0) \(d.message)" } }
}

@Test func probeSettingsAndTheirErrors() throws {
    let loaded = load("""
        virtual_server 10.0.0.1 53 {
          lvs_sched rr
          lvs_method NAT
          protocol UDP
          real_server 10.0.0.2 53 {
            UDP_CHECK {
              payload 01 02 0a0b
              require_reply 01 xx 3
              min_reply_length 70000
            }
            DNS_CHECK {
              type aaaa
              name example.com
              name other.com
            }
            DNS_CHECK {
              name .
            }
            SMTP_CHECK {
              host {
                connect_ip fe80::1
              }
            }
            PING_CHECK {
              bind_if averyveryverylongname0
              fwmark -1
            }
            TCP_CHECK {
              warmup 2.5
              log_all_failures
              alpha no
              delay_before_retry 1.1234567
            }
          }
        }

        """)
    #expect(counted(loaded) == [
        "9 number '70000' outside range [0, 65535]",
        "9 UDP_CHECK min length 70000 not valid - must be between 0 & 65535",
        "14 DNS_CHECK name already specified - ignoring",
        "22 Checker link local address fe80::1 requires a bind_if",
        "25 Interface name averyveryverylongname0 is too long - ignoring",
        "26 negative number '-1'",
        "26 Invalid fwmark connection value '-1'",
        "32 number '1.1234567' has too many decimal places",
    ])
    #expect(loaded.configTestExitCode == 5)
    let checkers = try #require(loaded.configuration.virtualServers.first?.realServers.first?.checkers)
    #expect(checkers.count == 6)
    guard case let .udp(udp) = checkers[0].probe else { Issue.record("not UDP_CHECK"); return }
    #expect(udp.payload == [0x01, 0x02, 0x0a, 0x0b])
    #expect(udp.requireReply && udp.replyData == [0x01, 0x00, 0x03] && udp.replyMask == [0x00, 0xff, 0x00])
    guard case let .dns(dns) = checkers[1].probe else { Issue.record("not DNS_CHECK"); return }
    #expect(dns.type == .aaaa && dns.name == "example.com")
    #expect(checkers[1].retry == 3 && checkers[1].delayBeforeRetry == checkers[1].delayLoop)
    guard case let .dns(root) = checkers[2].probe else { Issue.record("not DNS_CHECK"); return }
    #expect(root.name == "." && root.type == .soa)
    // The SMTP host block was refused (link local without bind_if): the checker checks the real server.
    guard case let .smtp(smtp) = checkers[3].probe else { Issue.record("not SMTP_CHECK"); return }
    #expect(smtp.hosts.isEmpty && checkers[3].connection?.connectIP == nil)
    #expect(checkers[4].probe == .ping && checkers[4].connection?.bindInterface == nil && checkers[4].connection?.fwmark == nil)
    #expect(checkers[5].probe == .tcp)
    #expect(checkers[5].warmup == 2_500_000 && checkers[5].logAllFailures && checkers[5].alpha == false)
    // Too many decimal places is reported, and the value rounded and kept.
    #expect(checkers[5].delayBeforeRetry == 1_123_457)
}

@Test func familiesGranularityHaSuspendAndFwmarkPorts() throws {
    let loaded = load("""
        virtual_server 10.0.0.1 80 {
          ip_family inet7
          protocol TCP
          lvs_sched rr
          lvs_method NAT
          sorry_server 2001:db8::1 80
          persistence_granularity 64
          real_server 2001:db8::2 80 {
            lvs_method TUN
            HTTP_GET {
              url {
                path /x
                regex_options caseless
                regex_min_offset 5
              }
              url {
                path /y
                regex "a(b"
                regex_min_offset 9
                regex_max_offset 3
              }
              enable_sni
              fast_recovery off
              http_protocol 1.1
              virtualhost www.example.com
            }
          }
        }
        virtual_server fwmark 7 {
          lvs_sched rr
          lvs_method DR
          ha_suspend
          real_server 10.0.0.5 80 {
          }
          sorry_server 10.0.0.6 81
        }
        virtual_server ::1 0 {
          lvs_sched rr
          lvs_method DR
          protocol UDP
          persistence_timeout
          persistence_granularity 200
          real_server ::2 {
          }
        }

        """)
    #expect(counted(loaded) == [
        "2 unknown address family inet7",
        "28 Address family of virtual server and sorry server 2001:db8::1 don't match - skipping sorry server.",
        "42 number '200' outside range [1, 128]",
        "42 Invalid IPv6 persistence_granularity specified - 200",
        "29 Virtual server FWM 7: cannot use ha_suspend with fwmarks - clearing ha_suspend",
        "33 WARNING - fwmark virtual server FWM 7, real server [10.0.0.5]:none:80 has port specified - clearing",
        "35 WARNING - virtual server FWM 7, sorry server has port specified - clearing",
    ])
    let servers = loaded.configuration.virtualServers
    #expect(servers.count == 3)
    // inet_aton reads "64" as 0.0.0.64, as keepalived's getaddrinfo does.
    #expect(servers[0].persistenceGranularity == .ipv4Mask(IPAddress("0.0.0.64")!))
    #expect(servers[0].persistenceTimeout == 360)
    #expect(servers[0].sorryServer == nil)
    guard case let .http(http)? = servers[0].realServers.first?.checkers.first?.probe else { Issue.record("not HTTP_GET"); return }
    #expect(http.enableSNI && !http.fastRecovery && http.httpProtocol == .http11 && http.virtualhost == "www.example.com")
    // regex options without regex are dropped; min >= max offsets are reset.
    #expect(http.urls[0].regexOptions.isEmpty && http.urls[0].regexMinOffset == 0)
    #expect(http.urls[1].regex == "a(b" && http.urls[1].regexMinOffset == 0 && http.urls[1].regexMaxOffset == 0)
    #expect(!servers[1].haSuspend && servers[1].realServers.first?.port == nil && servers[1].sorryServer?.port == nil)
    #expect(servers[1].family == .inet)
    #expect(servers[2].persistenceTimeout == 360 && servers[2].realServers.first?.port == nil)
}

@Test func ipv6GroupEntries() throws {
    let loaded = load("""
        virtual_server_group V6 {
          2001:db8::1-2001:db8::1:5 80
          2001:db8::10-5 80
          2001:db8::/0 80
          2001:db8::1/127 80
          2001:db8::/126
          10.0.0.1-2001:db8::3 80
          10.0.0.0/33 80
          10.0.0.5-10.0.0.1 80
        }
        virtual_server group V6 {
          lvs_sched rr
          protocol TCP
          lvs_method DR
          real_server 2001:db8::9 80 {
          }
        }

        """)
    #expect(counted(loaded) == [
        "3 Address range end is not greater than address range start - 2001:db8::10-5 - skipping",
        "4 Invalid netmask - 2001:db8::/0 - skipping",
        "5 Address mask bits not empty - 2001:db8::1/127 - skipping",
        "7 Invalid virtual server group IP address 10.0.0.1-2001:db8::3 /port/80 - skipping",
        "8 Invalid netmask - 10.0.0.0/33 - skipping",
        "9 Address range end is less than address range start - 10.0.0.5-10.0.0.1 - skipping",
        "11 Virtual server [V6]:0: zero port only valid for persistent services - setting",
        "15 virtual server [V6]:0:[2001:db8::-2001:db8::3,0] and real server [2001:db8::9]:tcp:80 ports don't match",
    ])
    let group = try #require(loaded.configuration.virtualServerGroups.first)
    #expect(group.entries == [
        .addresses(first: IPAddress("2001:db8::1")!, last: IPAddress("2001:db8::1:5")!, port: 80),
        .addresses(first: IPAddress("2001:db8::")!, last: IPAddress("2001:db8::3")!, port: nil),
    ])
    #expect(loaded.configuration.virtualServers.first?.family == .inet6)
}

@Test(arguments: [
    ("virtual_server 10.0.0.1 80 {\n  lvs_sched\n}\n", 2),
    ("virtual_server\n", 1),
    ("virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_ip\n    }\n  }\n}\n", 4),
])
func missingParametersStopLikeKeepalived(_ text: String, line: Int) {
    let loaded = load(text)
    #expect(loaded.configTestExitCode == 2)
    #expect(loaded.diagnostics.first { $0.keepalivedClass == .missingParameter }?.location?.line == line)
}

@Test func keepalivedQuirksAreKept() throws {
    let loaded = load("""
        virtual_server 10.0.0.1 80 {
          lvs_sched sh
          hashed
          mh-port
          lb_kind TUN
          sorry_server_lvs_method DR
          sorry_server_inhibit
          protocol sctp
          quorum 0
          warmup x
          real_server 10.0.0.2 {
            weight 0
            lvs_method DR
            TCP_CHECK {
              connect_ip 10.0.0.x
              bindto 2001:db8::1
              delay_loop 5x
            }
          }
          sorry_server 10.0.0.2 0
        }

        """)
    #expect(counted(loaded) == [
        "6 sorry_server forwarding used without sorry_server",
        "7 Ignoring sorry_server inhibit used before or without sorry_server",
        "9 number '0' outside range [1, 4294967295]",
        "9 Quorum 0 must be in [1, 4294967295]. Setting to 1.",
        // A junk timer is reported but its leading digits still count (read_timer's ignore_error).
        "10 invalid number 'x'",
        "15 Invalid connect_ip address 10.0.0.x - ignoring",
        // After a refused connect_ip keepalived has no destination family to compare bindto with.
        "17 invalid number '5x'",
        "1 Warning - quorum 1 for [10.0.0.1]:sctp:80 exceeds total weight of real servers 0, reducing quorum to 0",
        "1 Virtual server [10.0.0.1]:sctp:80: hysteresis 0 >= quorum 0; setting hysteresis to 4294967295",
    ])
    let vs = try #require(loaded.configuration.virtualServers.first)
    #expect(vs.warmup == 0 && vs.serviceProtocol == .sctp && vs.quorum == 0)
    // hashed and mh-port are quietly ignored under the sh scheduler.
    #expect(vs.flags.isEmpty)
    let rs = try #require(vs.realServers.first)
    #expect(rs.weight == 0 && rs.port == 80 && rs.forwarding?.kind == .directRouting)
    #expect(rs.checkers.first?.delayLoop == 5)
    #expect(rs.checkers.first?.connection?.bindTo == IPAddress("2001:db8::1"))
    // The sorry server equals the real server, so it takes its inhibit setting (off: no message).
    #expect(vs.sorryServer?.forwarding?.kind == .tunnel && vs.sorryServer?.port == 80)
}
