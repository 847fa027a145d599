import CheckerCore
import KeepalivedTestSupport
import Testing

/// HTTP_GET/SSL_GET regex and regex_no_match verdicts (keepalived's http_handle_response: after
/// the status and the digest, "Regex match failed" when matched == regex_no_match).
private func regexConfig(_ kind: String, noMatch: Bool) -> String {
    """
    virtual_server 10.77.0.100 443 {
      delay_loop 6
      lvs_sched rr
      lvs_method NAT
      protocol TCP
      real_server 10.77.0.21 443 {
        smtp_alert off
        \(kind) {
          url {
            path /health
            regex "ok"
            \(noMatch ? "regex_no_match" : "")
          }
          retry 0
          log_all_failures
        }
      }
    }
    """
}

private func response(matched: Bool?, status: Int = 200) -> ProbeResult {
    .http(.response(HTTPResponse(headerComplete: true, statusCode: status, contentLength: nil, bodyLength: 2,
                                 bodyDigest: nil, regexMatched: matched)))
}

@Test(arguments: ["HTTP_GET", "SSL_GET"])
func regexMustMatch(kind: String) {
    var driver = Driver(regexConfig(kind, noMatch: false))
    _ = driver.start()
    #expect(driver.result(response(matched: true), rs: 0) == [
        "Remote Web server [10.77.0.21]:tcp:443 succeed on service.",
        "probe 0.0 in 6.0s url 0",
    ])
    #expect(driver.result(response(matched: false), rs: 0).prefix(3) == [
        "Regex match failed server [10.77.0.21]:tcp:443.",
        "HTTP_CHECK on service [10.77.0.21]:tcp:443 failed.",
        "Removing service [10.77.0.21]:tcp:443 from VS [10.77.0.100]:tcp:443",
    ])
    // The failed url passes: the urls are walked again from the first before the server returns.
    #expect(driver.result(response(matched: true), rs: 0) == [
        "Regex match success to [10.77.0.21]:tcp:443 url(/health)",
        "probe 0.0 in 6.0s url 0",
    ])
    #expect(driver.result(response(matched: true), rs: 0).prefix(3) == [
        "Regex match success to [10.77.0.21]:tcp:443 url(/health)",
        "Remote Web server [10.77.0.21]:tcp:443 succeed on service.",
        "Adding service [10.77.0.21]:tcp:443 to VS [10.77.0.100]:tcp:443",
    ])
}

@Test func regexNoMatchTurnsTheVerdict() {
    var driver = Driver(regexConfig("SSL_GET", noMatch: true))
    _ = driver.start()
    #expect(driver.result(response(matched: false), rs: 0).first == "Remote Web server [10.77.0.21]:tcp:443 succeed on service.")
    #expect(driver.result(response(matched: true), rs: 0).prefix(2) == [
        "Regex match failed server [10.77.0.21]:tcp:443.",
        "HTTP_CHECK on service [10.77.0.21]:tcp:443 failed.",
    ])
    // A status the url does not accept fails before the regex is looked at.
    _ = driver.result(response(matched: false), rs: 0)
    #expect(driver.result(response(matched: false), rs: 0).contains("Remote Web server [10.77.0.21]:tcp:443 succeed on service."))
    #expect(driver.result(response(matched: false, status: 500), rs: 0).first == "HTTP status code error to server [10.77.0.21]:tcp:443.")
}

@Test func matchingTroublesAreLoggedBeforeTheVerdict() {
    var driver = Driver(regexConfig("HTTP_GET", noMatch: false))
    _ = driver.start()
    var result = HTTPResponse(headerComplete: true, statusCode: 200, contentLength: nil, bodyLength: 9_000, bodyDigest: nil,
                              regexMatched: false, notes: ["Regex partial match preserve too large - discarding"])
    #expect(driver.result(.http(.response(result)), rs: 0).prefix(3) == [
        "Regex partial match preserve too large - discarding",
        "Regex match failed server [10.77.0.21]:tcp:443.",
        "HTTP_CHECK on service [10.77.0.21]:tcp:443 failed.",
    ])
    result.notes = []
    #expect(driver.result(.http(.response(result)), rs: 0).first == "probe 0.0 in 6.0s url 0")
}
