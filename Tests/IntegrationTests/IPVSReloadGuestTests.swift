// SIGHUP for the checker against a real IPVS table: our keepalived in the QEMU guest reloads a NAT
// virtual server with a weight change, an added and a removed real server; `ipvsadm -Ln --stats`
// before and after shows the unchanged destinations were left alone (their connection counters
// survive, which a delete and re-add would reset).
import Foundation
import KeepalivedTestSupport
import Testing

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct IPVSReloadGuestTests {
    /// A NAT virtual server over the given real servers (`rs number: weight`).
    static func config(_ servers: [(Int, Int)]) -> String {
        var text = """
            global_defs {
              router_id guest
              lvs_flush
            }
            virtual_server 10.9.9.9 80 {
              delay_loop 1
              lb_algo rr
              lb_kind NAT
              protocol TCP

            """
        for (server, weight) in servers {
            text += """
                  real_server 10.0.\(server).2 80 {
                    weight \(weight)
                    TCP_CHECK {
                      connect_timeout 1
                      retry 0
                    }
                  }

                """
        }
        return text + "}\n"
    }

    /// rs1 unchanged, rs2 from weight 1 to 3, rs3 removed, rs4 added.
    static let before = config([(1, 1), (2, 1), (3, 1)])
    static let after = config([(1, 1), (2, 3), (4, 1)])

    static let script = IPVSGuest.natLabScript(realServers: 4) + IPVSCheckerGuestTests.daemonHelpers + """
        serve 1; serve 2; serve 3; serve 4
        printf '%s\\n' "$CONF1" > /tmp/keepalived.conf
        start_keepalived -D
        await 10.0.3.2 yes
        ask "traffic before" 6
        # The kernel folds its per-CPU counters into these every 2 s.
        sleep 3; echo "== stats before"; ipvsadm -Ln --stats
        printf '%s\\n' "$CONF2" > /tmp/keepalived.conf
        kill -HUP $(cat /tmp/keepalived.kpid)
        await 10.0.4.2 yes; await 10.0.3.2 no; await "10.0.2.2:80 *Masq *3" yes
        table reloaded
        sleep 3; echo "== stats after"; ipvsadm -Ln --stats
        ask "traffic after" 3
        stop_keepalived
        echo "== log"; cat /tmp/keepalived.log
        """

    /// The `Conns` column of the row starting with `row` (`TCP  10.9.9.9:80`, `-> 10.0.1.2:80`)
    /// in an `ipvsadm -Ln --stats` listing.
    static func connections(_ listing: String?, _ row: String) -> Int? {
        let line = (listing ?? "").split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(row) }
        return line.flatMap { $0.split(separator: " ").dropFirst(2).first }.flatMap { Int($0) }
    }

    @Test func reloadEditsInPlaceAndLeavesUnchangedDestinations() throws {
        let keepalived = try #require(IPVSCheckerGuestTests.keepalived, "keepalived is not built: swift build --product keepalived")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("K=\(keepalived)\nCONF1='\(Self.before)'\nCONF2='\(Self.after)'\n" + Self.script,
                                       binaries: [keepalived], image: image)
        print("IPVS guest (reload): kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        // Rows in the kernel's order (new destinations first), the connections still counted.
        let rows = (sections["table reloaded"] ?? "").split(separator: "\n").filter { $0.contains("->") && !$0.contains("RemoteAddress") }
        #expect(rows.count == 3, "\(result)")
        for row in ["  -> 10.0.1.2:80                  Masq    1 ", "  -> 10.0.2.2:80                  Masq    3 ",
                    "  -> 10.0.4.2:80                  Masq    1 "] {
            #expect(rows.contains { $0.hasPrefix(row) }, "\(row)\n\(result)")
        }
        // Six requests went round rs1..rs3 before the reload. The service keeps its counters, so it
        // was not deleted and added again (a service has no trash). So do rs1 and rs2 — the kernel
        // would also revive a destination deleted and added again from its trash with its counters,
        // so the -D lines below are what shows they were not.
        for destination in ["TCP  10.9.9.9:80", "-> 10.0.1.2:80", "-> 10.0.2.2:80"] {
            let before = Self.connections(sections["stats before"], destination)
            #expect(before == (destination.hasPrefix("TCP") ? 6 : 2), "\(destination)\n\(result)")
            #expect(Self.connections(sections["stats after"], destination) == before, "\(destination)\n\(result)")
        }
        #expect(Self.connections(sections["stats after"], "-> 10.0.4.2:80") == 0, "\(result)")
        let replies = (sections["traffic after"] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(replies.sorted() == ["rs1", "rs2", "rs4"], "\(result)")
        let log = sections["log"] ?? ""
        let reloadLog = (log.components(separatedBy: "Reloading").dropFirst().first ?? "").components(separatedBy: "Stopping")[0]
        for line in [
            "service [10.0.3.2]:tcp:80 no longer exist",
            "Removing service [10.0.3.2]:tcp:80 from VS [10.9.9.9]:tcp:80",
            "Changing weight from 1 to 3 for active service [10.0.2.2]:tcp:80 of VS [10.9.9.9]:tcp:80",
            "Activating healthchecker for service [10.0.4.2]:tcp:80 for VS [10.9.9.9]:tcp:80",
        ] {
            #expect(reloadLog.contains(line), "missing log line after the reload: \(line)\n\(result)")
        }
        // What the reload sent: rs2 edited, rs3 deleted, rs4 added; rs1 untouched and its checker
        // going on (no new activation), so nothing about it at all.
        let sent = reloadLog.split(separator: "\n").compactMap { line in line.range(of: "IPVS: ").map { String(line[$0.upperBound...]) } }
        #expect(sent == [
            "delete TCP  10.9.9.9:80 -> 10.0.3.2:80",
            "edit TCP  10.9.9.9:80 -> 10.0.2.2:80 Masq 3",
            "add TCP  10.9.9.9:80 -> 10.0.4.2:80 Masq 1",
        ], "\(result)")
        #expect(!reloadLog.contains("10.0.1.2"), "\(result)")
        #expect(!log.contains("IPVS cmd"), "a request the kernel refused\n\(result)")
    }
}
