// keepalived 2.2.7's checker as the oracle for the checker's notifications: it cannot start on
// this host (no ip_vs), so both daemons run in the QEMU guest (Debian's cloud kernel has ip_vs)
// with the same configuration, a real server failing and returning, then SIGTERM with omega; the
// notify_fifo and lvs_notify_fifo lines and the scripts each one ran are compared.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct CheckerNotifyGuestTests {
    static let debian = "/usr/sbin/keepalived"

    static let config = """
        global_defs {
          router_id guest
          notify_fifo /tmp/all.fifo
          lvs_notify_fifo /tmp/lvs.fifo
          lvs_notify_fifo_script /tmp/lvs-reader.sh
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lb_algo rr
          lb_kind NAT
          protocol TCP
          omega
          quorum_up "/tmp/record.sh quorum_up"
          quorum_down "/tmp/record.sh quorum_down"
          real_server 10.0.1.2 80 {
            notify_up "/tmp/record.sh up"
            notify_down "/tmp/record.sh down"
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """

    /// One run of `$K` in the guest: the FIFO lines and the scripts' record, each in its section.
    static let script = IPVSGuest.natLabScript(realServers: 1) + """
        serve 1
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        printf '#!/bin/sh\\necho "$*" >> /tmp/record.log\\n' > /tmp/record.sh; chmod 755 /tmp/record.sh
        printf '#!/bin/sh\\necho "started with $#" >> /tmp/lvs.log\\nwhile read l; do echo "$l" >> /tmp/lvs.log; done < "$1"\\n' > /tmp/lvs-reader.sh
        chmod 755 /tmp/lvs-reader.sh
        await() {
          n=100
          while [ $n -gt 0 ]; do
            if ipvsadm -Ln | grep -q "$1"; then [ $2 = yes ] && return 0; else [ $2 = no ] && return 0; fi
            sleep 0.2; n=$((n - 1))
          done
          echo "timed out waiting for '$1' to be $2"; cat /tmp/keepalived.log; return 1
        }
        run() {
          rm -f /tmp/record.log /tmp/all.fifo /tmp/fifo.log /tmp/lvs.log; mkfifo /tmp/all.fifo
          cat /tmp/all.fifo > /tmp/fifo.log &
          $1 -n -l -G -f /tmp/keepalived.conf -p /tmp/k.pid -r /tmp/kv.pid -c /tmp/kc.pid > /tmp/keepalived.log 2>&1 &
          k=$!
          await 10.0.1.2 yes; sleep 1.5
          stop_server 1; await 10.0.1.2 no; sleep 1
          serve 1; await 10.0.1.2 yes; sleep 1
          kill -TERM $k; wait $k || true; sleep 1.5
          echo "== $2 fifo"; cat /tmp/fifo.log
          echo "== $2 scripts"; cat /tmp/record.log
          echo "== $2 lvs"; cat /tmp/lvs.log
          echo "== $2 log"; cat /tmp/keepalived.log
        }
        run $THEIRS theirs
        run $OURS ours
        """

    @Test func fifoLinesAndScriptsMatchKeepalivedThroughOmegasShutdown() throws {
        let ours = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("THEIRS=\(Self.debian)\nOURS=\(ours)\nCONF='\(Self.config)'\n" + Self.script,
                                       binaries: [Self.debian, ours], image: image)
        print("IPVS guest (checker notifications, both daemons): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        func lines(_ name: String) -> [String] { (sections[name] ?? "").split(separator: "\n").map(String.init) }
        #expect(!lines("theirs fifo").isEmpty, "\(result)")
        #expect(lines("ours fifo") == lines("theirs fifo"), "\(result)")
        #expect(lines("ours scripts").sorted() == lines("theirs scripts").sorted(), "\(result)")
        // lvs_notify_fifo_script: started with the FIFO's name, ended before the shutdown lines.
        #expect(lines("theirs lvs").first == "started with 1", "\(result)")
        #expect(lines("ours lvs") == lines("theirs lvs"), "\(result)")
    }
}
