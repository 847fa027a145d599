import CheckerCore
import Testing

/// SIGHUP for the checker, against keepalived 2.2.7's reload (ipwrapper.c clear_diff_services,
/// clear_diff_rs, migrate_checkers, init_services), as transcripts.
@Suite struct ReloadTranscriptTests {
    static func config(weight21: Int = 1, servers: [String] = ["21", "22"], sched: String = "rr", method: String = "NAT",
                       extra: String = "") -> String {
        var text = """
            global_defs { no_checker_emails }
            virtual_server 10.77.0.100 80 {
              delay_loop 5
              lvs_sched \(sched)
              lvs_method \(method)
              protocol TCP

            """
        for server in servers {
            text += """
                  real_server 10.77.0.\(server) 80 {
                    weight \(server == "21" ? weight21 : 1)
                    notify_down "/bin/down \(server)"
                    smtp_alert off
                    TCP_CHECK {
                      connect_timeout 2
                      retry 2
                    }
                  }

                """
        }
        return text + extra + "}\n"
    }

    /// Reloads the driver's engine to `text`; the transcript and the continuing checkers as
    /// `old -> new`.
    func reload(_ driver: inout Driver, to text: String) -> (lines: [String], continuing: [String]) {
        let reload = driver.checker.reloaded(to: engine(text)) { _ in 0 }
        driver.checker = reload.engine
        let continuing = reload.continuing.sorted { $0.key < $1.key }.map { "\($0.key) -> \($0.value)" }
        return (render(reload.actions), continuing)
    }

    /// The same configuration again: nothing is sent to IPVS, no checker is restarted.
    @Test func anUnchangedConfigurationTouchesNothing() {
        var driver = Driver(Self.config())
        _ = driver.start()
        let result = reload(&driver, to: Self.config())
        #expect(result.lines == [])
        #expect(result.continuing == ["vs0/rs0/c0 -> vs0/rs0/c0", "vs0/rs1/c0 -> vs0/rs1/c0"])
    }

    /// A weight change is an edit, a new server starts as at start-up (added, checker activated),
    /// a removed one leaves IPVS with notify_down; a server that was down stays down and untouched,
    /// its checker's retries carried over.
    @Test func weightChangeAddedAndRemovedServers() {
        var driver = Driver(Self.config(servers: ["21", "22", "23"]))
        _ = driver.start()
        _ = driver.result(.tcp(.failed), rs: 2)
        #expect(driver.table() == ["[10.77.0.21]:80 w1", "[10.77.0.22]:80 w1"])
        let result = reload(&driver, to: Self.config(weight21: 3, servers: ["23", "21", "24"]))
        #expect(result.lines == [
            "service [10.77.0.22]:tcp:80 no longer exist",
            "Removing service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
            "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
            "script /bin/down 22",
            "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
            "Changing weight from 1 to 3 for active service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
            "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 3",
            "ipvs add TCP  10.77.0.100:80 -> 10.77.0.24:80 Masq 1",
            "Activating healthchecker for service [10.77.0.24]:tcp:80 for VS [10.77.0.100]:tcp:80",
            "probe 2.0 in 1.0s",
        ])
        // 23 (now first) and 21 (now second) keep their probes.
        #expect(result.continuing == ["vs0/rs0/c0 -> vs0/rs1/c0", "vs0/rs2/c0 -> vs0/rs0/c0"])
        #expect(driver.table() == ["[10.77.0.21]:80 w3", "[10.77.0.24]:80 w1"])
        #expect(!driver.checker.isAlive(virtualServer: 0, realServer: 0))
        // Still down: one success brings it back.
        #expect(driver.result(.tcp(.connected), rs: 0) == [
            "TCP connection to [10.77.0.23]:tcp:80 success.",
            "Adding service [10.77.0.23]:tcp:80 to VS [10.77.0.100]:tcp:80",
            "ipvs add TCP  10.77.0.100:80 -> 10.77.0.23:80 Masq 1",
            "fifo RS [10.77.0.23]:tcp:80 [10.77.0.100]:tcp:80 UP",
            "probe 0.0 in 5.0s",
        ])
    }

    /// keepalived starts each checker with its retries used up, and a reload keeps a retry count in
    /// progress (below the new retry), so a server half-way through its retries is not reset.
    @Test func retriesInProgressAreKept() {
        var driver = Driver(Self.config())
        _ = driver.start()
        _ = driver.result(.tcp(.connected), rs: 0)
        #expect(driver.result(.tcp(.failed), rs: 0) == ["probe 0.0 in 1.0s"])
        _ = reload(&driver, to: Self.config())
        #expect(driver.result(.tcp(.failed), rs: 0) == ["probe 0.0 in 1.0s"])
        #expect(driver.result(.tcp(.failed), rs: 0).contains("ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80"))
    }

    /// A new scheduler is an IPVS edit of the service, not a delete and add.
    @Test func schedulerChangeEditsTheService() {
        var driver = Driver(Self.config())
        _ = driver.start()
        #expect(reload(&driver, to: Self.config(sched: "wlc")).lines == ["ipvs edit service TCP  10.77.0.100:80 wlc"])
    }

    /// A new tunnel port or checksum option is a destination edit (keepalived's clear_diff_rs
    /// compares tun_type, tun_port and tun_flags).
    @Test func tunnelSettingsChangeEditsTheDestinations() {
        var driver = Driver(Self.config(method: "TUN type gue port 6080"))
        _ = driver.start()
        #expect(reload(&driver, to: Self.config(method: "TUN type gue port 6080")).lines == [])
        #expect(reload(&driver, to: Self.config(method: "TUN type gue port 7070 csum")).lines == [
            "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Tunnel 1 gue 7070 csum",
            "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.22:80 Tunnel 1 gue 7070 csum",
        ])
    }

    /// A virtual server the new configuration lacks goes like at shutdown, with notify_down.
    @Test func aRemovedVirtualServerIsCleared() {
        var driver = Driver(Self.config())
        _ = driver.start()
        let other = """
            virtual_server 10.77.0.200 80 {
              protocol TCP
              real_server 10.77.0.31 80 {
                TCP_CHECK {}
              }
            }
            """
        let result = reload(&driver, to: other)
        #expect(result.lines == [
            "Removing Virtual Server [10.77.0.100]:tcp:80",
            "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
            "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
            "script /bin/down 21",
            "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
            "Removing service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
            "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
            "script /bin/down 22",
            "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
            "fifo VS [10.77.0.100]:tcp:80 DOWN",
            "ipvs delete service TCP  10.77.0.100:80",
            "ipvs add service TCP  10.77.0.200:80 wlc",
            "ipvs add TCP  10.77.0.200:80 -> 10.77.0.31:80 Masq 1",
            "Gained quorum 1+0=1 <= 1 for VS [10.77.0.200]:tcp:80",
            "fifo VS [10.77.0.200]:tcp:80 UP",
            "Activating healthchecker for service [10.77.0.31]:tcp:80 for VS [10.77.0.200]:tcp:80",
            "probe 0.0 in 1.0s",
        ])
        #expect(result.continuing == [])
    }

    /// A changed checker (another port) starts afresh; the server stays in IPVS meanwhile.
    @Test func aChangedCheckerRestartsWithoutTouchingIPVS() {
        var driver = Driver(Self.config())
        _ = driver.start()
        let changed = Self.config().replacingOccurrences(of: "connect_timeout 2\n", with: "connect_timeout 2\n      connect_port 81\n")
        let result = reload(&driver, to: changed)
        #expect(result.lines == [
            "Activating healthchecker for service [10.77.0.21]:tcp:80 for VS [10.77.0.100]:tcp:80",
            "probe 0.0 in 1.0s",
            "Activating healthchecker for service [10.77.0.22]:tcp:80 for VS [10.77.0.100]:tcp:80",
            "probe 1.0 in 1.0s",
        ])
        #expect(result.continuing == [])
    }

    static let dynamic = """
        virtual_server 10.77.0.100 80 {
          delay_loop 10
          lvs_sched wrr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.21 80 {
            smtp_alert off
            MISC_CHECK {
              misc_path "/bin/check 21"
              misc_dynamic
            }
          }
        }
        """

    /// A MISC_CHECK that only moved in the file goes on, and the weight its script last asked for
    /// (misc_dynamic) stays: nothing is sent.
    @Test func aMovedDynamicMiscCheckKeepsItsWeight() {
        var driver = Driver(Self.dynamic)
        _ = driver.start()
        _ = driver.result(.misc(.exited(7)), rs: 0, after: 2)
        #expect(driver.table() == ["[10.77.0.21]:80 w5"])
        let result = reload(&driver, to: "# moved down a line\n" + Self.dynamic)
        #expect(result.lines == [])
        #expect(result.continuing == ["vs0/rs0/c0 -> vs0/rs0/c0"])
        #expect(driver.checker.effectiveWeight(virtualServer: 0, realServer: 0) == 5)
        // The same exit code again changes nothing.
        #expect(driver.result(.misc(.exited(7)), rs: 0) == ["probe 0.0 in 9.0s"])
    }

    /// A new alpha server starts down, as at start-up; with inhibit_on_failure it goes in at weight 0.
    /// An inhibited server that was down stays at weight 0, untouched.
    @Test func newAlphaServersStartDownAndInhibitedOnesStay() {
        let inhibited = """
              real_server 10.77.0.23 80 {
                inhibit_on_failure
                TCP_CHECK {}
              }

            """
        var driver = Driver(Self.config(extra: inhibited))
        _ = driver.start()
        _ = driver.result(.tcp(.failed), rs: 2)
        #expect(driver.table() == ["[10.77.0.21]:80 w1", "[10.77.0.22]:80 w1", "[10.77.0.23]:80 w0"])
        let alpha = """
              real_server 10.77.0.24 80 {
                alpha
                TCP_CHECK {}
              }
              real_server 10.77.0.25 80 {
                alpha
                inhibit_on_failure
                TCP_CHECK {}
              }

            """
        let result = reload(&driver, to: Self.config(extra: inhibited + alpha))
        #expect(result.lines == [
            "ipvs add TCP  10.77.0.100:80 -> 10.77.0.25:80 Masq 0",
            "Activating healthchecker for service [10.77.0.24]:tcp:80 for VS [10.77.0.100]:tcp:80",
            "probe 3.0 in 1.0s",
            "Activating healthchecker for service [10.77.0.25]:tcp:80 for VS [10.77.0.100]:tcp:80",
            "probe 4.0 in 1.0s",
        ])
        #expect(driver.table() == ["[10.77.0.21]:80 w1", "[10.77.0.22]:80 w1", "[10.77.0.23]:80 w0", "[10.77.0.25]:80 w0"])
    }
}
