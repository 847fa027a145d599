import Foundation
import Testing
import KeepalivedTestSupport

/// When the protocol checker tests run: with the lab, aiosmtpd and dnsmasq; in CI always, so a
/// missing piece fails there.
enum ProtocolCheckerGate {
    static let dnsmasq = "/usr/sbin/dnsmasq"
    static let hasDNSMasq = FileManager.default.isExecutableFile(atPath: dnsmasq)
    static let shouldRun = Lab.availability.testsShouldRun && (Lab.availability.isCI || (SMTPSink.isAvailable && hasDNSMasq))
}

/// SMTP_CHECK, DNS_CHECK, UDP_CHECK, PING_CHECK and FILE_CHECK against real servers in a lab
/// namespace: aiosmtpd (and a silent listener), dnsmasq, a python3 UDP echo, the lab's own
/// addresses and a tracked file, each failing the way that matters (refused, timeout, NXDOMAIN,
/// no listener behind an ICMP port unreachable, wrong reply, host gone, a file's value). keepalived
/// 2.2.7's checker cannot start on a kernel without ip_vs, so the expected lines are the ones its
/// source gives (CheckerCoreTests holds the full transcripts).
@Suite(.serialized, .enabled(if: ProtocolCheckerGate.shouldRun, "needs root, iproute2, python3-aiosmtpd and dnsmasq: \(Lab.availability)"))
struct ProtocolCheckerTests {
    typealias F = VRRPFixtures
    static let dnsmasq = ProtocolCheckerGate.dnsmasq

    static func config(loadFile: String) -> String {
        """
        global_defs {
          router_id lab1
        }
        track_file load {
          file \(loadFile)
        }
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.12 2525 {
            SMTP_CHECK {
              connect_timeout 1
              retry 0
              helo_name checker.lab
            }
          }
          real_server 10.77.0.12 2526 {
            SMTP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.12 2527 {
            SMTP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.77.0.12 53 {
            DNS_CHECK {
              type A
              name ok.lab
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.12 54 {
            DNS_CHECK {
              name nope.lab
              connect_port 53
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.12 7 {
            UDP_CHECK {
              payload 68656c6c6f
              require_reply 68656c6c6f
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.12 8 {
            UDP_CHECK {
              connect_port 7
              payload 68656c6c6f
              require_reply 6e6f
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.12 9 {
            UDP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.13 80 {
            PING_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.98 80 {
            PING_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.77.0.12 81 {
            FILE_CHECK {
              track_file load
              weight 0
            }
          }
          real_server 10.77.0.12 82 {
            FILE_CHECK {
              track_file load
              weight 3
            }
          }
        }
        \(pingIPv6)
        """
    }

    /// PING_CHECK over ICMPv6: the lab's address of router 2, and one nobody has.
    static let pingIPv6 = """
        virtual_server fd77::100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server fd77::12 80 {
            PING_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server fd77::98 80 {
            PING_CHECK {
              retry 0
              connect_timeout 1
            }
          }
        }
        """

    @Test func serversFailingTheWaysThatMatter() throws {
        F.checkPrerequisites()
        #expect(SMTPSink.isAvailable, "python3-aiosmtpd is missing: run scripts/bootstrap")
        #expect(FileManager.default.isExecutableFile(atPath: Self.dnsmasq), "dnsmasq is missing: run scripts/bootstrap")
        try Lab.withLab(routers: 2) { lab in
            let server = lab.router(2)
            // Every unreachable port answers at once (the kernel rate-limits ICMP errors by default).
            _ = try server.run(["sysctl", "-qw", "net.ipv4.icmp_ratelimit=0"])
            _ = try server.ip("addr", "add", "10.77.0.13/24", "dev", "eth0")
            let smtp = try SMTPSink.start(in: server, address: "10.77.0.12", port: 2525, directory: lab.directory + "/smtp")
            _ = try SMTPSink.start(in: server, address: "10.77.0.12", port: 2526, directory: lab.directory + "/silent", behaviour: .silent)
            let dns = try server.start([Self.dnsmasq, "--no-daemon", "--conf-file=/dev/null", "--port=53", "--listen-address=10.77.0.12",
                                        "--bind-interfaces", "--no-resolv", "--no-hosts", "--pid-file=", "--user=root",
                                        "--address=/ok.lab/10.1.2.3", "--local=/lab/"], name: "dnsmasq")
            let echo = try server.start(["python3", "-c", """
                import socket
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(("10.77.0.12", 7))
                while True:
                    data, peer = s.recvfrom(2048); s.sendto(data, peer)
                """], name: "udp-echo")
            _ = try server.start(["python3", "-c", """
                import socket
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("10.77.0.12", 2527)); s.listen(64)
                while True:
                    c, _ = s.accept(); c.sendall(b"554 no service here\\r\\n"); c.close()
                """], name: "smtp-busy")
            let load = lab.directory + "/load"
            try "0\n".write(toFile: load, atomically: true, encoding: .utf8)
            usleep(300_000)
            let ours = try lab.router(1).start(
                [F.ourBinary, "-n", "-l", "-G", "-f", try lab.router(1).installFile("/etc/keepalived/checks.conf",
                    contents: Self.config(loadFile: load)),
                 "-p", lab.directory + "/ck.pid", "-r", lab.directory + "/ck-vrrp.pid"], name: "keepalived-checks")
            func saw(_ line: String, within limit: Double = 6) -> Bool {
                F.wait(atMost: limit) { ours.output.contains(line) } != nil
            }
            let vs = "[10.77.0.100]:tcp:80"
            // The servers that answer.
            #expect(saw("Remote SMTP server [10.77.0.12]:tcp:2525 succeed on service."), "\(ours.output)")
            #expect(saw("UDP connection to [10.77.0.12]:tcp:7 success."), "\(ours.output)")
            #expect(saw("ICMP connection to [10.77.0.13]:tcp:80 success."), "\(ours.output)")
            // Silence, NXDOMAIN, a wrong reply, a closed port and nobody there fail at the first check.
            #expect(saw("SMTP_CHECK Read timeout from server [10.77.0.12]:2526"), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:2526 from VS \(vs)"), "\(ours.output)")
            #expect(saw("SMTP_CHECK Bad greeting banner from server [10.77.0.12]:2527"), "\(ours.output)")
            #expect(saw("DNS_CHECK ([10.77.0.12]:tcp:54) read error occurred. (rcode = 3)"), "\(ours.output)")
            #expect(saw("UDP_CHECK on service [10.77.0.12]:tcp:8 failed."), "\(ours.output)")
            #expect(saw("UDP_CHECK on service [10.77.0.12]:tcp:9 failed."), "\(ours.output)")
            #expect(saw("ICMP CHECK on service [10.77.0.98]:tcp:80 failed."), "\(ours.output)")
            #expect(saw("ICMP connection to [fd77::12]:tcp:80 success."), "\(ours.output)")
            #expect(saw("ICMP CHECK on service [fd77::98]:tcp:80 failed."), "\(ours.output)")
            #expect(!ours.output.contains("DNS_CHECK ([10.77.0.12]:tcp:53)"), "\(ours.output)")
            #expect(!ours.output.contains("Removing service [10.77.0.12]:tcp:53 "), "\(ours.output)")
            // The file: weight 0 takes its server out on a non-zero value; weight 3 scales it.
            try "1\n".write(toFile: load, atomically: true, encoding: .utf8)
            #expect(saw("Removing service [10.77.0.12]:tcp:81 from VS \(vs)"), "\(ours.output)")
            #expect(saw("Changing weight from 1 to 4 for active service [10.77.0.12]:tcp:82 of VS \(vs)"), "\(ours.output)")
            try "0\n".write(toFile: load, atomically: true, encoding: .utf8)
            #expect(saw("Adding service [10.77.0.12]:tcp:81 to VS \(vs)"), "\(ours.output)")
            // Refused, no DNS server (ICMP port unreachable), no echo, the host gone.
            _ = smtp.process.stop()
            _ = dns.stop()
            _ = echo.stop()
            _ = try server.ip("addr", "del", "10.77.0.13/24", "dev", "eth0")
            #expect(saw("SMTP_CHECK Could not connect to server [10.77.0.12]:2525"), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:2525 from VS \(vs)"), "\(ours.output)")
            #expect(saw("DNS_CHECK ([10.77.0.12]:tcp:53) failed to read socket; errno 111 (Connection refused)"), "\(ours.output)")
            #expect(saw("UDP_CHECK on service [10.77.0.12]:tcp:7 failed."), "\(ours.output)")
            #expect(saw("ICMP CHECK on service [10.77.0.13]:tcp:80 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.13]:tcp:80 from VS \(vs)"), "\(ours.output)")
            #expect(!ours.output.contains("Removing service [fd77::12]:tcp:80"), "\(ours.output)")
        }
    }

    /// Where net.ipv4.ping_group_range admits root, PING_CHECK uses the unprivileged ping socket
    /// keepalived uses (the lab's namespaces refuse it by default, so the test above runs raw).
    @Test func pingOverThePingSocket() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(1)
            _ = try router.run(["sysctl", "-qw", "net.ipv4.ping_group_range=0 0"])
            let ours = try router.start(
                [F.ourBinary, "-n", "-l", "-G", "-f", try router.installFile("/etc/keepalived/ping.conf", contents: Self.pingIPv6 + """
                    virtual_server 10.77.0.100 80 {
                      delay_loop 1
                      lvs_sched rr
                      lvs_method NAT
                      protocol TCP
                      real_server 10.77.0.12 80 {
                        PING_CHECK {
                          retry 0
                          connect_timeout 1
                        }
                      }
                      real_server 10.77.0.98 80 {
                        PING_CHECK {
                          retry 0
                          connect_timeout 1
                        }
                      }
                    }
                    """),
                 "-p", lab.directory + "/ping.pid", "-r", lab.directory + "/ping-vrrp.pid"], name: "keepalived-ping")
            func saw(_ line: String) -> Bool { F.wait(atMost: 6) { ours.output.contains(line) } != nil }
            #expect(saw("ICMP connection to [10.77.0.12]:tcp:80 success."), "\(ours.output)")
            #expect(saw("ICMP connection to [fd77::12]:tcp:80 success."), "\(ours.output)")
            #expect(saw("ICMP CHECK on service [10.77.0.98]:tcp:80 failed."), "\(ours.output)")
            #expect(saw("ICMP CHECK on service [fd77::98]:tcp:80 failed."), "\(ours.output)")
            #expect(!ours.output.contains("Removing service [10.77.0.12]:tcp:80"), "\(ours.output)")
        }
    }
}
