import CheckerCore
import Testing

/// Quorum, hysteresis, the sorry server, alpha and inhibit_on_failure, as keepalived 2.2.7's
/// ipwrapper.c orders them.
private let sorryConfig = """
    virtual_server 10.77.0.100 80 {
      delay_loop 5
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      quorum 2
      quorum_up /bin/qup
      quorum_down /bin/qdown
      sorry_server 10.77.0.30 80
      real_server 10.77.0.21 80 {
        smtp_alert off
        TCP_CHECK {
          retry 0
        }
      }
      real_server 10.77.0.22 80 {
        smtp_alert off
        TCP_CHECK {
          retry 0
        }
      }
    }
    """

@Test func theSorryServerStandsInWhileTheQuorumIsLost() {
    var driver = Driver(sorryConfig)
    #expect(driver.start().prefix(6) == [
        "ipvs add service TCP  10.77.0.100:80 rr",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 1",
        "Gained quorum 2+0=2 <= 2 for VS [10.77.0.100]:tcp:80",
        "script /bin/qup",
        "fifo VS [10.77.0.100]:tcp:80 UP",
    ])
    #expect(driver.result(.tcp(.failed), rs: 1) == [
        "TCP_CHECK on service [10.77.0.22]:tcp:80 failed.",
        "Removing service [10.77.0.22]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.22:80",
        "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "Lost quorum 2-0=2 > 1 for VS [10.77.0.100]:tcp:80",
        "Adding sorry server [10.77.0.30]:tcp:80 to VS [10.77.0.100]:tcp:80",
        "Removing alive servers from the pool for VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.30:80 Masq 1",
        "script /bin/qdown",
        "fifo VS [10.77.0.100]:tcp:80 DOWN",
        "probe 1.0 in 5.0s",
    ])
    #expect(driver.table() == ["[10.77.0.30]:80 w1"])
    // While the sorry server stands in, a real server's change leaves IPVS alone.
    #expect(driver.result(.tcp(.failed), rs: 0) == [
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed.",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 5.0s",
    ])
    _ = driver.result(.tcp(.connected), rs: 0)
    #expect(driver.table() == ["[10.77.0.30]:80 w1"])
    #expect(driver.result(.tcp(.connected), rs: 1) == [
        "TCP connection to [10.77.0.22]:tcp:80 success.",
        "Adding service [10.77.0.22]:tcp:80 to VS [10.77.0.100]:tcp:80",
        "fifo RS [10.77.0.22]:tcp:80 [10.77.0.100]:tcp:80 UP",
        "Gained quorum 2+0=2 <= 2 for VS [10.77.0.100]:tcp:80",
        "Removing sorry server [10.77.0.30]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.30:80",
        "Adding alive servers to the pool for VS [10.77.0.100]:tcp:80",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 1",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.22:80 Masq 1",
        "script /bin/qup",
        "fifo VS [10.77.0.100]:tcp:80 UP",
        "probe 1.0 in 5.0s",
    ])
    #expect(driver.table() == ["[10.77.0.21]:80 w1", "[10.77.0.22]:80 w1"])
}

@Test func hysteresisDelaysBothWays() {
    let config = """
        virtual_server 10.77.0.100 80 {
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          quorum 2
          hysteresis 1
          real_server 10.77.0.21 80 {
            TCP_CHECK {
              retry 0
            }
          }
          real_server 10.77.0.22 80 {
            TCP_CHECK {
              retry 0
            }
          }
          real_server 10.77.0.23 80 {
            TCP_CHECK {
              retry 0
            }
          }
        }
        """
    var driver = Driver(config)
    #expect(driver.start().contains("Gained quorum 2+1=3 <= 3 for VS [10.77.0.100]:tcp:80"))
    // Down to 2 live: still above quorum - hysteresis = 1.
    #expect(!driver.result(.tcp(.failed), rs: 0).contains { $0.hasPrefix("Lost quorum") })
    #expect(driver.result(.tcp(.failed), rs: 1).contains("Lost quorum 2-1=1 > 1 for VS [10.77.0.100]:tcp:80") == false)
    #expect(driver.result(.tcp(.failed), rs: 2).contains("Lost quorum 2-1=1 > 0 for VS [10.77.0.100]:tcp:80"))
    // Back up needs quorum + hysteresis = 3.
    #expect(!driver.result(.tcp(.connected), rs: 0).contains { $0.hasPrefix("Gained quorum") })
    #expect(!driver.result(.tcp(.connected), rs: 1).contains { $0.hasPrefix("Gained quorum") })
    #expect(driver.result(.tcp(.connected), rs: 2).contains("Gained quorum 2+1=3 <= 3 for VS [10.77.0.100]:tcp:80"))
}

@Test func alphaStartsDownAndInhibitKeepsWeightZero() {
    let config = """
        virtual_server 10.77.0.100 80 {
          delay_loop 3
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          alpha
          inhibit_on_failure
          real_server 10.77.0.21 80 {
            weight 5
            notify_up /bin/up
            notify_down /bin/down
            smtp_alert off
            TCP_CHECK {
            }
          }
        }
        """
    var driver = Driver(config)
    #expect(driver.start() == [
        "ipvs add service TCP  10.77.0.100:80 rr",
        "ipvs add TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 0",
        "Activating healthchecker for service [10.77.0.21]:tcp:80 for VS [10.77.0.100]:tcp:80",
        "probe 0.0 in 1.0s",
    ])
    #expect(driver.result(.tcp(.connected), rs: 0) == [
        "TCP connection to [10.77.0.21]:tcp:80 success.",
        "Enabling service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 5",
        "script /bin/up",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 UP",
        "Gained quorum 1+0=1 <= 5 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 UP",
        "probe 0.0 in 3.0s",
    ])
    _ = driver.result(.tcp(.failed), rs: 0)
    #expect(driver.result(.tcp(.failed), rs: 0) == [
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed after 1 retries.",
        "Disabling service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 0",
        "script /bin/down",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 3.0s",
    ])
    #expect(driver.table() == ["[10.77.0.21]:80 w0"])
}

@Test func alphaFirstFailureOnlyNotifiesDown() {
    let config = """
        virtual_server 10.77.0.100 80 {
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.21 80 {
            alpha
            notify_down /bin/down
            smtp_alert off
            TCP_CHECK {
            }
          }
        }
        """
    var driver = Driver(config)
    #expect(driver.start() == [
        "ipvs add service TCP  10.77.0.100:80 rr",
        "Activating healthchecker for service [10.77.0.21]:tcp:80 for VS [10.77.0.100]:tcp:80",
        "probe 0.0 in 1.0s",
    ])
    #expect(driver.result(.tcp(.failed), rs: 0) == [
        "TCP_CHECK on service [10.77.0.21]:tcp:80 failed.",
        "script /bin/down",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 60.0s",
    ])
}
