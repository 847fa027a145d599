// SMTP_CHECK, DNS_CHECK, PING_CHECK, UDP_CHECK and FILE_CHECK under keepalived 2.2.7 and ours, one after the other in the
// QEMU guest (keepalived's checker needs ip_vs, which this host's kernel lacks): the same script,
// the same servers, and the checker lines both log must be the same.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun && (Lab.availability.isCI || ProtocolCheckerGate.hasDNSMasq),
                             "needs the IPVS guest's tools and dnsmasq (scripts/bootstrap)"))
struct ProtocolCheckerGuestTests {
    static let oracle = "/usr/sbin/keepalived"
    static let dnsmasq = ProtocolCheckerGate.dnsmasq

    static let config = """
        global_defs {
          router_id guest
          lvs_flush
          checker_log_all_failures
        }
        track_file load {
          file /tmp/load
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lb_algo rr
          lb_kind NAT
          protocol TCP
          real_server 10.0.1.2 80 {
            PING_CHECK {
              retry 1
              delay_before_retry 1
              connect_timeout 1
            }
          }
          real_server 10.0.1.3 80 {
            PING_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 54 {
            UDP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.3 53 {
            UDP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 25 {
            SMTP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 26 {
            SMTP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 27 {
            SMTP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 28 {
            SMTP_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 53 {
            DNS_CHECK {
              name ok.lab
              type A
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 55 {
            DNS_CHECK {
              name nope.lab
              connect_port 53
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 56 {
            DNS_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.4 53 {
            DNS_CHECK {
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 57 {
            UDP_CHECK {
              connect_port 53
              payload 123401000001000000000000026f6b036c61620000010001
              require_reply 12x4
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 58 {
            UDP_CHECK {
              connect_port 53
              payload 123401000001000000000000026f6b036c61620000010001
              require_reply 4321
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 59 {
            UDP_CHECK {
              connect_port 53
              payload 123401000001000000000000026f6b036c61620000010001
              require_reply 12
              min_reply_length 200
              retry 0
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 80 {
            weight 2
            FILE_CHECK {
              track_file load
              weight 3
            }
          }
          real_server 10.0.2.2 81 {
            FILE_CHECK {
              track_file load
              weight 0
            }
          }
        }
        """

    /// Each daemon in turn: start with the file at 0, let the checks settle, write 5 to the file,
    /// take rs1's link down (host gone), stop it; its log goes under `== log NAME`.
    static let script = IPVSGuest.natLabScript(realServers: 2) + """
        ip netns exec rs2 sysctl -qw net.ipv4.icmp_ratelimit=0
        # SMTP on rs2: a server that talks (25), one with a bad greeting (26), nothing on 27, a silent one (28).
        printf '#!/bin/sh\nprintf "220 rs2 ESMTP\\r\\n"; read l; printf "250 rs2\\r\\n"; read l; printf "221 bye\\r\\n"\n' > /tmp/smtp-good
        printf '#!/bin/sh\nprintf "554 busy\\r\\n"; read l\n' > /tmp/smtp-busy
        printf '#!/bin/sh\nsleep 30\n' > /tmp/smtp-silent
        chmod +x /tmp/smtp-good /tmp/smtp-busy /tmp/smtp-silent
        # DNS on rs2:53 (dnsmasq: ok.lab is 10.1.2.3, the rest of .lab NXDOMAIN); nothing on 56. UDP_CHECKs
        # 57-59 send it a query for ok.lab and match the reply's id (12x4 with a wildcard nibble passes,
        # 4321 does not, nor a reply under min_reply_length).
        echo 'root:x:0:0::/:/bin/sh' > /etc/passwd; echo 'root:x:0:' > /etc/group
        ip netns exec rs2 $DNSMASQ --keep-in-foreground --conf-file=/dev/null --port=53 --listen-address=10.0.2.2 \\
          --bind-interfaces --no-resolv --no-hosts --pid-file= --user=root --group=root \\
          --address=/ok.lab/10.1.2.3 --local=/lab/ &
        ip netns exec rs2 busybox nc -ll -p 28 -e /tmp/smtp-silent &
        ip netns exec rs2 busybox nc -ll -p 25 -e /tmp/smtp-good &
        ip netns exec rs2 busybox nc -ll -p 26 -e /tmp/smtp-busy &
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        run_daemon() {
          echo 0 > /tmp/load
          ip -n rs1 link set eth0 up
          $2 -n -l -G -f /tmp/keepalived.conf -p /tmp/k.pid -r /tmp/kv.pid -c /tmp/kc.pid > /tmp/$1.log 2>&1 &
          pid=$!
          sleep 4
          echo 5 > /tmp/load
          sleep 1
          ip -n rs1 link set eth0 down
          sleep 4
          kill -TERM $pid; wait $pid || true
          echo "== log $1"; cat /tmp/$1.log
        }
        run_daemon theirs $THEIRS
        run_daemon ours $OURS
        """

    /// The lines both daemons write about the checks, without time stamps, sorted.
    static func checkerLines(_ log: String) -> [String] {
        let topics = ["SMTP", "DNS", "ICMP", "UDP", "Removing service", "Adding service", "Changing weight", "quorum"]
        return Set(log.split(separator: "\n").compactMap { line -> String? in
            let text = line.range(of: ": ").map { String(line[$0.upperBound...]) } ?? String(line)
            return topics.contains { text.contains($0) } ? text : nil
        }).sorted()
    }

    @Test func sameLinesAsKeepalived227() throws {
        let ours = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        #expect(FileManager.default.isExecutableFile(atPath: Self.oracle), "keepalived 2.2.7 is missing: run scripts/bootstrap")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run(
            "OURS=\(ours)\nTHEIRS=\(Self.oracle)\nDNSMASQ=\(Self.dnsmasq)\nCONF='\(Self.config)'\n" + Self.script,
            binaries: [ours, Self.oracle, Self.dnsmasq], image: image)
        print("IPVS guest (protocol checkers): boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        // keepalived logs "send ICMP packet fail" when a ping's sendto fails, which happens only if a
        // probe falls in the moment the deleted host's route is gone; ours does not log it yet (README).
        let theirs = Self.checkerLines(result.sections["log theirs"] ?? "").filter { $0 != "send ICMP packet fail" }
        let ourLines = Self.checkerLines(result.sections["log ours"] ?? "")
        for line in ["ICMP connection to [10.0.1.2]:tcp:80 success.",
                     "ICMP CHECK on service [10.0.1.2]:tcp:80 of [10.9.9.9]:tcp:80 failed after 1 retries.", "Remote SMTP server [10.0.2.2]:tcp:25 succeed on service.",
                     "SMTP_CHECK Bad greeting banner from server [10.0.2.2]:26", "SMTP_CHECK Could not connect to server [10.0.2.2]:27",
                     "SMTP_CHECK Read timeout from server [10.0.2.2]:28",
                     "DNS_CHECK ([10.0.2.2]:tcp:55) read error occurred. (rcode = 3)",
                     "DNS_CHECK ([10.0.2.2]:tcp:56) failed to read socket; errno 111 (Connection refused)",
                     "DNS_CHECK ([10.0.2.4]:tcp:53) read timeout from socket",
                     "UDP connection to [10.0.2.2]:tcp:57 success.", "UDP_CHECK on service [10.0.2.2]:tcp:58 failed.",
                     "UDP_CHECK on service [10.0.2.2]:tcp:59 failed."] {
            #expect(theirs.contains(line), "\(result)")
        }
        #expect(ourLines == theirs, "\(result)")
        #expect(!theirs.contains { $0.contains("[10.0.2.2]:tcp:53 ") }, "\(result)")
    }
}
