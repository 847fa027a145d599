import Testing
@testable import Notification

/// The smtp_retries / smtp_retry_delay extensions: back-off and when a round is worth repeating.
struct MailRetryPolicyTests {
    @Test func noRetriesByDefaultAsKeepalived() {
        #expect(MailRetryPolicy().delay(beforeRetry: 1) == nil)
    }

    @Test func delaysDoubleUpToTheCeiling() {
        let policy = MailRetryPolicy(retries: 6, firstDelay: 100_000, maximumDelay: 600_000)
        #expect((1...7).map { policy.delay(beforeRetry: $0) } == [100_000, 200_000, 400_000, 600_000, 600_000, 600_000, nil])
    }

    @Test(arguments: [
        ([SMTPSession.Failure.connect], true), ([.timeout], true), ([.broken], true), ([.rejected(code: 451)], true),
        ([.rejected(code: 550)], false), ([.rejected(code: 550), .connect], true), ([], false),
    ])
    func onlyTransientFailuresAreRetried(failures: [SMTPSession.Failure], retried: Bool) {
        #expect(MailRetryPolicy.isWorthRetrying(failures) == retried)
    }
}

/// Which failure ends a dialogue: what the retry decision is made from.
struct SMTPSessionFailureTests {
    static func session() -> SMTPSession { SMTPSessionTests.session() }

    @Test func aRejectionKeepsItsCodeThroughTheQuit() {
        var session = Self.session()
        _ = session.handle(.connected)
        _ = session.handle(SMTPSessionTests.reply("554 go away\r\n"))
        _ = session.handle(.readTimedOut)
        #expect(session.failure == .rejected(code: 554))
        #expect(session.failure?.isPermanent == true)
    }

    @Test(arguments: [
        (SMTPSession.Input.connectFailed(descriptor: nil), SMTPSession.Failure.connect), (.connectTimedOut, .connect),
        (.readTimedOut, .timeout), (.peerClosed, .broken), (.sendFailed, .broken),
    ])
    func eachEndHasItsFailure(input: SMTPSession.Input, failure: SMTPSession.Failure) {
        var session = Self.session()
        if input != .connectFailed(descriptor: nil) && input != .connectTimedOut { _ = session.handle(.connected) }
        _ = session.handle(input)
        #expect(session.failure == failure)
    }

    @Test func aDeliveredMessageHasNoFailureEvenIfTheQuitGoesWrong() {
        var session = Self.session()
        _ = session.handle(.connected)
        for reply in ["220 hi", "250 ok", "250 ok", "250 ok", "250 ok", "354 go", "250 queued"] {
            _ = session.handle(SMTPSessionTests.reply(reply + "\r\n"))
        }
        _ = session.handle(.peerClosed)
        #expect(session.delivered && session.failure == nil)
    }
}
