import Testing
@testable import Notification

/// The ESMTP extensions of the dialogue as transcripts: EHLO and its fallback, STARTTLS, AUTH.
struct SMTPSessionESMTPTests {
    typealias T = SMTPSessionTests
    static let credentials = SMTPSession.Credentials(user: "alerts", password: "s3cret")

    static func session(_ options: SMTPSession.Options) -> SMTPSession {
        var session = SMTPSession(message: T.message, heloName: "lb1", server: T.server, options: options)
        _ = session.handle(.connected)
        return session
    }

    @Test func ehloFallsBackToHELOWhenNothingNeedsESMTP() {
        var session = Self.session(.init(ehlo: true))
        #expect(session.handle(T.reply("220 hi\r\n")) == [.send("EHLO lb1\r\n")])
        #expect(session.handle(T.reply("502 what\r\n")) == [.send("HELO lb1\r\n")])
        #expect(session.handle(T.reply("250 ok\r\n")) == [.send("MAIL FROM:<ka@lab>\r\n")])
    }

    @Test func startTLSThenEHLOAgainThenTheMessage() {
        var session = Self.session(.init(startTLS: true))
        #expect(session.handle(T.reply("220 hi\r\n")) == [.send("EHLO lb1\r\n")])
        #expect(session.handle(T.reply("250-sink\r\n250-SIZE 1000\r\n250 STARTTLS\r\n")) == [.send("STARTTLS\r\n")])
        // A reply smuggled in clear behind the 220 is never read as coming over TLS.
        #expect(session.handle(T.reply("220 go ahead\r\n250 injected\r\n")) == [.startTLS])
        #expect(session.handle(.tlsEstablished) == [.logDetail("TLS established with SMTP server [10.77.0.100]:25."), .send("EHLO lb1\r\n")])
        #expect(session.handle(T.reply("250-sink\r\n250 STARTTLS\r\n")) == [.send("MAIL FROM:<ka@lab>\r\n")])
    }

    @Test func noSTARTTLSOnOfferMeansNoMailInClear() {
        var session = Self.session(.init(startTLS: true))
        _ = session.handle(T.reply("220 hi\r\n"))
        #expect(session.handle(T.reply("250-sink\r\n250 AUTH PLAIN\r\n")) == [
            .log("SMTP server [10.77.0.100]:25 does not offer STARTTLS; alert not sent in clear"), .send("QUIT\r\n"),
        ])
        #expect(session.failure?.isPermanent == true)
    }

    @Test func aRefusedEHLOIsFatalWhenTLSIsRequired() {
        var session = Self.session(.init(startTLS: true))
        _ = session.handle(T.reply("220 hi\r\n"))
        #expect(session.handle(T.reply("502 what\r\n")) == [
            .log("Error processing EHLO cmd on SMTP server [10.77.0.100]:25. SMTP status code = 502"), .send("QUIT\r\n"),
        ])
    }

    @Test func aFailedHandshakeClosesWithoutQUIT() {
        var session = Self.session(.init(startTLS: true))
        _ = session.handle(T.reply("220 hi\r\n"))
        _ = session.handle(T.reply("250-sink\r\n250 STARTTLS\r\n"))
        _ = session.handle(T.reply("220 go\r\n"))
        #expect(session.handle(.tlsFailed("certificate not trusted: self-signed certificate")) == [
            .log("TLS with SMTP server [10.77.0.100]:25 failed: certificate not trusted: self-signed certificate"), .close,
        ])
        #expect(session.failure == .broken)
    }

    @Test func authPlainWhenOffered() {
        var session = SMTPSession(message: T.message, heloName: "lb1", server: T.server,
                                  options: .init(credentials: Self.credentials), implicitTLS: true)
        _ = session.handle(.connected)
        _ = session.handle(T.reply("220 hi\r\n"))
        #expect(session.handle(T.reply("250-sink\r\n250 AUTH LOGIN PLAIN\r\n")) == [.send("AUTH PLAIN AGFsZXJ0cwBzM2NyZXQ=\r\n")])
        #expect(session.handle(T.reply("235 ok\r\n")) == [
            .logDetail("Authenticated to SMTP server [10.77.0.100]:25 as alerts."), .send("MAIL FROM:<ka@lab>\r\n"),
        ])
    }

    @Test func authLoginAnswersBothChallenges() {
        var session = Self.session(.init(credentials: Self.credentials))
        _ = session.handle(T.reply("220 hi\r\n"))
        #expect(session.handle(T.reply("250-sink\r\n250 AUTH LOGIN\r\n")) == [.send("AUTH LOGIN\r\n")])
        #expect(session.handle(T.reply("334 VXNlcm5hbWU6\r\n")) == [.send("YWxlcnRz\r\n")])
        #expect(session.handle(T.reply("334 UGFzc3dvcmQ6\r\n")) == [.send("czNjcmV0\r\n")])
        #expect(session.handle(T.reply("535 bad credentials\r\n")) == [
            .log("Error processing AUTH cmd on SMTP server [10.77.0.100]:25. SMTP status code = 535"), .send("QUIT\r\n"),
        ])
        #expect(session.failure == .rejected(code: 535) && session.failure?.isPermanent == true)
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")])
    func base64IsRFC4648(text: String, encoded: String) {
        #expect(SMTPSession.base64(Array(text.utf8)) == encoded)
    }
}
