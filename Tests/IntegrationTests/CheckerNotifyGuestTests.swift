// keepalived 2.2.7's checker as the oracle for the checker's notifications: it cannot start on
// this host (no ip_vs), so both daemons run in the QEMU guest (Debian's cloud kernel has ip_vs)
// with the same configuration: two virtual servers over two real servers, each real server failing
// and returning (one quorum lost and regained each time; the first server has two checkers in the
// second virtual server, which come back one after the other), then SIGTERM with omega. The notify_fifo
// and lvs_notify_fifo lines, the scripts each one ran, and the smtp_alert mails as they came over
// the wire to smtp-sink (this package's minimal SMTP server; the guest has no python) are compared.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct CheckerNotifyGuestTests {
    static let debian = "/usr/sbin/keepalived"

    /// smtp-sink from the debug build (`SMTP_SINK_BINARY` overrides).
    static var sink: String? {
        if let path = ProcessInfo.processInfo.environment["SMTP_SINK_BINARY"] { return path }
        let path = PackagePaths.root + "/.build/debug/smtp-sink"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// smtp_alert from global_defs, turned off for one real server of the first virtual server and
    /// for the second virtual server (whose real servers still mail: they inherit the global one).
    static let config = """
        global_defs {
          router_id guest
          notification_email {
            ops@guest.example
            noc@guest.example
          }
          notification_email_from ka@guest.example
          smtp_server 127.0.0.1 2525
          smtp_connect_timeout 5
          smtp_alert
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
          quorum 2
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
          real_server 10.0.2.2 80 {
            smtp_alert off
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        virtual_server 10.9.9.10 80 {
          delay_loop 1
          lb_kind NAT
          protocol TCP
          smtp_alert off
          real_server 10.0.1.2 80 {
            HTTP_GET {
              url {
                path /who
                status_code 200
              }
              connect_timeout 1
              retry 0
            }
            MISC_CHECK {
              misc_path /tmp/misc.sh
            }
          }
          real_server 10.0.2.2 80 {
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """

    /// One run of `$K` in the guest: the FIFO lines, the scripts' record and, step by step, the
    /// bytes each SMTP client sent (CR shown as `<CR>`), each in its section.
    static let script = IPVSGuest.natLabScript(realServers: 2) + """
        serve 1; serve 2
        printf '%s\\n' "$CONF" > /tmp/keepalived.conf
        printf '#!/bin/sh\\necho "$*" >> /tmp/record.log\\n' > /tmp/record.sh; chmod 755 /tmp/record.sh
        printf '#!/bin/sh\\necho "started with $#" >> /tmp/lvs.log\\nwhile read l; do echo "$l" >> /tmp/lvs.log; done < "$1"\\n' > /tmp/lvs-reader.sh
        chmod 755 /tmp/lvs-reader.sh
        printf '#!/bin/sh\ntest -e /tmp/misc-ok\n' > /tmp/misc.sh; chmod 755 /tmp/misc.sh
        # Until `ipvsadm -Ln` shows PATTERN on COUNT lines.
        await() {
          n=100
          while [ $n -gt 0 ]; do
            [ "$(ipvsadm -Ln | grep -c "$1")" = $2 ] && return 0
            sleep 0.2; n=$((n - 1))
          done
          echo "timed out waiting for $2 of '$1'"; cat /tmp/keepalived.log; return 1
        }
        # Until the daemon's log has COUNT lines with PATTERN (or 20 s passed).
        awaitlog() {
          n=100
          while [ $n -gt 0 ] && [ "$(grep -c "$1" /tmp/keepalived.log)" -lt $2 ]; do sleep 0.2; n=$((n - 1)); done
        }
        mails() { mkdir /tmp/mails/$1; mv /tmp/sink/*.smtp /tmp/mails/$1/ 2>/dev/null || true; }
        run() {
          rm -rf /tmp/record.log /tmp/all.fifo /tmp/fifo.log /tmp/lvs.log /tmp/sink /tmp/mails; touch /tmp/misc-ok
          mkfifo /tmp/all.fifo; mkdir /tmp/sink /tmp/mails
          $SINK 127.0.0.1 2525 /tmp/sink & s=$!
          while [ ! -e /tmp/sink/ready ]; do sleep 0.1; done
          cat /tmp/all.fifo > /tmp/fifo.log &
          $1 -n -l -G -f /tmp/keepalived.conf -p /tmp/k.pid -r /tmp/kv.pid -c /tmp/kc.pid > /tmp/keepalived.log 2>&1 &
          k=$!
          await 10.0.1.2:80 2; await 10.0.2.2:80 2; awaitlog 'Misc check for' 1; awaitlog 'Remote Web server' 1
          sleep 1; mails 1-start
          stop_server 1; rm /tmp/misc-ok; await 10.0.1.2:80 0; awaitlog 'Misc check for.*failed' 1; awaitlog 'HTTP_CHECK on' 1
          sleep 1; mails 2-rs1-down
          serve 1; await 10.0.1.2:80 1; awaitlog 'Remote Web server' 2; sleep 1; mails 3-rs1-up
          touch /tmp/misc-ok; await 10.0.1.2:80 2; sleep 1; mails 3-rs1-misc-up
          stop_server 2; await 10.0.2.2:80 0; sleep 1; mails 4-rs2-down
          serve 2; await 10.0.2.2:80 2; sleep 1; mails 5-rs2-up
          kill -TERM $k; wait $k || true; sleep 1.5; mails 6-stop
          kill $s
          echo "== $2 fifo"; cat /tmp/fifo.log
          echo "== $2 scripts"; cat /tmp/record.log
          echo "== $2 lvs"; cat /tmp/lvs.log
          for d in /tmp/mails/*; do
            echo "== $2 mail $(basename $d)"
            for f in $d/*.smtp; do [ -e "$f" ] && { echo "-- connection"; sed 's/\\r$/<CR>/' "$f"; }; done
          done
          echo "== $2 log"; cat /tmp/keepalived.log
        }
        run $THEIRS theirs
        run $OURS ours
        """

    static let steps = ["1-start", "2-rs1-down", "3-rs1-up", "3-rs1-misc-up", "4-rs2-down", "5-rs2-up", "6-stop"]

    /// FIFO lines (`VS v STATE`, `RS r v STATE`) grouped by the virtual server they name.
    static func byVirtualServer(_ lines: [String]) -> [String: [String]] {
        Dictionary(grouping: lines) { line in
            let fields = line.split(separator: " ")
            return fields.count >= 3 ? String(fields[fields.count - 2]) : ""
        }
    }

    /// The dialogues of one step (what each SMTP client sent, "" for a client that sent nothing),
    /// each with its Date masked and our Message-ID (keepalived sends none) left out, in a stable
    /// order: keepalived mails the alerts of one moment concurrently.
    static func dialogues(_ section: String?) -> [String] {
        var dialogues: [[String]] = []
        for line in (section ?? "").split(separator: "\n") {
            if line == "-- connection" {
                dialogues.append([])
            } else if !line.hasPrefix("Message-ID: ") && !dialogues.isEmpty {
                dialogues[dialogues.count - 1].append(line.hasPrefix("Date: ") ? "Date: <masked><CR>" : String(line))
            }
        }
        return dialogues.map { $0.joined(separator: "\n") }.sorted()
    }

    @Test func fifoLinesScriptsAndMailsMatchKeepalivedThroughOmegasShutdown() throws {
        let ours = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        let sink = try #require(Self.sink, "smtp-sink is not built: swift build --product smtp-sink")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("THEIRS=\(Self.debian)\nOURS=\(ours)\nSINK=\(sink)\nCONF='\(Self.config)'\n" + Self.script,
                                       binaries: [Self.debian, ours, sink], image: image)
        print("IPVS guest (checker notifications, both daemons): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        func lines(_ name: String) -> [String] { (sections[name] ?? "").split(separator: "\n").map(String.init) }
        #expect(!lines("theirs fifo").isEmpty, "\(result)")
        // The lines of each virtual server in order (those of two virtual servers at one moment
        // may interleave either way).
        #expect(Self.byVirtualServer(lines("ours fifo")) == Self.byVirtualServer(lines("theirs fifo")), "\(result)")
        #expect(lines("ours scripts").sorted() == lines("theirs scripts").sorted(), "\(result)")
        // lvs_notify_fifo_script: started with the FIFO's name, ended before the shutdown lines.
        #expect(lines("theirs lvs").first == "started with 1", "\(result)")
        #expect(Self.byVirtualServer(lines("ours lvs")) == Self.byVirtualServer(lines("theirs lvs")), "\(result)")

        // The mails, step by step, byte for byte but the date (and our Message-ID).
        for step in Self.steps.dropLast() {
            let theirs = Self.dialogues(sections["theirs mail \(step)"]), mine = Self.dialogues(sections["ours mail \(step)"])
            #expect(mine == theirs, "\(step): keepalived 2.2.7:\n\(theirs.joined(separator: "\n--\n"))\nours:\n\(mine.joined(separator: "\n--\n"))")
        }
        // At SIGTERM keepalived connects for each of omega's shutdown alerts but exits once its
        // notify scripts have, before the greeting is read (so far as it got, it says what ours says);
        // ours gives them up to a second and delivers them.
        let theirsStop = Self.dialogues(sections["theirs mail 6-stop"]), oursStop = Self.dialogues(sections["ours mail 6-stop"])
        #expect(oursStop.count == theirsStop.count && theirsStop.allSatisfy { dialogue in oursStop.contains { $0.hasPrefix(dialogue) } },
                "keepalived 2.2.7:\n\(theirsStop.joined(separator: "\n--\n"))\nours:\n\(oursStop.joined(separator: "\n--\n"))")
        #expect(oursStop.allSatisfy { $0.contains("\n=> Shutting down <=<CR>\n") && $0.hasSuffix("\n.<CR>\nQUIT<CR>") }, "\(oursStop)")
        // The oracle exercised what the configuration is for: a quorum lost, and a server of the
        // silent virtual server mailed.
        let all = Self.steps.flatMap { Self.dialogues(sections["theirs mail \($0)"]) }
        func sent(_ parts: String...) -> Bool { all.contains { mail in parts.allSatisfy { mail.contains($0) } } }
        #expect(sent("Subject: [guest] Virtualserver [10.9.9.9]:tcp:80 - DOWN", "=> Lost quorum"), "\(result)")
        // With two checkers, the first one back mails the server still DOWN.
        #expect(sent("Subject: [guest] Realserver [10.0.1.2]:tcp:80 of virtual server [10.9.9.10]:tcp:80 - DOWN", "=> CHECK succeed on service <="),
                "\(result)")
        #expect(!sent("Virtualserver [10.9.9.10]"), "\(result)")
        #expect(!sent("Realserver [10.0.2.2]:tcp:80 of virtual server [10.9.9.9]"), "\(result)")
        // Ours adds a Message-ID to every mail.
        let ourMails = Self.steps.flatMap { (sections["ours mail \($0)"] ?? "").components(separatedBy: "-- connection\n").dropFirst() }
        #expect(!ourMails.isEmpty && ourMails.allSatisfy { $0.contains("\nMessage-ID: <") }, "\(result)")
    }
}
