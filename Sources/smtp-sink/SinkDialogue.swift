/// The server's side of one plain SMTP dialogue (RFC 5321, no extensions): fed the client's bytes,
/// it says what to answer and when to hang up. It accepts every command and every message.
struct SinkDialogue {
    /// Whether the client is sending commands or a message's text (after DATA's 354).
    enum Phase { case commands, message }

    private(set) var phase = Phase.commands
    /// Set after QUIT's 221: the server closes the connection.
    private(set) var finished = false
    /// Bytes of a line not yet ended by LF.
    private var pending: [UInt8] = []

    /// The greeting sent when the client connects.
    static let greeting = "220 smtp-sink ready\r\n"

    /// The replies `bytes` (the next ones the client sent) call for, in order.
    mutating func receive(_ bytes: some Sequence<UInt8>) -> [String] {
        var replies: [String] = []
        for byte in bytes where !finished {
            guard byte == UInt8(ascii: "\n") else {
                pending.append(byte)
                continue
            }
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            let line = String(decoding: pending, as: UTF8.self)
            pending.removeAll(keepingCapacity: true)
            if let reply = answer(line) { replies.append(reply) }
        }
        return replies
    }

    /// The reply to one line, nil for a line of a message.
    private mutating func answer(_ line: String) -> String? {
        if phase == .message {
            guard line == "." else { return nil }
            phase = .commands
            return "250 OK message stored\r\n"
        }
        switch line.prefix(4).uppercased() {
        case "HELO", "EHLO": return "250 smtp-sink\r\n"
        case "MAIL", "RCPT", "RSET", "NOOP": return "250 OK\r\n"
        case "DATA":
            phase = .message
            return "354 End data with <CR><LF>.<CR><LF>\r\n"
        case "QUIT":
            finished = true
            return "221 Bye\r\n"
        default: return "502 Command not implemented\r\n"
        }
    }
}
