// IPVS programmed by our IPVSClient against a real kernel: a QEMU guest with Debian's cloud kernel
// (this host's has no IPVS). Checked with ipvsadm -Ln there, and with traffic through a NAT data path.
import Foundation
import KeepalivedTestSupport
import Testing

/// When the guest tests run: with qemu and friends installed, and in CI always (failing if they are not).
enum IPVSGuestGate {
    static let shouldRun: Bool = {
        let missing = IPVSGuest.missingTools
        let ci = Lab.availability.isCI
        if !missing.isEmpty && !ci {
            print("IPVS guest tests skipped: \(missing.joined(separator: ", ")) missing; run scripts/bootstrap (CI=true makes this a failure)")
        }
        return missing.isEmpty || ci
    }()

    /// The probe from the debug build (`IPVS_PROBE_BINARY` overrides).
    static var probe: String? {
        if let path = ProcessInfo.processInfo.environment["IPVS_PROBE_BINARY"] { return path }
        let path = PackagePaths.root + "/.build/debug/ipvs-probe"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

@Suite(.serialized, .enabled(if: IPVSGuestGate.shouldRun))
struct IPVSGuestTests {
    func boot(_ script: String) throws -> IPVSGuestResult {
        let probe = try #require(IPVSGuestGate.probe, "ipvs-probe is not built: swift build --product ipvs-probe")
        let image = try IPVSGuest.prepareImage()
        let result = try IPVSGuest.run("P=\(probe)\n" + script, binaries: [probe], image: image)
        print("IPVS guest: kernel \(result.kernel ?? "?"), boot-to-result \(result.qemu.duration)")
        return result
    }

    @Test func probeProgramsTheTableIpvsadmShows() throws {
        let result = try boot("""
            set -e
            echo "== info"; $P info
            $P add-service tcp 10.0.0.1 80 rr
            $P add-dest tcp 10.0.0.1 80 10.0.1.2 8080 masq 1
            $P add-dest tcp 10.0.0.1 80 10.0.2.2 8080 route 2
            $P add-service udp 2001:db8::1 53 wlc persistent 300
            $P add-dest udp 2001:db8::1 53 2001:db8::2 53 tunnel 0
            echo "== added"; ipvsadm -Ln
            echo "== listed"; $P list
            $P set-dest tcp 10.0.0.1 80 10.0.2.2 8080 route 7
            $P del-dest tcp 10.0.0.1 80 10.0.1.2 8080
            $P del-service udp 2001:db8::1 53
            echo "== edited"; ipvsadm -Ln
            echo "== duplicate"; $P add-service tcp 10.0.0.1 80 rr 2>&1 || echo "exit $?"
            $P flush
            echo "== flushed"; ipvsadm -Ln
            echo "== sync"; $P sync-demo
            echo "== synced"; ipvsadm -Ln
            """)
        #expect(result.status == 0, "\(result)")
        let sections = result.sections
        #expect(sections["info"]?.hasPrefix("IPVS family ") == true, "\(result)")
        #expect(sections["info"]?.contains("IP Virtual Server version 1.2.1") == true, "\(result)")
        let header = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn

            """
        #expect(sections["added"] == header + """
            TCP  10.0.0.1:80 rr
              -> 10.0.1.2:8080                Masq    1      0          0
              -> 10.0.2.2:8080                Route   2      0          0
            UDP  [2001:db8::1]:53 wlc persistent 300
              -> [2001:db8::2]:53             Tunnel  0      0          0

            """, "\(result)")
        #expect(sections["listed"] == """
            TCP  10.0.0.1:80 rr
              -> 10.0.1.2:8080 Masq 1
              -> 10.0.2.2:8080 Route 2
            UDP  [2001:db8::1]:53 wlc persistent 300
              -> [2001:db8::2]:53 Tunnel 0

            """, "\(result)")
        #expect(sections["edited"] == header + """
            TCP  10.0.0.1:80 rr
              -> 10.0.2.2:8080                Route   7      0          0

            """, "\(result)")
        #expect(sections["duplicate"]?.contains("IPVS_CMD_NEW_SERVICE: File exists") == true, "\(result)")
        #expect(sections["flushed"] == header, "\(result)")
        // IPVSClient.synchronize sends only what differs, and the kernel ends up with the wanted table.
        #expect(sections["sync"] == "first: 3 changes\nagain: 0 changes\nsecond: 6 changes\n", "\(result)")
        #expect(sections["synced"] == header + """
            TCP  10.1.0.1:80 wrr
              -> 10.1.2.2:80                  Masq    0      0          0
              -> 10.1.3.2:80                  Masq    4      0          0
            FWM  5 sh persistent 60
              -> 10.1.4.2:0                   Route   1      0          0

            """, "\(result)")
    }

    /// A client namespace sends HTTP requests to a VIP; IPVS (NAT) forwards them to real-server
    /// namespaces. Only the servers in the table answer, in the proportions their weights give.
    @Test func natTrafficReachesOnlyTheServersInTheTable() throws {
        let result = try boot(IPVSGuest.natLabScript(realServers: 3) + """
            serve 1; serve 2; serve 3
            $P add-service tcp 10.9.9.9 80 rr
            $P add-dest tcp 10.9.9.9 80 10.0.1.2 80 masq 1
            $P add-dest tcp 10.9.9.9 80 10.0.2.2 80 masq 1
            ask both 4
            $P set-dest tcp 10.9.9.9 80 10.0.1.2 80 masq 0
            ask weight0 3
            $P del-dest tcp 10.9.9.9 80 10.0.2.2 80
            $P add-dest tcp 10.9.9.9 80 10.0.3.2 80 masq 1
            ask swapped 3
            $P flush
            ask flushed 1
            """)
        #expect(result.status == 0, "\(result)")
        func replies(_ name: String) -> [String] {
            (result.sections[name] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        #expect(replies("both").sorted() == ["rs1", "rs1", "rs2", "rs2"], "\(result)")
        #expect(replies("weight0") == ["rs2", "rs2", "rs2"], "\(result)")
        #expect(replies("swapped") == ["rs3", "rs3", "rs3"], "\(result)")
        #expect(replies("flushed").allSatisfy { !$0.hasPrefix("rs") }, "\(result)")
    }
}
