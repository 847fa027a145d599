import CheckerCore
import Testing

/// What the checker tells the outside world (scripts, FIFO lines, smtp_alert mails, traps), as
/// keepalived 2.2.7's ipwrapper.c, check_tcp.c and smtp.c word and order it; at shutdown with and
/// without `omega`.
private func omegaConfig(omega: Bool, flush: String = "") -> String {
    """
    global_defs {
      \(flush)
    }
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      \(omega ? "omega" : "")
      smtp_alert
      quorum_up /bin/qup
      quorum_down /bin/qdown
      real_server 10.77.0.21 80 {
        notify_up "/bin/up 21"
        notify_down "/bin/down 21"
        TCP_CHECK { retry 0 }
      }
      real_server 10.77.0.22 80 {
        notify_down "/bin/down 22"
        smtp_alert off
        TCP_CHECK { retry 0 }
      }
    }
    """
}

private let vs = "[10.77.0.100]:tcp:80"

@Test func omegaRunsTheDownNotifiesAtShutdown() {
    var driver = Driver(omegaConfig(omega: true))
    #expect(driver.start().prefix(7) == [
        "ipvs add service TCP  10.77.0.100:80 rr",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 1",
        "Gained quorum 1+0=1 <= 2 for VS \(vs)",
        "script /bin/qup",
        "fifo VS \(vs) UP",
        "mail Virtualserver \(vs) - UP: => Starting with quorum up 1+0=1 <= 2 <=",
    ])
    let actions = driver.checker.stop()
    #expect(render(actions) == [
        "Shutting down service [10.77.0.21]:tcp:80 from VS \(vs)",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "script /bin/down 21",
        "fifo RS [10.77.0.21]:tcp:80 \(vs) DOWN",
        "mail Realserver [10.77.0.21]:tcp:80 of virtual server \(vs) - DOWN: => Shutting down <=",
        "Shutting down service [10.77.0.22]:tcp:80 from VS \(vs)",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
        "script /bin/down 22",
        "fifo RS [10.77.0.22]:tcp:80 \(vs) DOWN",
        "script /bin/qdown",
        "fifo VS \(vs) DOWN",
        "mail Virtualserver \(vs) - DOWN: => Shutting down <=",
        "ipvs delete service TCP  10.77.0.100:80",
    ])
    // The traps: each real server (after its FIFO line), then the quorum (before its script).
    let traps = actions.filter {
        switch $0 {
        case .realServerChanged, .quorumChanged: true
        default: false
        }
    }
    #expect(traps == [.realServerChanged(virtualServer: 0, realServer: 0, up: false),
                      .realServerChanged(virtualServer: 0, realServer: 1, up: false),
                      .quorumChanged(virtualServer: 0, up: false)])
    #expect(!driver.checker.quorumUp(virtualServer: 0))
}

@Test func withoutOmegaOnlyTheTrapsGoOutAtShutdown() {
    var driver = Driver(omegaConfig(omega: false))
    _ = driver.start()
    let actions = driver.checker.stop()
    #expect(render(actions) == [
        "Shutting down service [10.77.0.21]:tcp:80 from VS \(vs)",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "Shutting down service [10.77.0.22]:tcp:80 from VS \(vs)",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
        "ipvs delete service TCP  10.77.0.100:80",
    ])
    #expect(actions.contains(.realServerChanged(virtualServer: 0, realServer: 1, up: false)))
    #expect(actions.contains(.quorumChanged(virtualServer: 0, up: false)))
}

/// keepalived reports every quorum down at shutdown even when it was down already, and with
/// lvs_flush_on_stop the real servers are not reported at all.
@Test(arguments: [("lvs_flush_on_stop", "ipvs flush"), ("lvs_flush_on_stop VS", "ipvs delete service TCP  10.77.0.100:80")])
func omegaWithFlushOnStopReportsOnlyTheQuorum(keyword: String, ipvs: String) {
    var driver = Driver(omegaConfig(omega: true, flush: keyword))
    _ = driver.start()
    _ = driver.result(.tcp(.failed), rs: 0)
    _ = driver.result(.tcp(.failed), rs: 1)
    #expect(!driver.checker.quorumUp(virtualServer: 0))
    let quorum = ["script /bin/qdown", "fifo VS \(vs) DOWN", "mail Virtualserver \(vs) - DOWN: => Shutting down <="]
    #expect(render(driver.checker.stop()) == (keyword == "lvs_flush_on_stop" ? [ipvs] + quorum : quorum + [ipvs]))
}

@Test func quorumMailsSayGainedAndLostWithKeepalivedsArithmetic() {
    var driver = Driver(omegaConfig(omega: false))
    _ = driver.start()
    #expect(driver.result(.tcp(.failed), rs: 1).filter { $0.hasPrefix("mail") } == [])
    #expect(driver.result(.tcp(.failed), rs: 0).filter { $0.hasPrefix("mail") || $0.hasPrefix("fifo") } == [
        "fifo RS [10.77.0.21]:tcp:80 \(vs) DOWN",
        "fifo VS \(vs) DOWN",
        "mail Virtualserver \(vs) - DOWN: => Lost quorum 1+0=1 <= 0 <=",
        "mail Realserver [10.77.0.21]:tcp:80 of virtual server \(vs) - DOWN: => TCP CHECK failed on service <=",
    ])
    #expect(driver.result(.tcp(.connected), rs: 0).filter { $0.hasPrefix("mail") || $0.hasPrefix("script") } == [
        "script /bin/up 21",
        "script /bin/qup",
        "mail Virtualserver \(vs) - UP: => Gained quorum 1+0=1 <= 1 <=",
        "mail Realserver [10.77.0.21]:tcp:80 of virtual server \(vs) - UP: => TCP CHECK succeed on service <=",
    ])
}

private func twoCheckers(_ global: String) -> String {
    """
    global_defs {
      \(global)
    }
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 80 {
        TCP_CHECK {
          connect_port 80
          retry 0
        }
        TCP_CHECK {
          connect_port 8080
          retry 0
        }
      }
    }
    """
}

/// The subject says whether the server is alive, the body what the checker found: the first
/// checker to recover mails DOWN while the other still fails. no_checker_emails keeps only the
/// mails where the server itself changed. (smtp_alert_checker mails the quorum too; not shown.)
@Test(arguments: [false, true])
func aServerWithTwoCheckersMailsEachCheckersChange(noCheckerEmails: Bool) {
    var driver = Driver(twoCheckers(noCheckerEmails ? "no_checker_emails" : "smtp_alert_checker"))
    _ = driver.start()
    let rs = "mail Realserver [10.77.0.21]:tcp:80 of virtual server \(vs)"
    func mails(_ lines: [String]) -> [String] { lines.filter { $0.hasPrefix(rs) } }
    #expect(mails(driver.result(.tcp(.failed), rs: 0, checker: 0)) == ["\(rs) - DOWN: => TCP CHECK failed on service <="])
    #expect(mails(driver.result(.tcp(.failed), rs: 0, checker: 1)) == (noCheckerEmails ? [] : ["\(rs) - DOWN: => TCP CHECK failed on service <="]))
    #expect(mails(driver.result(.tcp(.connected), rs: 0, checker: 0)) == (noCheckerEmails ? [] : ["\(rs) - DOWN: => TCP CHECK succeed on service <="]))
    #expect(mails(driver.result(.tcp(.connected), rs: 0, checker: 1)) == ["\(rs) - UP: => TCP CHECK succeed on service <="])
}
