/// When a failed alert is tried again (the smtp_retries / smtp_retry_delay extensions): up to
/// `retries` more rounds over the servers, the first after `firstDelay`, each next one after twice
/// the previous wait, never more than `maximumDelay`. A round in which every server refused the
/// message outright (a 5xx reply) is final: sending it again would be refused again.
public struct MailRetryPolicy: Sendable, Hashable {
    /// Rounds after the first; 0 is keepalived's behaviour (a failed alert is dropped).
    public var retries: Int
    /// Milliseconds before the first retry.
    public var firstDelay: Int
    /// Milliseconds; the back-off stops doubling here.
    public var maximumDelay: Int

    public init(retries: Int = 0, firstDelay: Int = 10_000, maximumDelay: Int = 600_000) {
        self.retries = retries
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// Milliseconds to wait before retry `number` (1-based), or nil when no retry is left.
    public func delay(beforeRetry number: Int) -> Int? {
        guard number >= 1, number <= retries else { return nil }
        var delay = firstDelay
        for _ in 1..<number {
            delay = min(maximumDelay, delay * 2)
            if delay == maximumDelay { break }
        }
        return min(maximumDelay, delay)
    }

    /// Whether a round that ended with these failures is worth another one.
    public static func isWorthRetrying(_ failures: [SMTPSession.Failure]) -> Bool {
        failures.contains { !$0.isPermanent }
    }
}
