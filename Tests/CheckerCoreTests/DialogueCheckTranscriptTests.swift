import CheckerCore
import Testing

/// SMTP_CHECK and DNS_CHECK against keepalived 2.2.7's smtp_final and dns_final, as transcripts.
private func config(_ checker: String) -> String {
    """
    global_defs { no_checker_emails }
    virtual_server 10.77.0.100 25 {
      delay_loop 10
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 25 {
        smtp_alert on
        \(checker)
      }
    }
    """
}

private let smtp = config("""
    SMTP_CHECK {
      helo_name lab.example
      connect_timeout 2
      retry 2
      delay_before_retry 3
    }
    """)

@Test func smtpRetriesEveryRunThenFailsWithTheReason() {
    var driver = Driver(smtp)
    _ = driver.start()
    #expect(driver.result(.smtp(.succeeded), rs: 0) == [
        "Remote SMTP server [10.77.0.21]:tcp:25 succeed on service.",
        "probe 0.0 in 10.0s",
    ])
    // keepalived starts each run with no retries used, and logs only the last failure.
    #expect(driver.result(.smtp(.failed("Read timeout from server [10.77.0.21]:25")), rs: 0) == ["probe 0.0 in 3.0s"])
    #expect(driver.result(.smtp(.failed("Read timeout from server [10.77.0.21]:25")), rs: 0) == ["probe 0.0 in 3.0s"])
    #expect(driver.result(.smtp(.failed("Bad greeting banner from server [10.77.0.21]:25")), rs: 0) == [
        "SMTP_CHECK Bad greeting banner from server [10.77.0.21]:25",
        "Removing service [10.77.0.21]:tcp:25 from VS [10.77.0.100]:tcp:25",
        "ipvs delete TCP  10.77.0.100:25 -> 10.77.0.21:25",
        "fifo RS [10.77.0.21]:tcp:25 [10.77.0.100]:tcp:25 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:25",
        "fifo VS [10.77.0.100]:tcp:25 DOWN",
        "mail Realserver [10.77.0.21]:tcp:25 of virtual server [10.77.0.100]:tcp:25 - DOWN: => CHECK failed on service : Bad greeting banner from server [10.77.0.21]:25 <=",
        "probe 0.0 in 10.0s",
    ])
    // Down: the retries still run, silently.
    #expect(driver.result(.smtp(.failed("Could not connect to server [10.77.0.21]:25")), rs: 0) == ["probe 0.0 in 3.0s"])
    #expect(driver.result(.smtp(.succeeded), rs: 0) == [
        "Remote SMTP server [10.77.0.21]:tcp:25 succeed on service.",
        "Adding service [10.77.0.21]:tcp:25 to VS [10.77.0.100]:tcp:25",
        "ipvs add TCP  10.77.0.100:25 -> 10.77.0.21:25 Masq 1",
        "fifo RS [10.77.0.21]:tcp:25 [10.77.0.100]:tcp:25 UP",
        "Gained quorum 1+0=1 <= 1 for VS [10.77.0.100]:tcp:25",
        "fifo VS [10.77.0.100]:tcp:25 UP",
        "mail Realserver [10.77.0.21]:tcp:25 of virtual server [10.77.0.100]:tcp:25 - UP: => CHECK succeed on service <=",
        "probe 0.0 in 10.0s",
    ])
    // A retry that succeeds keeps the server, and the next run starts afresh.
    #expect(driver.result(.smtp(.failed("Read failure from server [10.77.0.21]:25")), rs: 0) == ["probe 0.0 in 3.0s"])
    #expect(driver.result(.smtp(.succeeded), rs: 0) == ["probe 0.0 in 10.0s"])
    #expect(driver.result(.smtp(.failed("Read failure from server [10.77.0.21]:25")), rs: 0) == ["probe 0.0 in 3.0s"])
}

@Test func smtpHostBlocksBecomeCheckersOfTheirOwn() {
    var driver = Driver(config("""
        SMTP_CHECK {
          retry 0
          host { connect_ip 10.77.0.31 }
          host { connect_ip 10.77.0.32 }
        }
        """))
    let start = driver.start()
    #expect(start.filter { $0.hasPrefix("probe") } == ["probe 0.0 in 1.0s", "probe 0.1 in 1.0s"])
    _ = driver.result(.smtp(.succeeded), rs: 0, checker: 0)
    _ = driver.result(.smtp(.succeeded), rs: 0, checker: 1)
    // One host failing takes the real server down.
    #expect(driver.result(.smtp(.failed("Connection timeout to server [10.77.0.32]:25")), rs: 0, checker: 1).prefix(2) == [
        "SMTP_CHECK Connection timeout to server [10.77.0.32]:25",
        "Removing service [10.77.0.21]:tcp:25 from VS [10.77.0.100]:tcp:25",
    ])
}

private let dns = config("""
    DNS_CHECK {
      type A
      name x.lab
      connect_timeout 2
      delay_before_retry 4
    }
    """)

@Test func dnsFirstFailureCountsAtOnceThenRetriesThreeTimes() {
    var driver = Driver(dns)
    _ = driver.start()
    // keepalived starts with the retries used up (default retry 3), so the first failure counts.
    #expect(driver.result(.dns(.failed("read error occurred. (rcode = 3)")), rs: 0) == [
        "DNS_CHECK ([10.77.0.21]:tcp:25) read error occurred. (rcode = 3)",
        "Removing service [10.77.0.21]:tcp:25 from VS [10.77.0.100]:tcp:25",
        "ipvs delete TCP  10.77.0.100:25 -> 10.77.0.21:25",
        "fifo RS [10.77.0.21]:tcp:25 [10.77.0.100]:tcp:25 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:25",
        "fifo VS [10.77.0.100]:tcp:25 DOWN",
        "mail Realserver [10.77.0.21]:tcp:25 of virtual server [10.77.0.100]:tcp:25 - DOWN: => DNS_CHECK: failed on service <=",
        "probe 0.0 in 10.0s",
    ])
    // Down: failures are silent and wait delay_loop; a success brings it back, silently too.
    #expect(driver.result(.dns(.failed("read timeout from socket")), rs: 0) == ["probe 0.0 in 10.0s"])
    #expect(driver.result(.dns(.succeeded), rs: 0) == [
        "Adding service [10.77.0.21]:tcp:25 to VS [10.77.0.100]:tcp:25",
        "ipvs add TCP  10.77.0.100:25 -> 10.77.0.21:25 Masq 1",
        "fifo RS [10.77.0.21]:tcp:25 [10.77.0.100]:tcp:25 UP",
        "Gained quorum 1+0=1 <= 1 for VS [10.77.0.100]:tcp:25",
        "fifo VS [10.77.0.100]:tcp:25 UP",
        "mail Realserver [10.77.0.21]:tcp:25 of virtual server [10.77.0.100]:tcp:25 - UP: => DNS_CHECK: succeed on service <=",
        "probe 0.0 in 10.0s",
    ])
    // Up: three silent retries after delay_before_retry, then the verdict names them.
    for _ in 0..<3 {
        #expect(driver.result(.dns(.failed("read timeout from socket")), rs: 0) == ["probe 0.0 in 4.0s"])
    }
    #expect(driver.result(.dns(.failed("failed to read socket; errno 111 (Connection refused)")), rs: 0).prefix(2) == [
        "DNS_CHECK ([10.77.0.21]:tcp:25) failed to read socket; errno 111 (Connection refused) after 3 retries",
        "Removing service [10.77.0.21]:tcp:25 from VS [10.77.0.100]:tcp:25",
    ])
}

@Test func dnsLogsEveryFailureWithLogAllFailures() {
    var driver = Driver("global_defs { checker_log_all_failures }\n" + dns)
    _ = driver.start()
    _ = driver.result(.dns(.succeeded), rs: 0)
    #expect(driver.result(.dns(.failed("read timeout from socket")), rs: 0) == [
        "DNS_CHECK ([10.77.0.21]:tcp:25) read timeout from socket",
        "probe 0.0 in 4.0s",
    ])
}
