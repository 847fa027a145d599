import CheckerCore
import Testing
import VRRPCore

/// MISC_CHECK (misc_dynamic weights) and HTTP_GET (url walk, digest, status) transcripts.
@Test func miscDynamicSetsTheWeightFromTheExitCode() {
    let config = """
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
    var driver = Driver(config)
    _ = driver.start()
    #expect(driver.result(.misc(.exited(7)), rs: 0, after: 2) == [
        "Changing weight from 1 to 5 for active service [10.77.0.21]:tcp:80 of VS [10.77.0.100]:tcp:80",
        "ipvs edit TCP  10.77.0.100:80 -> 10.77.0.21:80 Masq 5",
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] succeeded.",
        "probe 0.0 in 8.0s",
    ])
    #expect(driver.table() == ["[10.77.0.21]:80 w5"])
    #expect(driver.result(.misc(.exited(1)), rs: 0) == [
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] failed with retry disabled (exited with status 1).",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 9.0s",
    ])
    #expect(driver.result(.misc(.timedOut), rs: 0, after: 10) == ["probe 0.0 in 1µs"])
    #expect(driver.result(.misc(.exited(0)), rs: 0).prefix(2) == [
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] succeeded.",
        "Adding service [10.77.0.21]:tcp:80 to VS [10.77.0.100]:tcp:80",
    ])
    #expect(driver.table() == ["[10.77.0.21]:80 w1"])
}

@Test func miscRetriesAreCountedInTheLog() {
    let config = """
        global_defs { checker_log_all_failures }
        virtual_server 10.77.0.100 80 {
          delay_loop 10
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          real_server 10.77.0.21 80 {
            smtp_alert off
            MISC_CHECK {
              misc_path /bin/check
              retry 2
              delay_before_retry 1
            }
          }
        }
        """
    var driver = Driver(config)
    _ = driver.start()
    _ = driver.result(.misc(.exited(0)), rs: 0)
    #expect(driver.result(.misc(.exited(1)), rs: 0) == [
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] failed, will do 2 retries (exited with status 1).",
        "probe 0.0 in 1µs",
    ])
    #expect(driver.result(.misc(.timedOut), rs: 0, after: 0) == [
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] timed out on retry 1/2.",
        "probe 0.0 in 1.0s",
    ])
    #expect(driver.result(.misc(.exited(3)), rs: 0, after: 0).prefix(2) == [
        "Misc check for [[10.77.0.21]:tcp:80 VS [10.77.0.100]:tcp:80] by [/bin/check] failed after 2 retries (exited with status 3).",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
    ])
}

private let httpConfig = """
    virtual_server 10.77.0.100 80 {
      delay_loop 6
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 80 {
        smtp_alert off
        HTTP_GET {
          url {
            path /
            status_code 200
          }
          url {
            path /health
            digest 0123456789abcdef0123456789abcdef
          }
          retry 1
          delay_before_retry 2
        }
      }
    }
    """

private func ok(digest: [UInt8]? = nil, status: Int = 200) -> ProbeResult {
    .http(.response(HTTPResponse(headerComplete: true, statusCode: status, contentLength: nil, bodyLength: 5, bodyDigest: digest)))
}

private let goodDigest: [UInt8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]

@Test func httpWalksTheURLsOnePerDelayLoop() {
    var driver = Driver(httpConfig)
    #expect(driver.start().last == "probe 0.0 in 1.0s url 0")
    #expect(driver.result(ok(), rs: 0) == ["probe 0.0 in 6.0s url 1"])
    #expect(driver.result(ok(digest: goodDigest), rs: 0) == [
        "Remote Web server [10.77.0.21]:tcp:80 succeed on service.",
        "probe 0.0 in 6.0s url 0",
    ])
    _ = driver.result(ok(), rs: 0)
    // A wrong digest is retried once, then the server goes; the failed url is then polled.
    #expect(driver.result(ok(digest: [UInt8](repeating: 0, count: 16)), rs: 0) == ["probe 0.0 in 2.0s url 1"])
    #expect(driver.result(ok(digest: [UInt8](repeating: 0, count: 16)), rs: 0) == [
        "HTTP_CHECK on service [10.77.0.21]:tcp:80 failed after 1 retries.",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
        "ipvs delete TCP  10.77.0.100:80 -> 10.77.0.21:80",
        "fifo RS [10.77.0.21]:tcp:80 [10.77.0.100]:tcp:80 DOWN",
        "Lost quorum 1-0=1 > 0 for VS [10.77.0.100]:tcp:80",
        "fifo VS [10.77.0.100]:tcp:80 DOWN",
        "probe 0.0 in 6.0s url 1",
    ])
    #expect(driver.result(.http(.failed(reason: "Timeout connecting")), rs: 0) == ["probe 0.0 in 6.0s url 1"])
    // The failed url passes: every url is checked again before the server returns.
    #expect(driver.result(ok(digest: goodDigest), rs: 0) == [
        "MD5 digest success to [10.77.0.21]:tcp:80 url(/health)",
        "probe 0.0 in 6.0s url 0",
    ])
    #expect(driver.result(ok(), rs: 0) == ["HTTP status code success to [10.77.0.21]:tcp:80 url(/)", "probe 0.0 in 6.0s url 1"])
    #expect(driver.result(ok(digest: goodDigest), rs: 0).prefix(3) == [
        "MD5 digest success to [10.77.0.21]:tcp:80 url(/health)",
        "Remote Web server [10.77.0.21]:tcp:80 succeed on service.",
        "Adding service [10.77.0.21]:tcp:80 to VS [10.77.0.100]:tcp:80",
    ])
}

@Test func httpWrongStatusAtStartFailsAtOnce() {
    var driver = Driver(httpConfig)
    _ = driver.start()
    #expect(driver.result(ok(status: 500), rs: 0).prefix(2) == [
        "HTTP_CHECK on service [10.77.0.21]:tcp:80 failed after 1 retries.",
        "Removing service [10.77.0.21]:tcp:80 from VS [10.77.0.100]:tcp:80",
    ])
}
