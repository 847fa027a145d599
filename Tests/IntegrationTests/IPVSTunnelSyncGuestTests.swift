// lvs_method TUN type ..., lvs_timeouts and lvs_sync_daemon against a real IPVS kernel: Debian's
// keepalived 2.2.7, then ours, run the same configuration in one QEMU guest boot (Debian's cloud
// kernel has ip_vs; this host's has none), and what ipvsadm reads back is compared: the tunnel
// columns of `ipvsadm -Ln --tun-info`, `ipvsadm -L --timeout` while running and after SIGTERM, and
// `ipvsadm -L --daemon` while the VRRP instance is backup, once it is master, after a reload that
// changes its port, and after SIGTERM;
// under strace, the IPVS_CMD_SET_CONFIG/GET_CONFIG and NEW_DAEMON/DEL_DAEMON messages each sends.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct IPVSTunnelSyncGuestTests {
    static let config = """
        global_defs {
          router_id guest
          lvs_timeouts tcp 7200 tcpfin 90 udp 45
          lvs_sync_daemon vd2 VI_1 id 7 maxlen 1400 port 8848 ttl 2 group 224.0.0.81
        }
        vrrp_instance VI_1 {
          state BACKUP
          interface vd1
          virtual_router_id 51
          priority 100
          advert_int 1
          virtual_ipaddress {
            10.9.9.10/32
          }
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lb_algo rr
          lvs_method TUN type gue port 6080 csum
          protocol TCP
          real_server 10.0.1.2 80 {
            TCP_CHECK {
              connect_timeout 1
            }
          }
          real_server 10.0.2.2 80 {
            lvs_method TUN type gre
            TCP_CHECK {
              connect_timeout 1
            }
          }
          real_server 10.0.3.2 80 {
            lvs_method TUN type gue port 7070 remcsum
            TCP_CHECK {
              connect_timeout 1
            }
          }
        }
        """

    /// One daemon's run: the sync daemon as backup, the table and timeouts, the sync daemon as
    /// master, and everything again after SIGTERM.
    static let script = IPVSGuest.natLabScript(realServers: 3) + """
        serve 1; serve 2; serve 3
        # Polls (up to 20 s) until the output of $1 contains $2.
        await() {
          n=100
          while [ $n -gt 0 ]; do
            if $1 2>&1 | grep -q "$2"; then return 0; fi
            sleep 0.2; n=$((n - 1))
          done
          echo "timed out waiting for '$2' in $1"; $1; cat /tmp/keepalived.log; return 1
        }
        run() {
          printf '%s\\n' "$CONF" > /tmp/keepalived.conf
          echo "== $2 timeout before"; ipvsadm -L --timeout
          strace -f -e trace=sendmsg,sendto -xx -s 1024 -o /tmp/strace.log \\
            $1 -n -l -G -f /tmp/keepalived.conf -p /tmp/k.pid -r /tmp/kv.pid -c /tmp/kc.pid > /tmp/keepalived.log 2>&1 &
          k=$!
          await "ipvsadm -L --daemon" "backup sync daemon"
          echo "== $2 daemon backup"; ipvsadm -L --daemon
          await "ipvsadm -Ln" 10.0.3.2
          echo "== $2 table"; ipvsadm -Ln --tun-info
          echo "== $2 timeout"; ipvsadm -L --timeout
          await "ipvsadm -L --daemon" "master sync daemon"
          echo "== $2 daemon master"; ipvsadm -L --daemon
          sed -i 's/port 8848/port 8850/' /tmp/keepalived.conf; kill -HUP $(cat /tmp/k.pid)
          await "ipvsadm -L --daemon" "port=8850"
          echo "== $2 daemon reloaded"; ipvsadm -L --daemon
          kill -TERM $(cat /tmp/k.pid); wait $k || true
          echo "== $2 daemon stopped"; ipvsadm -L --daemon
          echo "== $2 timeout stopped"; ipvsadm -L --timeout
          echo "== $2 table stopped"; ipvsadm -Ln
          echo "== $2 log"; cat /tmp/keepalived.log
          # The generic netlink payloads of commands 9, 10, 12 and 13, as hex.
          echo "== $2 genl"; grep -o '"\\\\x0[9acd]\\\\x01\\\\x00\\\\x00[^"]*"' /tmp/strace.log | sed 's/\\\\x//g; s/"//g'
        }
        run $THEIRS theirs
        run $OURS ours
        """

    @Test func tunnelTimeoutsAndSyncDaemonMatchKeepalived() throws {
        let ours = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "strace is missing: run scripts/bootstrap")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("THEIRS=\(CheckerNotifyGuestTests.debian)\nOURS=\(ours)\nCONF='\(Self.config)'\n" + Self.script,
                                       binaries: [CheckerNotifyGuestTests.debian, ours, "/usr/bin/strace"], image: image)
        print("IPVS guest (tunnel, timeouts, sync daemon, both daemons): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        let compared = ["timeout before", "daemon backup", "table", "timeout", "daemon master", "daemon reloaded",
                        "daemon stopped", "timeout stopped", "table stopped"]
        for name in compared {
            #expect(sections["ours " + name] == sections["theirs " + name], "\(name)\n\(result)")
        }
        // What both read, spelled out: the tunnel columns, our timeouts, then the kernel's again.
        let rows = (sections["ours table"] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows.contains("-> 10.0.1.2:80                  Tunnel  gue:6080:+c   1      0          0"), "\(result)")
        #expect(rows.contains("-> 10.0.2.2:80                  Tunnel  gre:-c        1      0          0"), "\(result)")
        #expect(rows.contains("-> 10.0.3.2:80                  Tunnel  gue:7070:r+c  1      0          0"), "\(result)")
        #expect(sections["ours timeout"] == "Timeout (tcp tcpfin udp): 7200 90 45\n", "\(result)")
        #expect(sections["ours timeout stopped"] == sections["ours timeout before"], "\(result)")
        let settings = "sync daemon (mcast=vd2, syncid=7, maxlen=1400, group=224.0.0.81, port=8848, ttl=2)\n"
        #expect(sections["ours daemon backup"] == "backup " + settings, "\(result)")
        #expect(sections["ours daemon master"] == "master " + settings, "\(result)")
        #expect(sections["ours daemon stopped"] == "", "\(result)")
        // The same messages: the timeouts read, set and put back; the backup daemon started, swapped
        // for a master one, and the master one stopped at SIGTERM (one process here, two there:
        // compared per kind). keepalived's reload sends its own series of daemon messages (a start
        // refused with EEXIST among them), so there only the outcome above is compared.
        func genl(_ name: String, _ commands: Set<String>) -> [String] {
            (sections[name + " genl"] ?? "").split(separator: "\n").map(String.init).filter { commands.contains(String($0.prefix(2))) }
        }
        // keepalived's checker reload puts the kernel's timeouts back and sets lvs_timeouts again;
        // ours sets them again without the moment of defaults in between.
        let ourConfig = genl("ours", ["0c", "0d"])
        let theirConfig = genl("theirs", ["0c", "0d"])
        #expect(ourConfig.count == 4 && ourConfig.prefix(2) == theirConfig.prefix(2) && ourConfig.last == theirConfig.last, "\(result)")
        #expect(ourConfig[2...].first == ourConfig[1], "\(result)")
        let ourDaemons = genl("ours", ["09", "0a"])
        let theirDaemons = genl("theirs", ["09", "0a"])
        #expect(ourDaemons.prefix(3) == theirDaemons.prefix(3) && ourDaemons.last == theirDaemons.last, "\(result)")
        // Ours: backup, master, the reload's restart on the new port in the master state, stop.
        #expect(ourDaemons.map { $0.prefix(2) + "/" + $0.dropFirst(24).prefix(2) }
                == ["09/02", "0a/02", "09/01", "0a/01", "09/02", "0a/02", "09/01", "0a/01"], "\(result)")
        #expect(sections["ours daemon reloaded"] == "master " + settings.replacingOccurrences(of: "8848", with: "8850"), "\(result)")
        let log = sections["ours log"] ?? ""
        #expect(log.contains("(VI_1) Entering MASTER STATE"), "\(result)")
        #expect(!log.contains("IPVS cmd") && !log.contains("Failed to"), "a request the kernel refused\n\(result)")
    }
}
