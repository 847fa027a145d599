/// One alert as it goes over SMTP: the envelope and the DATA text, laid out as keepalived 2.2.7
/// lays it out (same headers in the same order, CRLF line ends, a blank line after the body) plus
/// a Message-ID, which keepalived leaves out.
public struct MailMessage: Sendable, Hashable {
    /// keepalived.conf: notification_email_from, as configured (header and envelope).
    public var from: String
    /// keepalived.conf: notification_email, in order.
    public var recipients: [String]
    public var alert: MailAlert
    public var date: MailDate
    /// Without the angle brackets: `left@right`.
    public var messageID: String?

    public init(from: String, recipients: [String], alert: MailAlert, date: MailDate, messageID: String? = nil) {
        self.from = from
        self.recipients = recipients
        self.alert = alert
        self.date = date
        self.messageID = messageID
    }

    /// `MAIL FROM:<…>` with the sender as configured (keepalived adds the brackets whatever it holds).
    public var mailCommand: String { "MAIL FROM:<\(from)>\r\n" }

    /// One `RCPT TO:<…>` per recipient, in the configured order.
    public var recipientCommands: [String] { recipients.map { "RCPT TO:<\($0)>\r\n" } }

    /// The headers and body sent after DATA's 354, ending with the lone dot line. Lines starting
    /// with a dot are doubled (RFC 5321 §4.5.2); keepalived's fixed texts never need it.
    public var data: String {
        var lines = [
            "Date: \(date)",
            "From: \(from)",
            "Subject: \(alert.subject)",
            "X-Mailer: Keepalived",
            "To: \(recipients.joined(separator: ", "))",
        ]
        if let messageID { lines.append("Message-ID: <\(messageID)>") }
        lines.append("")
        lines += alert.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("")
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// A globally unique id: the event time, a per-process sequence number and a random part, at
    /// the local host name (RFC 5322 §3.6.4).
    public static func messageID(secondsSinceEpoch: Int, sequence: Int, random: UInt64, host: String) -> String {
        let right = host.isEmpty || host.contains(where: { $0 == "<" || $0 == ">" || $0 == "@" || $0 == " " }) ? "localhost" : host
        return "\(secondsSinceEpoch).\(sequence).\(String(random, radix: 16))@\(right)"
    }
}
