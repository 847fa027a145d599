import CheckerCore
import Testing

/// UDP_CHECK and PING_CHECK against keepalived 2.2.7's udp_epilog and icmp_epilog, as transcripts.
private func config(_ checker: String, global: String = "") -> String {
    """
    global_defs {
      no_checker_emails
      \(global)
    }
    virtual_server 10.77.0.100 53 {
      delay_loop 6
      lvs_sched rr
      lvs_method NAT
      protocol UDP
      real_server 10.77.0.21 53 {
        smtp_alert on
        \(checker)
      }
      real_server 10.77.0.22 53 {
        smtp_alert off
        TCP_CHECK { connect_timeout 1 }
      }
    }
    """
}

private let udp = config("""
    UDP_CHECK {
      connect_timeout 2
      retry 1
      delay_before_retry 2
      payload 01020304
      require_reply 0102
    }
    """)

@Test func udpFailsOnceDownAndRetriesOnlyWhileUp() {
    var driver = Driver(udp)
    _ = driver.start()
    #expect(driver.result(.udp(.succeeded), rs: 0) == ["UDP connection to [10.77.0.21]:udp:53 success.", "probe 0.0 in 6.0s"])
    #expect(driver.result(.udp(.replyMismatch), rs: 0) == ["probe 0.0 in 2.0s"])
    #expect(driver.result(.udp(.failed), rs: 0) == [
        "UDP_CHECK on service [10.77.0.21]:udp:53 failed after 1 retries.",
        "Removing service [10.77.0.21]:udp:53 from VS [10.77.0.100]:udp:53",
        "ipvs delete UDP  10.77.0.100:53 -> 10.77.0.21:53",
        "fifo RS [10.77.0.21]:udp:53 [10.77.0.100]:udp:53 DOWN",
        "mail Realserver [10.77.0.21]:udp:53 of virtual server [10.77.0.100]:udp:53 - DOWN: => UDP CHECK failed on service <=",
        "probe 0.0 in 6.0s",
    ])
    // Down: no retries (keepalived's udp_epilog), every failure waits delay_loop.
    #expect(driver.result(.udp(.failed), rs: 0) == ["probe 0.0 in 6.0s"])
    #expect(driver.result(.udp(.failed), rs: 0) == ["probe 0.0 in 6.0s"])
    #expect(driver.result(.udp(.succeeded), rs: 0) == [
        "UDP connection to [10.77.0.21]:udp:53 success.",
        "Adding service [10.77.0.21]:udp:53 to VS [10.77.0.100]:udp:53",
        "ipvs add UDP  10.77.0.100:53 -> 10.77.0.21:53 Masq 1",
        "fifo RS [10.77.0.21]:udp:53 [10.77.0.100]:udp:53 UP",
        "mail Realserver [10.77.0.21]:udp:53 of virtual server [10.77.0.100]:udp:53 - UP: => UDP CHECK succeed on service <=",
        "probe 0.0 in 6.0s",
    ])
}

@Test func udpLogAllFailuresNamesTheMismatch() {
    var driver = Driver(config("UDP_CHECK { retry 1 }", global: "checker_log_all_failures"))
    _ = driver.start()
    _ = driver.result(.udp(.succeeded), rs: 0)
    #expect(driver.result(.udp(.replyMismatch), rs: 0) == ["UDP check to [10.77.0.21]:udp:53 reply data mismatch.", "probe 0.0 in 1.0s"])
    #expect(driver.result(.udp(.failed), rs: 0).prefix(2) == [
        "UDP connection to [10.77.0.21]:udp:53 failed.",
        "UDP_CHECK on service [10.77.0.21]:udp:53 failed after 1 retries.",
    ])
}

@Test func pingNamesTheVirtualServerAfterRetries() {
    var driver = Driver(config("PING_CHECK { retry 2 delay_before_retry 1 }", global: "checker_log_all_failures"))
    _ = driver.start()
    // The first check counts at once (keepalived starts with the retries used up).
    #expect(driver.result(.ping(.timedOut), rs: 0).prefix(3) == [
        "ICMP connection to address [10.77.0.21]:udp:53 timeout.",
        "ICMP CHECK on service [10.77.0.21]:udp:53 failed.",
        "Removing service [10.77.0.21]:udp:53 from VS [10.77.0.100]:udp:53",
    ])
    #expect(driver.result(.ping(.succeeded), rs: 0).prefix(2) == [
        "ICMP connection to [10.77.0.21]:udp:53 success.",
        "Adding service [10.77.0.21]:udp:53 to VS [10.77.0.100]:udp:53",
    ])
    #expect(driver.result(.ping(.failed), rs: 0) == ["ICMP connection to [10.77.0.21]:udp:53 of [10.77.0.100]:udp:53 failed.", "probe 0.0 in 1.0s"])
    #expect(driver.result(.ping(.timedOut), rs: 0) == ["ICMP connection to address [10.77.0.21]:udp:53 timeout.", "probe 0.0 in 1.0s"])
    #expect(driver.result(.ping(.timedOut), rs: 0) == [
        "ICMP connection to address [10.77.0.21]:udp:53 timeout.",
        "ICMP CHECK on service [10.77.0.21]:udp:53 of [10.77.0.100]:udp:53 failed after 2 retries.",
        "Removing service [10.77.0.21]:udp:53 from VS [10.77.0.100]:udp:53",
        "ipvs delete UDP  10.77.0.100:53 -> 10.77.0.21:53",
        "fifo RS [10.77.0.21]:udp:53 [10.77.0.100]:udp:53 DOWN",
        "mail Realserver [10.77.0.21]:udp:53 of virtual server [10.77.0.100]:udp:53 - DOWN: => ICMP CHECK failed on service <=",
        "probe 0.0 in 6.0s",
    ])
    // Down: the log_all_failures lines stop (keepalived logs them only while up).
    #expect(driver.result(.ping(.timedOut), rs: 0) == ["probe 0.0 in 6.0s"])
}
