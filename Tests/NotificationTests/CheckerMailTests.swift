import Testing
@testable import Notification

/// The health checker's smtp_alert texts: keepalived 2.2.7's smtp.c subjects (SMTP_MSG_RS and
/// SMTP_MSG_RS_SHUT: `[router_id] Realserver <rs> of virtual server <vs> - <UP|DOWN>`; SMTP_MSG_VS:
/// `[router_id] Virtualserver <vs> - <UP|DOWN>`) around the checkers' body lines, laid out in DATA
/// like every other alert.
struct CheckerMailTests {
    static let rs = AlertSubject.realServer("[10.77.0.12]:tcp:9000", virtualServer: "[10.77.0.100]:tcp:80")
    static let vs = AlertSubject.virtualServer("[10.77.0.100]:tcp:80")

    /// Every body line keepalived 2.2.7's checkers and ipwrapper.c send.
    @Test(arguments: [
        (rs, "DOWN", "=> TCP CHECK failed on service <=", "[lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - DOWN"),
        (rs, "UP", "=> TCP CHECK succeed on service <=", "[lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - UP"),
        (rs, "DOWN", "=> CHECK failed on service : HTTP request failed <=", "[lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - DOWN"),
        (rs, "UP", "=> MISC CHECK succeeded on service <=", "[lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - UP"),
        (rs, "DOWN", "=> Shutting down <=", "[lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - DOWN"),
        (vs, "DOWN", "=> Lost quorum 3+1=4 <= 2 <=", "[lab1] Virtualserver [10.77.0.100]:tcp:80 - DOWN"),
        (vs, "UP", "=> Starting with quorum up 1+0=1 <= 5 <=", "[lab1] Virtualserver [10.77.0.100]:tcp:80 - UP"),
    ])
    func subjectsAreKeepalivedsAroundTheCheckersBody(subject: AlertSubject, state: String, body: String, expected: String) {
        #expect(MailAlert(checker: subject, state: state, body: body, routerID: "lab1") == MailAlert(subject: expected, body: body))
    }

    @Test func vrrpAndCheckerSubjectsStayApart() {
        #expect(MailAlert(checker: .instance("VI_1"), state: "UP", body: "b", routerID: "r") == nil)
        #expect(MailAlert(checker: .group("G1"), state: "UP", body: "b", routerID: "r") == nil)
        #expect(MailAlert(Self.rs, entering: .master, routerID: "r") == nil)
        var policy = MailAlertPolicy(alerting: [.instance("VI_1")], noEmailFaults: false)
        let mailed = policy.shouldMail(Self.vs, entering: .fault)
        #expect(!mailed)
    }

    @Test func dataIsLaidOutLikeEveryAlert() {
        let alert = MailAlert(checker: Self.rs, state: "DOWN", body: "=> TCP CHECK failed on service <=", routerID: "lab1")!
        let message = MailMessage(from: "ka@lab.example", recipients: ["ops@lab.example"], alert: alert, date: MailMessageTests.date)
        #expect(message.data == "Date: Thu, 05 Nov 2026 09:08:07 +0100\r\nFrom: ka@lab.example\r\n"
            + "Subject: [lab1] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80 - DOWN\r\n"
            + "X-Mailer: Keepalived\r\nTo: ops@lab.example\r\n\r\n=> TCP CHECK failed on service <=\r\n\r\n.\r\n")
    }

    /// smtp_rate_limit holds a flapping real server back to its latest mail, apart from its
    /// virtual server's quorum mails.
    @Test func theRateLimitKeepsEachServersLatestMail() {
        var limiter = MailRateLimiter(limit: 1, window: 10_000)
        func offer(_ subject: AlertSubject, _ state: String, at now: Int) -> [String] {
            let alert = MailAlert(checker: subject, state: state, body: "=> b <=", routerID: "r")!
            return limiter.offer(MailRateLimiterTests.message(alert.subject), about: subject, now: now).map(\.alert.subject)
        }
        let rs = "[r] Realserver [10.77.0.12]:tcp:9000 of virtual server [10.77.0.100]:tcp:80"
        #expect(offer(Self.rs, "DOWN", at: 0) == ["\(rs) - DOWN"])
        #expect(offer(Self.vs, "DOWN", at: 100).isEmpty)
        #expect(offer(Self.rs, "UP", at: 200).isEmpty)
        #expect(offer(Self.rs, "DOWN", at: 300).isEmpty)
        #expect(limiter.release(now: 10_000).map(\.alert.subject) == ["[r] Virtualserver [10.77.0.100]:tcp:80 - DOWN"])
        let last = limiter.release(now: 20_100)
        #expect(last.map(\.alert.subject) == ["\(rs) - DOWN"])
        #expect(last.first?.alert.body == "=> b <=\n=> 1 earlier alert suppressed by smtp_rate_limit <=")
    }
}
