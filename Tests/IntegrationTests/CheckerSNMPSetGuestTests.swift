// SNMP SET of realServerWeight compared with keepalived 2.2.7's own checker on a real IPVS kernel:
// in one boot of the QEMU guest, snmpd + Debian's keepalived (checker only), then snmpd + ours,
// each given the same snmpsets; the answers, the kernel's IPVS table and the walk afterwards match.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: CheckSNMPGuestGate.shouldRun,
                             "needs net-snmp and Debian's keepalived (scripts/bootstrap); CI=true makes their absence a failure"))
struct CheckerSNMPSetGuestTests {
    static let weight = ".1.3.6.1.4.1.9586.100.5.3.4.1.7"

    static let config = """
        global_defs {
          router_id guest
          enable_snmp_checker
          snmp_socket unix:/tmp/snmp/agentx.sock
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lvs_sched wrr
          lvs_method NAT
          protocol TCP
          sorry_server 10.0.3.2 80
          real_server 10.0.1.2 80 {
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.0.2.2 80 {
            weight 3
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """

    /// Each implementation in turn under the same snmpd: both real servers up, the snmpsets (two
    /// weights, 300 among them, and three refusals), then `ipvsadm -Ln`, the weight column and the log.
    static let script = IPVSGuest.natLabScript(realServers: 2) + """
        ip link set lo up
        mkdir -p /var/lib/snmp /run /var/run /tmp/snmp
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        \(CheckerSNMPGuestTests.snmpdShell)
        sset() { snmpset -v2c -c private -On -m '' -t 3 -r 0 127.0.0.1:16161 "$@" 2>&1 || true; }
        observe() {
          IMPL=$1; shift
          "$@" -n -l -G -f /tmp/keepalived.conf -p /tmp/ka.pid -c /tmp/ka_check.pid -r /tmp/ka_vrrp.pid > /tmp/ka-$IMPL.log 2>&1 &
          KA=$!
          await statuses "1 1 "
          echo "== set $IMPL"
          sset \(weight).1.2 i 7
          sset \(weight).1.3 i 300
          sset \(weight).1.1 i 5
          sset \(weight).1.2 s 5
          sset .1.3.6.1.4.1.9586.100.5.3.4.1.6.1.2 i 2
          sleep 1
          echo "== ipvs $IMPL"; ipvsadm -Ln
          echo "== weights $IMPL"; walk \(weight)
          kill -TERM $KA; wait $KA || echo "keepalived exited $?"
          echo "== log $IMPL"; cat /tmp/ka-$IMPL.log
        }
        observe debian /usr/sbin/keepalived -C
        observe ours $K
        """

    @Test func realServerWeightMatchesKeepalivedOnRealIPVS() throws {
        let keepalived = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run(
            "K=\(keepalived)\nCONF='\(Self.config)'\n" + Self.script,
            binaries: [keepalived] + CheckSNMPGuestGate.oracle,
            image: image, timeout: .seconds(300))
        print("IPVS guest (check SNMP SET): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        func lines(_ name: String) -> [String] { (sections[name] ?? "").split(separator: "\n").map(String.init) }
        #expect(lines("set debian").first == "\(Self.weight).1.2 = INTEGER: 7", "\(result)")
        #expect(lines("set ours") == lines("set debian"), "\(result)")
        // keepalived takes the low byte: 300 is 44.
        #expect(lines("ipvs debian").contains { $0.contains("10.0.2.2:80") && $0.contains(" 44 ") }, "\(result)")
        #expect(lines("ipvs ours") == lines("ipvs debian"), "\(result)")
        #expect(lines("weights debian") == ["\(Self.weight).1.2 = INTEGER: 7", "\(Self.weight).1.3 = INTEGER: 44"], "\(result)")
        #expect(lines("weights ours") == lines("weights debian"), "\(result)")
        for line in ["Changing weight from 1 to 7 for active service [10.0.1.2]:tcp:80 of VS [10.9.9.9]:tcp:80",
                     "Changing weight from 3 to 44 for active service [10.0.2.2]:tcp:80 of VS [10.9.9.9]:tcp:80"] {
            #expect((sections["log debian"] ?? "").contains(line) && (sections["log ours"] ?? "").contains(line), "\(line)\n\(result)")
        }
    }
}
