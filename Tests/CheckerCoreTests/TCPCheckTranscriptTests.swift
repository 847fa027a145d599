import CheckerCore
import Testing

/// TCP_CHECK against keepalived 2.2.7's ipwrapper/check_tcp behaviour, as transcripts.
private let twoServers = """
    global_defs { no_checker_emails }
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 80 {
        notify_down "/bin/down 21"
        smtp_alert off
        TCP_CHECK {
          connect_timeout 2
          retry 1
          delay_before_retry 2
        }
      }
      real_server 10.77.0.22 80 {
        smtp_alert off
        TCP_CHECK {
          connect_timeout 2
        }
      }
    }
    """

@Test func startInstallsEveryServerAndGainsQuorum() {
    var driver = Driver(twoServers)
    #expect(driver.start() == [
        "ipvs add service TCP  10.77.0.100:80 rr",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 1",
        "Gained quorum 1+0=1 <= 2 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 UP",
        "Activating healthchecker for service [10.77.0.21]:tcp:80 for VS [10.77.0.100]:tcp:80",
        "probe 0.0 in 1.0s",
        "Activating healthchecker for service [10.77.0.22]:tcp:80 for VS [10.77.0.100]:tcp:80",
        "probe 1.0 in 1.0s",
    ])
    #expect(driver.result(.tcp(.connected), rs: 0) == ["TCP connection to [10.77.0.21]:tcp:80 success.", "probe 0.0 in 5.0s"])
    #expect(driver.result(.tcp(.connected), rs: 0) == ["probe 0.0 in 5.0s"])
}

@Test func aFirstFailureRemovesAtOnceAndLaterOnesRetry() {
    var driver = Driver(twoServers)
    _ = driver.start()
    // The first check has no retries left (keepalived starts retry_it at retry).
    #expect(driver.result(.tcp(.failed), rs: 0) == [
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed.",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "script /bin/down 21",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 5.0s",
    ])
    #expect(driver.table() == ["[10.77.0.22]:80 w1"])
    // keepalived retries while down too, silently.
    #expect(driver.result(.tcp(.timedOut), rs: 0) == ["probe 0.0 in 2.0s"])
    #expect(driver.result(.tcp(.timedOut), rs: 0) == ["probe 0.0 in 5.0s"])
    #expect(driver.result(.tcp(.connected), rs: 0) == [
        "TCP connection to [10.77.0.21]:tcp:80 success.",
        "Adding service [10.77.0.21]:tcp:80 to VS [10.77.0.100]:tcp:80",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 UP",
        "probe 0.0 in 5.0s",
    ])
    // Up again: one failure is retried after delay_before_retry, the second counts.
    #expect(driver.result(.tcp(.failed), rs: 0) == ["probe 0.0 in 2.0s"])
    #expect(driver.result(.tcp(.timedOut), rs: 0) == [
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed after 1 retries.",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "script /bin/down 21",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 5.0s",
    ])
    // A retry that succeeds keeps the server.
    _ = driver.result(.tcp(.connected), rs: 0)
    #expect(driver.result(.tcp(.failed), rs: 0) == ["probe 0.0 in 2.0s"])
    #expect(driver.result(.tcp(.connected), rs: 0) == ["probe 0.0 in 5.0s"])
    #expect(driver.table() == ["[10.77.0.21]:80 w1", "[10.77.0.22]:80 w1"])
}

@Test func losingEveryServerLosesQuorum() {
    var driver = Driver(twoServers)
    _ = driver.start()
    _ = driver.result(.tcp(.failed), rs: 0)
    #expect(driver.result(.tcp(.failed), rs: 1) == [
        "TCP_CHECK on service [10.77.0.22]:tcp:80 failed.",
        "Removing service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
        "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 DOWN",
        "probe 1.0 in 5.0s",
    ])
    #expect(driver.table().isEmpty)
    #expect(!driver.checker.quorumUp(virtualServer: 0))
}

@Test func logAllFailuresNamesEachFailure() {
    var driver = Driver("global_defs { checker_log_all_failures }\n" + twoServers)
    _ = driver.start()
    _ = driver.result(.tcp(.connected), rs: 0)
    #expect(driver.result(.tcp(.timedOut), rs: 0) == ["TCP connection to [10.77.0.21]:tcp:80 timeout.", "probe 0.0 in 2.0s"])
    #expect(driver.result(.tcp(.failed), rs: 0).prefix(2) == [
        "TCP connection to [10.77.0.21]:tcp:80 failed.",
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed after 1 retries.",
    ])
}
