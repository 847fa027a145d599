import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Invalid checker configurations: every expectation here is what Debian's keepalived 2.2.7
/// `-t` printed for the same text (line, message; the class decides the exit status).
private func check(_ text: String, files: [String: String] = [:]) -> (diagnostics: [(Int, ConfigErrorClass, String)], exit: Int32, config: Configuration) {
    var host = InMemoryHost(files: ["/etc/keepalived/keepalived.conf": text])
    for (path, content) in files { host.add(path, content) }
    let loaded = ConfigLoader.load(
        .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false), host: host)
    let counted = loaded.diagnostics.compactMap { d in d.keepalivedClass.map { (d.location?.line ?? 0, $0, d.message) } }
    return (counted, loaded.configTestExitCode, loaded.configuration)
}

private func messages(_ result: (diagnostics: [(Int, ConfigErrorClass, String)], exit: Int32, config: Configuration)) -> [String] {
    result.diagnostics.map(\.2)
}

private func lines(_ result: (diagnostics: [(Int, ConfigErrorClass, String)], exit: Int32, config: Configuration)) -> [Int] {
    result.diagnostics.map(\.0)
}

@Test func virtualServerWithoutRealServersIsDropped() {
    let result = check("virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n}\n")
    #expect(messages(result) == ["Virtual server [10.0.0.1]:tcp:80 has no real servers - ignoring"])
    #expect(result.diagnostics.first?.1 == .generalError)
    #expect(result.exit == 5)
    #expect(result.config.virtualServers.isEmpty)
}

@Test func defaultsAreSetWithKeepalivedsWarnings() throws {
    let result = check("virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n    }\n  }\n}\n")
    #expect(messages(result) == [
        "Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP",
        "Virtual server [10.0.0.1]:udp:80: no scheduler set, setting default 'wlc'",
        "Virtual server [10.0.0.1]:udp:80: no forwarding method set, setting default NAT",
    ])
    #expect(result.exit == 5)
    let vs = try #require(result.config.virtualServers.first)
    #expect(vs.serviceProtocol == .udp && vs.scheduler == .wlc && vs.forwarding?.kind == .nat)
    let rs = try #require(vs.realServers.first)
    #expect(rs.forwarding?.kind == .nat && rs.weight == 1)
    let checker = try #require(rs.checkers.first)
    #expect(checker.retry == 1)
    #expect(checker.delayLoop == 60_000_000)
    #expect(checker.warmup == 60_000_000)
    #expect(checker.delayBeforeRetry == 1_000_000)
    #expect(checker.connection?.connectTimeout == 5_000_000)
}

@Test func zeroPortDuplicatesAndPortMismatch() throws {
    let result = check("""
        virtual_server 10.0.0.1 0 {
          lvs_sched rr
          lvs_method DR
          protocol TCP
          real_server 10.0.0.2 81 {
          }
          real_server 10.0.0.2 81 {
          }
        }

        """)
    #expect(messages(result) == [
        "Virtual server [10.0.0.1]:tcp:0: zero port only valid for persistent services - setting",
        "VS [10.0.0.1]:tcp:0: real server [10.0.0.2]:tcp:81 is duplicated - removing second rs",
        "WARNING - virtual server [10.0.0.1]:tcp:0 and real server [10.0.0.2]:tcp:81 ports don't match - resetting",
    ])
    let vs = try #require(result.config.virtualServers.first)
    #expect(vs.persistenceTimeout == 360)
    #expect(vs.realServers.count == 1 && vs.realServers[0].port == nil)
}

@Test func badAddressesSkipTheirBlocks() {
    let result = check("""
        virtual_server 10.0.0.300 80 {
          lvs_sched rr
          real_server 10.0.0.2 80 {
          }
        }
        virtual_server 10.0.0.3 99999 {
          lvs_sched rr
        }
        virtual_server fwmark abc {
        }
        virtual_server 10.0.0.4 80 {
          lvs_sched foo
          lvs_method NAT
          protocol TCP
          real_server 10.0.0.x 80 {
             weight 3
          }
          real_server fe80::1 80 {
          }
        }

        """)
    #expect(messages(result) == [
        "Invalid virtual server IP address/port 10.0.0.300/80 - skipping",
        "number '99999' outside range [1, 65535]",
        "Invalid virtual server IP address/port 10.0.0.3/99999 - skipping",
        "invalid number 'abc'",
        "virtual server fwmark 'abc' must be in [0, 4294967295] - ignoring",
        "Invalid lvs_scheduler 'foo' - ignoring",
        "Invalid real server ip address/port 10.0.0.x/80 - skipping",
        "Address family of virtual server and real server fe80::1 don't match - skipping real server.",
        "Virtual server [10.0.0.4]:tcp:80 has no real servers - ignoring",
    ])
    #expect(lines(result).prefix(8) == [1, 6, 6, 9, 9, 12, 15, 19])
    #expect(result.diagnostics.map(\.1).filter { $0 == .invalidNumber }.count == 2)
    #expect(result.config.virtualServers.isEmpty)
}

@Test func schedulerFlagsTunnelsQuorumAndHysteresis() throws {
    let result = check("""
        virtual_server 10.0.0.1 80 {
          lvs_sched rr
          hashed
          sh-port
          lvs_method TUN type gue
          protocol TCP
          ops
          quorum 10
          hysteresis 20
          real_server 10.0.0.2 80 {
            weight 2
          }
        }

        """)
    #expect(messages(result) == [
        "hashed only applies to sh scheduler - ignoring",
        "sh-port only applies to sh scheduler - ignoring",
        "gue tunnels require port, otherwise cannot have port.",
        "Virtual server [10.0.0.1]:tcp:80: one packet scheduling requires UDP - resetting",
        "Warning - quorum 10 for [10.0.0.1]:tcp:80 exceeds total weight of real servers 2, reducing quorum to 2",
        "Virtual server [10.0.0.1]:tcp:80: hysteresis 20 >= quorum 2; setting hysteresis to 1",
    ])
    let vs = try #require(result.config.virtualServers.first)
    #expect(vs.quorum == 2 && vs.hysteresis == 1 && vs.flags.isEmpty)
    #expect(vs.forwarding?.kind == .tunnel && vs.forwarding?.tunnelType == .ipip)
}

@Test func shFlagsAndGueTunnelsWhenValid() throws {
    let result = check("""
        virtual_server 10.0.0.1 80 {
          lvs_sched sh
          sh-port
          sh-fallback
          lvs_method TUN type gue port 6080 csum
          protocol UDP
          ops
          real_server 10.0.0.2 80 {
          }
        }

        """)
    #expect(result.diagnostics.isEmpty)
    let vs = try #require(result.config.virtualServers.first)
    #expect(vs.flags == [.scheduler1, .scheduler2, .onePacket])
    #expect(vs.forwarding == ForwardingMethod(kind: .tunnel, tunnelType: .gue, tunnelPort: 6080, tunnelChecksum: .checksum))
    #expect(vs.realServers.first?.forwarding == vs.forwarding)
}

@Test func virtualServerGroupEntries() throws {
    let result = check("""
        virtual_server_group G1 {
          10.0.0.1 80
          10.0.0.2-10 80
          10.0.0.20-10.0.0.30 80
          10.0.1.0/24 80
          10.0.2.1/24 80
          10.0.3.5-3 80
          10.0.3.5-300 80
          10.0.3.5-1x 80
          2001:db8::1-ff 80
          2001:db8::/64
          fwmark 5
          fwmark 6 inet7
          fwmark x
          10.0.0.1 abc
        }
        virtual_server_group EMPTY {
        }
        virtual_server_group G2 {
          10.0.0.1 80
          10.0.0.2-10 80
          10.0.0.20-10.0.0.30 80
          10.0.1.0/24 80
          2001:db8::1-ff 80
          fwmark 5 inet6
        }

        """)
    #expect(messages(result) == [
        "Address mask bits not empty - 10.0.2.1/24 - skipping",
        "Address range end is not greater than address range start - 10.0.3.5-3 - skipping",
        "Virtual server group range '10.0.3.5-300' end '300' too large",
        "Virtual server group range '10.0.3.5-1x' has extra characters at end 'x'",
        "(G1): fwmark '6' family inet7 unknown - ignoring",
        "invalid number 'x'",
        "(G1): fwmark 'x' must be in [0, 4294967295] - ignoring",
        "invalid number 'abc'",
        "Invalid virtual server group IP address 10.0.0.1 /port/abc - skipping",
        "virtual server group G1 cannot have IPv4, IPv6 and fwmark without family - removing",
        "virtual server group EMPTY has no entries - removing",
    ])
    #expect(lines(result) == [6, 7, 8, 9, 13, 14, 14, 15, 15, 16, 18])
    let group = try #require(result.config.virtualServerGroups.first)
    #expect(result.config.virtualServerGroups.count == 1 && group.name == "G2")
    let v4 = { IPAddress($0)! }
    #expect(group.entries == [
        .addresses(first: v4("10.0.0.1"), last: v4("10.0.0.1"), port: 80),
        .addresses(first: v4("10.0.0.2"), last: v4("10.0.0.10"), port: 80),
        .addresses(first: v4("10.0.0.20"), last: v4("10.0.0.30"), port: 80),
        .addresses(first: v4("10.0.1.0"), last: v4("10.0.1.255"), port: 80),
        .addresses(first: v4("2001:db8::1"), last: v4("2001:db8::ff"), port: 80),
        .fwmark(5, family: .inet6),
    ])
}

@Test func groupReferencesAreResolved() {
    let result = check("""
        virtual_server_group G {
          10.0.0.1 80
        }
        virtual_server group NOPE {
          real_server 10.0.0.9 80 {
          }
        }
        virtual_server group G {
          lvs_sched rr
          lvs_method DR
          protocol TCP
          real_server 10.0.0.9 8080 {
          }
        }

        """)
    // keepalived only logs a missing group; the port mismatch is a configuration error.
    #expect(messages(result) == ["virtual server [G]:0:[10.0.0.1,80] and real server [10.0.0.9]:tcp:8080 ports don't match"])
    #expect(result.config.virtualServers.map(\.groupName) == ["G"])
    #expect(result.config.virtualServers.first?.family == .inet)
}

/// One real server holding `checker` (lines 1-5 are the wrapper, the checker starts on line 6).
private func inRealServer(_ checker: String) -> String {
    "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n  real_server 10.0.0.2 80 {\n"
        + checker + "  }\n}\n"
}

@Test func checkerKeywordErrors() {
    let http = check(inRealServer("""
            HTTP_GET {
              nb_get_retry 3
              http_protocol 2.0
              url {
                digest 123
                status_code 200 302-301 700 200-204
              }
            }

        """))
    #expect(messages(http) == [
        "nb_get_retry is deprecated - please use 'retry'",
        "Invalid http_protocol version 2.0",
        "digest '123' character length should be 32 rather than 3",
        "Invalid HTTP_GET status code '302-301'",
        "Invalid HTTP_GET status code '700'",
        "HTTP/SSL_GET checker url has no path - ignoring",
        "HTTP/SSL_GET checker has no urls specified - ignoring",
    ])
    #expect(lines(http) == [7, 8, 10, 11, 11, 12, 13])

    let ssl = check(inRealServer("""
            SSL_GET {
              url {
                path /
                digest zz3456789012345678901234567890ab
              }
              connect_ip fe80::1
              bindto 10.0.0.5
              connect_port 0
              retry x
              delay_loop 0
              alpha maybe
            }

        """))
    #expect(messages(ssl) == [
        "Unable to interpret hex digit in 'zz' at offset 0/1",
        "bindto address 10.0.0.5 does not match address family of connect_ip - skipping",
        "number '0' outside range [1, 65535]",
        "Invalid checker connect_port '0'",
        "invalid number 'x'",
        "Invalid retry connection value 'x'",
        "number '0' outside range [0.000001, 18446744073709.551614]",
        "delay_loop '0' is invalid - ignoring",
        "Invalid alpha parameter maybe",
        "Checker link local address fe80::1 requires a bind_if",
    ])
    #expect(lines(ssl) == [9, 12, 13, 13, 14, 14, 15, 15, 16, 17])
    // The link-local checker is dropped, so the real server has none left.
    #expect(ssl.config.virtualServers.first?.realServers.first?.checkers.isEmpty == true)
}

@Test func probeKeywordErrors() {
    // The last value: whether keepalived drops the checker.
    let cases: [(String, [(Int, String)], Bool)] = [
        ("    MISC_CHECK {\n      misc_timeout 5\n    }\n", [(8, "No script path has been specified for MISC_CHECKER - skipping")], true),
        ("    MISC_CHECK {\n      misc_path \"/bin/true x\"\n      user nosuchuser\n    }\n",
         [(8, "Failed to set uid/gid for misc checker script '/bin/true' 'x' - removing")], true),
        ("    DNS_CHECK {\n      type FOO\n      name a..b\n    }\n",
         [(7, "Unknown DNS check type FOO - ignoring"), (8, "DNS_CHECK name 'a..b' has empty label - ignoring")], false),
        ("    UDP_CHECK {\n      payload zz\n      min_reply_length 10\n      max_reply_length 5\n    }\n",
         [(7, "Invalid hex string for UDP_CHECK payload"), (10, "UDP_CHECK min_reply length 10 > max_reply_length 5 - will always fail")], false),
        ("    FILE_CHECK {\n      track_file nofile\n      weight 5 sideways\n    }\n",
         [(7, "track_file nofile not found"), (8, "unknown track file weight option sideways - ignoring"),
          (9, "FILE_CHECK has no track_file specified - ignoring")], true),
        ("    BFD_CHECK {\n      name nobfd\n    }\n", [(7, "([10.0.0.2]:tcp:80) BFD_CHECK - BFD nobfd not configured")], true),
    ]
    for (text, expected, dropped) in cases {
        let result = check(inRealServer(text))
        #expect(result.diagnostics.map { "\($0.0) \($0.2)" } == expected.map { "\($0.0) \($0.1)" })
        #expect(result.exit == 5)
        let rs = result.config.virtualServers.first?.realServers.first
        #expect((rs?.checkers.isEmpty == true && rs?.fileChecks.isEmpty == true) == dropped)
    }
}

@Test func sslBlockAndServiceKeywordErrors() throws {
    let result = check("""
        SSL {
          password
          ca /a
          ca /b
        }
        SSL {
        }
        virtual_server 10.0.0.1 80 {
          ip_family inet6
          persistence_timeout 0
          persistence_granularity 255.255.255.0
          smtp_alert maybe
          snmp_name a b
          weight 0
          sorry_server 10.0.0.9 8080
          sorry_server_inhibit
          sorry_server_lvs_method FOO
          quorum_up "/bin/echo up"
          quorum_up "/bin/echo up2"
          real_server 10.0.0.2 80 {
            lvs_method TUN type ipip csum
            inhibit_on_failure
            notify_up /bin/true
            notify_up /bin/false
            uthreshold -1
            connect_timeout 0
          }
        }

        """, files: ["/bin/echo": "", "/bin/true": "", "/bin/false": ""])
    #expect(messages(result) == [
        "SSL password missing",
        "SSL cafile already specified - replacing",
        "SSL context already specified - replacing",
        "Virtual server specified family inet6 conflicts with server family",
        "number '0' outside range [1, 2678400]",
        "persistence_timeout invalid",
        "Invalid virtual_server smtp_alert parameter maybe",
        "virtual server snmp_name missing or extra parameters",
        "number '0' outside range [1, 2147483647]",
        "Virtual server weight 0 is outside range 1-2147483647",
        "PARSER : unknown [FOO] routing method for sorry server.",
        "((null)) quorum_up script already specified - ignoring /bin/echo up2",
        "ipip tunnels do not support checksum option.",
        "((null)) notify_up script already specified - ignoring /bin/false",
        "negative number '-1'",
        "Invalid real_server uthreshold '-1' - ignoring",
        "number '0' outside range [0.000001, 4294.967295]",
        "real server connect_timeout 0 invalid - ignoring",
        "Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP",
        "Virtual server [10.0.0.1]:udp:80: no scheduler set, setting default 'wlc'",
        "Virtual server [10.0.0.1]:udp:80: no forwarding method set, setting default NAT",
        "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.",
    ])
    #expect(result.exit == 6)
    #expect(result.config.ssl?.caFile == nil)
    let vs = try #require(result.config.virtualServers.first)
    #expect(vs.persistenceGranularity == .ipv4Mask(IPAddress("255.255.255.0")!))
    #expect(vs.persistenceTimeout == 360)
    #expect(vs.sorryServer?.inhibit == true && vs.sorryServer?.port == 8080)
    #expect(vs.quorumUp?.arguments == ["/bin/echo", "up"])
    let rs = try #require(vs.realServers.first)
    #expect(rs.forwarding?.kind == .tunnel)
    #expect(rs.inhibitOnFailure == true)
    #expect(rs.notifyUp?.arguments == ["/bin/true"])
}
