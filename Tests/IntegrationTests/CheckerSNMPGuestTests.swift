// KEEPALIVED-MIB (global scalars and the check subtree) and the check traps compared with
// keepalived 2.2.7 on a real IPVS kernel: in one boot of the QEMU guest, snmpd + Debian's
// keepalived (checker only), then snmpd + ours, each walked with snmpwalk and watched by
// snmptrapd while a real server goes down and at SIGTERM. IPVS counters and rates move with time
// and traffic, so they are masked, except the connection counts.
import Foundation
import KeepalivedTestSupport
import Testing

/// What the guest runs besides our daemon; in CI a missing one fails the test instead of skipping it.
enum CheckSNMPGuestGate {
    static let oracle = ["/usr/sbin/keepalived", "/usr/sbin/snmpd", "/usr/sbin/snmptrapd", "/usr/bin/snmpwalk", "/usr/bin/snmpset"]
    static var shouldRun: Bool {
        IPVSGuestGate.shouldRun && (Lab.availability.isCI || oracle.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) })
    }
}

@Suite(.serialized, .enabled(if: CheckSNMPGuestGate.shouldRun,
                             "needs net-snmp and Debian's keepalived (scripts/bootstrap); CI=true makes their absence a failure"))
struct CheckerSNMPGuestTests {

    static let config = """
        global_defs {
          router_id guest
          enable_snmp_checker
          enable_traps
          snmp_socket unix:/tmp/snmp/agentx.sock
          lvs_timeouts tcp 900 udp 60
          lvs_sync_daemon vd1 VI_1 maxlen 1400 port 8848 ttl 2 group 239.1.2.3
        }
        virtual_server_group G {
          10.9.9.10 80
          fwmark 5
          10.9.9.20-30 443
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          quorum 2
          snmp_name web
          sorry_server 10.0.3.2 80
          real_server 10.0.1.2 80 {
            snmp_name rs1
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.0.2.2 80 {
            weight 3
            uthreshold 100
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.0.3.3 80 {
            inhibit_on_failure
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        virtual_server group G {
          delay_loop 30
          warmup 0
          lvs_method DR
          protocol TCP
          real_server 10.0.2.2 80 {
            TCP_CHECK {
              connect_timeout 1
            }
          }
        }
        virtual_server fwmark 7 {
          ip_family inet6
          delay_loop 2
          delay_before_retry 3
          retry 2
          warmup 0
          connect_timeout 4
          lvs_sched sh
          sh-port
          lvs_method TUN type gue port 6080 csum
          persistence_timeout 600
          persistence_granularity 64
          omega
          hysteresis 1
          quorum_up "/bin/true up"
          quorum_down "/bin/true down"
          virtualhost www.example.com
          smtp_alert
          quorum 2
          weight 3
          real_server 2001:db8::2 80 {
            lthreshold 5
            uthreshold 50
            inhibit_on_failure
            notify_up "/bin/true rs up"
            notify_down "/bin/true rs down"
            virtualhost rs.example.com
            delay_loop 3
            smtp_alert off
            snmp_name six
            MISC_CHECK {
              misc_path "/bin/true"
            }
          }
        }
        """

    /// Both real servers serving and snmpd running in the guest (read community `public`, write
    /// `private`, traps to 16162), with the shell helpers the SNMP guest scripts share: `walk OID`,
    /// `statuses` (the real servers' realServerStatus column) and `await COMMAND OUTPUT` (up to 60 s).
    static let snmpdShell = """
        serve 1; serve 2
        printf 'master agentx\\nagentXSocket /tmp/snmp/agentx.sock\\nagentaddress udp:127.0.0.1:16161\\nrocommunity public 127.0.0.1\\nrwcommunity private 127.0.0.1\\ntrap2sink 127.0.0.1:16162 public\\n' > /tmp/snmp/snmpd.conf
        snmpd -f -Lo -C -c /tmp/snmp/snmpd.conf -m '' -p /tmp/snmp/snmpd.pid > /tmp/snmpd.log 2>&1 &
        n=100; while [ ! -S /tmp/snmp/agentx.sock ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
        walk() { snmpwalk -v2c -c public -On -m '' -t 3 -r 1 127.0.0.1:16161 "$1"; }
        statuses() { walk .1.3.6.1.4.1.9586.100.5.3.4.1.6 2>/dev/null | awk '{printf "%s ", $NF}'; }
        await() {
          n=300
          while [ $n -gt 0 ]; do [ "$($1)" = "$2" ] && return 0; sleep 0.2; n=$((n - 1)); done
          echo "timed out waiting for $1 to be '$2': '$($1)'"; cat /tmp/ka-$IMPL.log; return 1
        }
        """

    /// Runs each implementation in turn under the same snmpd: settle, traffic, walk, a real server
    /// down, SIGTERM; one `== walk NAME`, `== traps NAME` and `== log NAME` section each.
    static let script = IPVSGuest.natLabScript(realServers: 2) + """
        ip link set lo up
        mkdir -p /var/lib/snmp /run /var/run /tmp/snmp
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        printf 'disableAuthorization yes\\nsnmpTrapdAddr udp:127.0.0.1:16162\\n' > /tmp/snmp/snmptrapd.conf
        \(snmpdShell)
        traps() { grep -c '^.1.3.6.1.2.1.1.3.0' /tmp/traps-$IMPL.txt 2>/dev/null || true; }
        observe() {
          IMPL=$1; shift
          snmptrapd -f -Lf /tmp/traps-$IMPL.txt -C -c /tmp/snmp/snmptrapd.conf -m '' -On -F '%v\\n' &
          TRAPD=$!
          sleep 1
          "$@" -n -l -G -f /tmp/keepalived.conf -p /tmp/ka.pid -c /tmp/ka_check.pid -r /tmp/ka_vrrp.pid > /tmp/ka-$IMPL.log 2>&1 &
          KA=$!
          await statuses "1 1 2 1 1 "
          await traps 4
          ask "traffic $IMPL" 4
          # past the kernel's estimator tick and both daemons' 5 s counter cache
          sleep 6
          echo "== walk $IMPL"; walk .1.3.6.1.4.1.9586.100.5
          stop_server 1
          await traps 5
          kill -TERM $KA; wait $KA || echo "keepalived exited $?"
          sleep 2
          kill $TRAPD; wait $TRAPD || true
          echo "== traps $IMPL"; grep '^.1.3.6.1.2.1.1.3.0' /tmp/traps-$IMPL.txt || true
          echo "== log $IMPL"; cat /tmp/ka-$IMPL.log
          echo "== ipvs after $IMPL"; ipvsadm -Ln
          serve 1
        }
        observe debian /usr/sbin/keepalived -C
        observe ours $K
        echo "== snmpd"; cat /tmp/snmpd.log
        """

    /// A walk line with its IPVS statistics masked: they keep their OID and type, not their value.
    static func masked(_ line: String) -> String {
        guard line.hasPrefix(CheckerSNMPTests.check), CheckerSNMPTests.isStatistics(String(line.dropFirst(CheckerSNMPTests.check.count))),
              let colon = line.range(of: ": ", options: .backwards) else { return line }
        return String(line[..<colon.upperBound]) + "*"
    }

    @Test func checkSubtreeAndTrapsMatchKeepalivedOnRealIPVS() throws {
        let keepalived = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run(
            "K=\(keepalived)\nCONF='\(Self.config)'\n" + Self.script,
            binaries: [keepalived] + CheckSNMPGuestGate.oracle,
            image: image, timeout: .seconds(300))
        print("IPVS guest (check SNMP): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        func walk(_ name: String) -> [String] {
            (sections["walk " + name] ?? "").split(separator: "\n").map { Self.masked(String($0)) }
        }
        // sysUpTime differs from run to run; everything else in a trap must match.
        func traps(_ name: String) -> [String] {
            (sections["traps " + name] ?? "").split(separator: "\n").map {
                String($0).replacing(/Timeticks: \(\d+\) [0-9:.]+/, with: "Timeticks: *")
            }
        }
        let (theirs, ours) = (walk("debian"), walk("ours"))
        #expect(theirs.count > 300, "\(result)")
        // The checker serves the global scalars too (keepalived's base MIB), here with no VRRP MIB.
        #expect(theirs.contains { $0.hasPrefix(".1.3.6.1.4.1.9586.100.5.1.1.0 = STRING: \"Keepalived v2.2.7") }, "\(result)")
        #expect(ours == theirs, "walks differ: \(zip(ours, theirs).filter { $0 != $1 }.prefix(10))\n\(result)")
        #expect(traps("debian").count == 11, "\(result)")
        #expect(traps("ours") == traps("debian"), "\(result)")
        // The connection counts do not drift: 4 requests, 2 per real server, read from the kernel by both.
        func connections(_ name: String) -> [String] {
            (sections["walk " + name] ?? "").split(separator: "\n").map(String.init).filter { line in
                [".5.3.3.1.27.", ".5.3.3.1.38.", ".5.3.4.1.14.", ".5.3.4.1.27."].contains { line.contains($0) }
            }
        }
        #expect(connections("debian").contains(".1.3.6.1.4.1.9586.100.5.3.3.1.38.1 = Counter64: 4"), "\(result)")
        #expect(connections("ours") == connections("debian"), "\(result)")
        let raw = { (name: String) in (sections["walk " + name] ?? "").split(separator: "\n").map(String.init) }
        let moved = zip(raw("ours"), raw("debian")).filter { $0 != $1 }
        print("IPVS guest (check SNMP): \(moved.count) statistics cells differ before masking: \(moved.prefix(6))")
    }
}
