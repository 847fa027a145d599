/// The smtp_rate_limit extension: at most `limit` alerts in any `window`. Over the limit, alerts are
/// held back, keeping only the latest one per instance or group (the others are counted as
/// suppressed); when the window has room again the held alerts go out, oldest subject first, each
/// with a line saying how many alerts it replaced. A flapping instance thus mails its final state,
/// not every flap. Times are milliseconds on a monotonic clock, passed in.
public struct MailRateLimiter: Sendable {
    public let limit: Int
    public let window: Int
    /// When the alerts that count against the window were let through, oldest first.
    private var admitted: [Int] = []
    /// Held alerts, in the order their subject was first held.
    private var held: [(subject: AlertSubject, message: MailMessage, suppressed: Int)] = []

    public init(limit: Int, window: Int) {
        self.limit = max(1, limit)
        self.window = max(1, window)
    }

    /// Whether alerts are being held back.
    public var isHolding: Bool { !held.isEmpty }

    /// An alert about `subject` at `now`: the messages to send now (it, or nothing when held).
    public mutating func offer(_ message: MailMessage, about subject: AlertSubject, now: Int) -> [MailMessage] {
        forget(before: now)
        if held.isEmpty && admitted.count < limit {
            admitted.append(now)
            return [message]
        }
        if let index = held.firstIndex(where: { $0.subject == subject }) {
            held[index].message = message
            held[index].suppressed += 1
        } else {
            held.append((subject, message, 0))
        }
        return []
    }

    /// The held alerts whose turn has come at `now`, annotated with what they replaced.
    public mutating func release(now: Int) -> [MailMessage] {
        forget(before: now)
        var released: [MailMessage] = []
        while !held.isEmpty && admitted.count < limit {
            var (_, message, suppressed) = held.removeFirst()
            if suppressed > 0 {
                let noun = suppressed == 1 ? "alert" : "alerts"
                message.alert = MailAlert(
                    subject: message.alert.subject,
                    body: message.alert.body + "\n=> \(suppressed) earlier \(noun) suppressed by smtp_rate_limit <=")
            }
            admitted.append(now)
            released.append(message)
        }
        return released
    }

    /// When `release` will next have something to give, or nil when nothing is held.
    public var nextRelease: Int? {
        guard !held.isEmpty else { return nil }
        return admitted.count < limit ? 0 : admitted[admitted.count - limit] + window
    }

    private mutating func forget(before now: Int) {
        admitted.removeAll { $0 + window <= now }
    }
}
