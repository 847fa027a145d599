import Testing
@testable import Notification

/// The smtp_rate_limit extension as a transcript: offers and releases at given times, mails out.
struct MailRateLimiterTests {
    static func message(_ subject: String) -> MailMessage {
        MailMessage(from: "f", recipients: ["t"], alert: MailAlert(subject: subject, body: "=> b <="),
                    date: MailDate(year: 2026, month: 1, day: 1, weekday: 4, hour: 0, minute: 0, second: 0, utcOffset: 0))
    }

    static func subjects(_ messages: [MailMessage]) -> [String] { messages.map(\.alert.subject) }

    @Test func underTheLimitEverythingGoesAtOnce() {
        var limiter = MailRateLimiter(limit: 2, window: 10_000)
        #expect(Self.subjects(limiter.offer(Self.message("a1"), about: .instance("A"), now: 0)) == ["a1"])
        #expect(Self.subjects(limiter.offer(Self.message("a2"), about: .instance("A"), now: 1_000)) == ["a2"])
        // The first send has left the window by 10 s.
        #expect(Self.subjects(limiter.offer(Self.message("a3"), about: .instance("A"), now: 10_000)) == ["a3"])
        #expect(limiter.nextRelease == nil)
    }

    @Test func aFlapIsHeldBackToItsLatestStateWithTheSuppressedCount() {
        var limiter = MailRateLimiter(limit: 2, window: 10_000)
        _ = limiter.offer(Self.message("A master"), about: .instance("A"), now: 0)
        _ = limiter.offer(Self.message("A backup"), about: .instance("A"), now: 100)
        #expect(limiter.offer(Self.message("A master"), about: .instance("A"), now: 200).isEmpty)
        #expect(limiter.offer(Self.message("B master"), about: .group("B"), now: 300).isEmpty)
        #expect(limiter.offer(Self.message("A backup"), about: .instance("A"), now: 400).isEmpty)
        #expect(limiter.offer(Self.message("A master"), about: .instance("A"), now: 500).isEmpty)
        #expect(limiter.isHolding)
        #expect(limiter.nextRelease == 10_000)
        #expect(limiter.release(now: 9_999).isEmpty)
        // One slot frees at 10 s, the next at 10.1 s; A was held first, so it goes first.
        let first = limiter.release(now: 10_000)
        #expect(Self.subjects(first) == ["A master"])
        #expect(first.first?.alert.body == "=> b <=\n=> 2 earlier alerts suppressed by smtp_rate_limit <=")
        #expect(limiter.nextRelease == 10_100)
        let second = limiter.release(now: 10_100)
        #expect(Self.subjects(second) == ["B master"] && second.first?.alert.body == "=> b <=")
        #expect(!limiter.isHolding && limiter.nextRelease == nil)
    }

    @Test func whileHoldingNewAlertsWaitTheirTurnEvenWhenTheWindowHasRoom() {
        var limiter = MailRateLimiter(limit: 1, window: 1_000)
        _ = limiter.offer(Self.message("a"), about: .instance("A"), now: 0)
        #expect(limiter.offer(Self.message("b"), about: .instance("B"), now: 10).isEmpty)
        // At 1 s the window has room, but B waited first: C queues behind it.
        #expect(limiter.offer(Self.message("c"), about: .instance("C"), now: 1_000).isEmpty)
        #expect(Self.subjects(limiter.release(now: 1_000)) == ["b"])
        #expect(Self.subjects(limiter.release(now: 2_000)) == ["c"])
    }

    @Test func oneSuppressedAlertIsCountedInTheSingular() {
        var limiter = MailRateLimiter(limit: 1, window: 1_000)
        _ = limiter.offer(Self.message("x"), about: .instance("A"), now: 0)
        _ = limiter.offer(Self.message("y"), about: .instance("A"), now: 1)
        _ = limiter.offer(Self.message("z"), about: .instance("A"), now: 2)
        let body = limiter.release(now: 1_000).first?.alert.body
        #expect(body == "=> b <=\n=> 1 earlier alert suppressed by smtp_rate_limit <=")
    }
}
