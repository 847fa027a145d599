// Our keepalived programming a real IPVS table: the daemon runs in the QEMU guest (Debian's cloud
// kernel has ip_vs; this host's has none) with a NAT virtual server over two real servers in
// network namespaces, and `ipvsadm -Ln` plus client traffic through the VIP show what it did as
// the servers fail and come back, and at SIGTERM.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct IPVSCheckerGuestTests {
    /// Our keepalived from the debug build (`KEEPALIVED_BINARY` overrides).
    static var keepalived: String? {
        if let path = ProcessInfo.processInfo.environment["KEEPALIVED_BINARY"] { return path }
        let path = PackagePaths.root + "/.build/debug/keepalived"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static let config = """
        global_defs {
          router_id guest
          lvs_flush
        }
        virtual_server 10.9.9.9 80 {
          delay_loop 1
          lb_algo rr
          lb_kind NAT
          protocol TCP
          sorry_server 10.0.3.2 80
          real_server 10.0.1.2 80 {
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
          real_server 10.0.2.2 80 {
            inhibit_on_failure
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """

    /// Shell helpers for a test that runs our keepalived (`$K`) in the guest with /tmp/keepalived.conf.
    static let daemonHelpers = """
        table() { echo "== table $1"; ipvsadm -Ln; }
        # Polls the table (up to 20 s) until grep -q "$1" says $2 (yes/no).
        await() {
          n=100
          while [ $n -gt 0 ]; do
            if ipvsadm -Ln | grep -q "$1"; then [ $2 = yes ] && return 0; else [ $2 = no ] && return 0; fi
            sleep 0.2; n=$((n - 1))
          done
          echo "timed out waiting for '$1' to be $2"; ipvsadm -Ln; cat /tmp/keepalived.log; return 1
        }
        start_keepalived() {
          $K -n -l -G $1 -f /tmp/keepalived.conf -p /tmp/keepalived.pid -r /tmp/keepalived_vrrp.pid >> /tmp/keepalived.log 2>&1 &
          echo $! > /tmp/keepalived.kpid
        }
        stop_keepalived() { kill -TERM $(cat /tmp/keepalived.kpid); wait $(cat /tmp/keepalived.kpid) || echo "keepalived exited $?"; }

        """

    /// Two real servers (busybox httpd, each in its namespace, each saying who it is), a client
    /// namespace and the VIP; a stale service that lvs_flush must remove; then keepalived through
    /// failures, recoveries, SIGTERM, and once more with -I.
    static let script = IPVSGuest.natLabScript(realServers: 2) + daemonHelpers + """
        serve 1; serve 2
        ipvsadm -A -t 10.9.9.9:8080 -s wlc
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        start_keepalived
        await 10.0.2.2 yes
        await 8080 no
        table started; ask "traffic started" 4
        stop_server 1; await 10.0.1.2 no
        table rs1-down; ask "traffic rs1-down" 3
        serve 1; await 10.0.1.2 yes
        table rs1-back
        stop_server 2; await "10.0.2.2:80 *Masq *0" yes
        table rs2-down; ask "traffic rs2-down" 3
        serve 2; await "10.0.2.2:80 *Masq *1" yes
        table rs2-back; ask "traffic rs2-back" 4
        stop_server 1; stop_server 2; await 10.0.3.2 yes
        table quorum-lost
        serve 1; serve 2; await 10.0.3.2 no; await 10.0.1.2 yes; await "10.0.2.2:80 *Masq *1" yes
        table quorum-back
        stop_keepalived
        table stopped
        start_keepalived -I
        await 10.0.2.2 yes
        stop_keepalived
        table kept
        echo "== log"; cat /tmp/keepalived.log
        """

    @Test func daemonProgramsIPVSAsServersFailAndRecover() throws {
        let keepalived = try #require(Self.keepalived, "keepalived is not built: swift build --product keepalived")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("K=\(keepalived)\nCONF='\(Self.config)'\n" + Self.script,
                                       binaries: [keepalived], image: image)
        print("IPVS guest (keepalived): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        let header = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn

            """
        func table(_ lines: String) -> String { header + "TCP  10.9.9.9:80 rr\n" + lines }
        func replies(_ name: String) -> [String] {
            (sections["traffic " + name] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        let both = """
              -> 10.0.1.2:80                  Masq    1      0          0
              -> 10.0.2.2:80                  Masq    1      0          0

            """
        // lvs_flush removed the stale 8080 service; both servers are in.
        #expect(sections["table started"]?.hasPrefix(table(both)) == true, "\(result)")
        #expect(replies("started").sorted() == ["rs1", "rs1", "rs2", "rs2"], "\(result)")
        // rs1 fails: removed; only rs2 answers.
        #expect(sections["table rs1-down"]?.hasPrefix(table("  -> 10.0.2.2:80                  Masq    1")) == true, "\(result)")
        #expect(!(sections["table rs1-down"] ?? "10.0.1.2").contains("10.0.1.2"), "\(result)")
        #expect(replies("rs1-down") == ["rs2", "rs2", "rs2"], "\(result)")
        #expect(sections["table rs1-back"]?.contains("10.0.1.2:80                  Masq    1") == true, "\(result)")
        // rs2 (inhibit_on_failure) fails: kept at weight 0; only rs1 answers.
        #expect(sections["table rs2-down"]?.contains("-> 10.0.2.2:80                  Masq    0") == true, "\(result)")
        #expect(replies("rs2-down") == ["rs1", "rs1", "rs1"], "\(result)")
        #expect(replies("rs2-back").sorted() == ["rs1", "rs1", "rs2", "rs2"], "\(result)")
        // Both down: the quorum is lost and the sorry server takes their place; back, it goes.
        #expect(sections["table quorum-lost"]?.contains("-> 10.0.3.2:80                  Masq    1") == true, "\(result)")
        #expect(!(sections["table quorum-lost"] ?? "10.0.1.2").contains("10.0.1.2"), "\(result)")
        for row in ["-> 10.0.1.2:80                  Masq    1", "-> 10.0.2.2:80                  Masq    1"] {
            #expect(sections["table quorum-back"]?.contains(row) == true, "\(result)")
        }
        #expect(sections["table quorum-back"]?.contains("10.0.3.2") == false, "\(result)")
        // SIGTERM clears our services; with -I they stay.
        #expect(sections["table stopped"] == header, "\(result)")
        for row in ["-> 10.0.1.2:80                  Masq    1", "-> 10.0.2.2:80                  Masq    1"] {
            #expect(sections["table kept"]?.contains(row) == true, "\(result)")
        }
        let log = sections["log"] ?? ""
        for line in [
            "TCP_CHECK on service [10.0.1.2]:tcp:80 failed.",
            "Removing service [10.0.1.2]:tcp:80 from VS [10.9.9.9]:tcp:80",
            "Adding service [10.0.1.2]:tcp:80 to VS [10.9.9.9]:tcp:80",
            "Disabling service [10.0.2.2]:tcp:80 of VS [10.9.9.9]:tcp:80",
            "Enabling service [10.0.2.2]:tcp:80 of VS [10.9.9.9]:tcp:80",
            "Shutting down service [10.0.1.2]:tcp:80 from VS [10.9.9.9]:tcp:80",
        ] {
            #expect(log.contains(line), "missing log line: \(line)\n\(result)")
        }
        #expect(!log.contains("Can't initialize ipvs"), "\(result)")
        #expect(!log.contains("IPVS cmd"), "a request the kernel refused\n\(result)")
    }
}
