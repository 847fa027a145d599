import Testing
@testable import Notification

/// keepalived 2.2.7's SMTP dialogue as transcripts: events in, exact actions out.
struct SMTPSessionTests {
    static let server = "[10.77.0.100]:25"
    static let message = MailMessage(
        from: "ka@lab", recipients: ["a@lab", "b@lab"], alert: MailAlert(subject: "S", body: "B"),
        date: MailDate(year: 2026, month: 1, day: 1, weekday: 4, hour: 0, minute: 0, second: 0, utcOffset: 0))

    static func session() -> SMTPSession { SMTPSession(message: message, heloName: "lb1", server: server) }
    static func reply(_ text: String) -> SMTPSession.Input { .received(Array(text.utf8)) }

    @Test func aHappyDialogue() {
        var session = Self.session()
        #expect(session.handle(.connected) == [.logDetail("Remote SMTP server [10.77.0.100]:25 connected.")])
        // A multi-line banner: only the last line's code counts.
        #expect(session.handle(Self.reply("220-hello\r\n220 ready\r\n")) == [.send("HELO lb1\r\n")])
        #expect(session.handle(Self.reply("250 ok\r\n")) == [.send("MAIL FROM:<ka@lab>\r\n")])
        #expect(session.handle(Self.reply("250 ok\r\n")) == [.send("RCPT TO:<a@lab>\r\n")])
        #expect(session.handle(Self.reply("250 ok\r\n")) == [.send("RCPT TO:<b@lab>\r\n")])
        #expect(session.handle(Self.reply("250 ok\r\n")) == [.send("DATA\r\n")])
        #expect(session.handle(Self.reply("354 go\r\n")) == [.send(Self.message.data)])
        #expect(!session.delivered)
        #expect(session.handle(Self.reply("250 queued\r\n")) == [.logDetail("SMTP alert successfully sent."), .send("QUIT\r\n")])
        #expect(session.delivered)
        #expect(session.handle(Self.reply("221 bye\r\n")) == [.close])
        #expect(session.isDone)
    }

    @Test func aReplySplitAcrossReadsWaitsForItsLineEnd() {
        var session = Self.session()
        _ = session.handle(.connected)
        #expect(session.handle(Self.reply("22")) == [])
        #expect(session.handle(Self.reply("0 ready\r")) == [])
        #expect(session.handle(Self.reply("\n")) == [.send("HELO lb1\r\n")])
    }

    @Test func aRejectedRecipientAbandonsTheMessageWithKeepalivedsLine() {
        var session = Self.session()
        _ = session.handle(.connected)
        _ = session.handle(Self.reply("220 ready\r\n"))
        _ = session.handle(Self.reply("250 ok\r\n"))
        _ = session.handle(Self.reply("250 ok\r\n"))
        #expect(session.handle(Self.reply("550 no such user\r\n")) == [
            .log("Error processing RCPT cmd on SMTP server [10.77.0.100]:25. SMTP status code = 550"), .send("QUIT\r\n"),
        ])
        #expect(session.handle(Self.reply("221 bye\r\n")) == [.close])
        #expect(!session.delivered)
    }

    @Test func aSilentServerGetsQUITAfterOneTimeoutAndIsClosedAfterTheNext() {
        var session = Self.session()
        _ = session.handle(.connected)
        #expect(session.handle(.readTimedOut) == [
            .log("Timeout reading data to remote SMTP server [10.77.0.100]:25."), .send("QUIT\r\n"),
        ])
        #expect(session.handle(.readTimedOut) == [.log("Timeout reading data to remote SMTP server [10.77.0.100]:25."), .close])
        #expect(session.isDone && !session.delivered)
    }

    @Test(arguments: [
        (SMTPSession.Input.connectFailed(descriptor: nil), "SMTP connection ERROR to [10.77.0.100]:25."),
        (.connectFailed(descriptor: 14), "smtp fd 14 returned write error"),
        (.connectTimedOut, "Timeout opening connection to remote SMTP server [10.77.0.100]:25."),
    ])
    func connectFailuresDropTheAlert(input: SMTPSession.Input, line: String) {
        var session = Self.session()
        #expect(session.handle(input) == [.log(line), .close])
        #expect(session.isDone)
    }

    @Test func aServerThatHangsUpEndsTheDialogue() {
        var session = Self.session()
        _ = session.handle(.connected)
        #expect(session.handle(.peerClosed) == [.log("Remote SMTP server [10.77.0.100]:25 has closed the connection."), .close])
    }

    @Test func anOversizedReplyIsRefused() {
        var session = Self.session()
        _ = session.handle(.connected)
        let actions = session.handle(.received([UInt8](repeating: 0x41, count: 1024)))
        #expect(actions == [
            .log("Received buffer from remote SMTP server [10.77.0.100]:25 overflow our get read buffer length."), .send("QUIT\r\n"),
        ])
    }

    @Test func garbageIsAnUnexpectedCode() {
        var session = Self.session()
        _ = session.handle(.connected)
        #expect(session.handle(Self.reply("hello\r\n")) == [
            .log("Error processing (E)SMTP cmd on SMTP server [10.77.0.100]:25. SMTP status code = 0"), .send("QUIT\r\n"),
        ])
    }
}
