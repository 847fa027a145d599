/// keepalived 2.2.7's SMTP dialogue for one alert as a value: connection events and reply bytes
/// in, commands, log lines and "close" out. It owns no socket and no clock; the driver (MailSender)
/// performs the actions and reports a timeout when a reply takes longer than smtp_connect_timeout.
///
///     connecting ─connected─► greeting ─220─► helo ─250─► mail ─250─► recipient(0..n-1) ─250 each─►
///     data ─354─► body ─250 (delivered)─► quit ─221 or anything─► done
///     any stage: unexpected code ─► quit (logged) · read timeout ─► quit, in quit ─► done
///                peer closed, send failed, connect failed ─► done
///
/// With the ESMTP extensions (SMTPSession+ESMTP.swift) the greeting leads to EHLO instead:
///     greeting ─220─► ehlo ─250─► [startTLS ─220─► tlsHandshake ─established─► ehlo ─250─►]
///     [authenticating ─334…235─►] mail …;  EHLO refused and nothing required ─► helo
public struct SMTPSession: Sendable {
    /// Where the dialogue is: what reply it waits for.
    public enum Stage: Sendable, Hashable {
        /// The TCP connection is being opened.
        case connecting
        /// Waiting for the 220 banner.
        case greeting
        /// EHLO sent, waiting for 250 and the server's extensions (extension).
        case ehlo
        /// STARTTLS sent, waiting for 220 (extension).
        case startTLS
        /// The driver is negotiating TLS (extension).
        case tlsHandshake
        /// AUTH in progress: `step` replies received so far (extension).
        case authenticating(step: Int)
        /// HELO sent, waiting for 250.
        case helo
        /// MAIL FROM sent, waiting for 250.
        case mail
        /// RCPT TO for recipient n sent, waiting for 250.
        case recipient(Int)
        /// DATA sent, waiting for 354.
        case data
        /// The message sent, waiting for 250.
        case body
        /// QUIT sent, waiting for 221.
        case quit
        /// Nothing more to do; the connection is closed.
        case done
    }

    /// What happened on the connection.
    public enum Input: Sendable, Hashable {
        /// The TCP connection is open.
        case connected
        /// The connection was refused or failed (ECONNREFUSED, EHOSTUNREACH, ...): at once (nil), or
        /// while it was in progress on `descriptor`.
        case connectFailed(descriptor: Int32?)
        /// The connection did not open within smtp_connect_timeout.
        case connectTimedOut
        /// Bytes from the server.
        case received([UInt8])
        /// No (complete) reply within smtp_connect_timeout.
        case readTimedOut
        /// The server closed the connection.
        case peerClosed
        /// Reading failed with an error other than EAGAIN.
        case readFailed
        /// Writing a command failed.
        case sendFailed
        /// The TLS handshake the session asked for succeeded (extension).
        case tlsEstablished
        /// The TLS handshake failed (certificate not trusted, wrong name, ...), with OpenSSL's reason.
        case tlsFailed(String)
    }

    /// What the driver does, in order.
    public enum Action: Sendable, Hashable {
        /// Write these bytes (a command, or the message).
        case send(String)
        /// Close the connection; the session is done.
        case close
        /// A line for the log, in keepalived's words.
        case log(String)
        /// A line keepalived logs only with -D.
        case logDetail(String)
        /// Negotiate TLS on the connection, then report `tlsEstablished` or `tlsFailed` (extension).
        case startTLS
    }

    /// The ESMTP extensions; the default is keepalived's plain HELO dialogue.
    public struct Options: Sendable, Hashable {
        /// Greet with EHLO (falling back to HELO when refused and nothing below is required).
        public var ehlo: Bool
        /// Require STARTTLS before the message (never falls back to plain text).
        public var startTLS: Bool
        /// Authenticate (AUTH PLAIN, else LOGIN) before the message.
        public var credentials: Credentials?

        public init(ehlo: Bool = false, startTLS: Bool = false, credentials: Credentials? = nil) {
            self.ehlo = ehlo || startTLS || credentials != nil
            self.startTLS = startTLS
            self.credentials = credentials
        }
    }

    /// A user name and its password (read from smtp_auth_secret_file; never logged).
    public struct Credentials: Sendable, Hashable {
        public var user: String
        public var password: String
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    /// Why a dialogue ended without delivering the message.
    public enum Failure: Sendable, Hashable {
        /// The connection could not be opened (refused, unreachable, timed out).
        case connect
        /// A reply did not come within smtp_connect_timeout.
        case timeout
        /// The connection broke (closed by the server, a read or write error, an oversized reply).
        case broken
        /// The server answered with another code than the one expected.
        case rejected(code: Int)

        /// A 5xx reply: the server refuses the message itself, so sending it again is pointless.
        public var isPermanent: Bool {
            if case let .rejected(code) = self { return (500..<600).contains(code) }
            return false
        }
    }

    public internal(set) var stage: Stage = .connecting
    /// The server accepted the message (250 after the body).
    public private(set) var delivered = false
    /// The first thing that went wrong, when the message was not delivered.
    public private(set) var failure: Failure?
    let message: MailMessage
    let heloName: String
    /// keepalived's `[address]:port` for the server, used in every log line.
    let server: String
    let options: Options
    /// TLS is up (after STARTTLS, or from the start with implicit TLS).
    var tlsActive = false
    var authenticated = false
    /// The AUTH mechanism chosen from the EHLO reply.
    var mechanism = ""
    private var buffer: [UInt8] = []

    /// keepalived: a reply that does not fit 1024 bytes ends the dialogue.
    static let replyLimit = 1024

    /// `implicitTLS`: the driver negotiated TLS before the banner.
    public init(message: MailMessage, heloName: String, server: String, options: Options = Options(), implicitTLS: Bool = false) {
        self.message = message
        self.heloName = heloName
        self.server = server
        self.options = options
        tlsActive = implicitTLS
    }

    public var isDone: Bool { stage == .done }

    public mutating func handle(_ input: Input) -> [Action] {
        if !delivered && failure == nil { failure = Self.failure(input, stage: stage) }
        switch input {
        case .connected:
            guard stage == .connecting else { return [] }
            stage = .greeting
            return [.logDetail("Remote SMTP server \(server) connected.")]
        case let .connectFailed(descriptor):
            // keepalived: a connect that fails while in progress is reported by its write watcher.
            return finish(log: descriptor.map { "smtp fd \($0) returned write error" } ?? "SMTP connection ERROR to \(server).")
        case .connectTimedOut:
            return finish(log: "Timeout opening connection to remote SMTP server \(server).")
        case .peerClosed:
            return finish(log: "Remote SMTP server \(server) has closed the connection.")
        case .readFailed:
            return [.log("Error reading data from remote SMTP server \(server).")] + quit()
        case .sendFailed:
            return finish(log: "Cannot send data to remote SMTP server \(server).")
        case .tlsEstablished, .tlsFailed:
            return tlsResult(input)
        case .readTimedOut:
            let line = Action.log("Timeout reading data to remote SMTP server \(server).")
            if stage == .quit { return [line] + finish() }
            return [line] + quit()
        case let .received(bytes):
            guard stage != .connecting, stage != .done else { return [] }
            if buffer.count + bytes.count >= Self.replyLimit {
                buffer.removeAll()
                if !delivered && failure == nil { failure = .broken }
                return [.log("Received buffer from remote SMTP server \(server) overflow our get read buffer length.")] + quit()
            }
            buffer += bytes
            var actions: [Action] = []
            while stage != .done, stage != .tlsHandshake, let (code, lines) = nextReply() {
                actions += reply(code, lines: lines)
            }
            return actions
        }
    }

    /// The failure `input` means at `stage`, if it is one (a reply's code is judged in `reply`).
    private static func failure(_ input: Input, stage: Stage) -> Failure? {
        switch input {
        case .connectFailed, .connectTimedOut: .connect
        case .readTimedOut: .timeout
        case .peerClosed, .readFailed, .sendFailed, .tlsFailed: .broken
        case .received, .connected, .tlsEstablished: nil
        }
    }

    /// The next complete reply in the buffer: the code of its last line (`NNN-` lines continue it)
    /// and the text of all its lines, or nil while incomplete.
    private var pendingLines: [String] = []
    private mutating func nextReply() -> (Int, [String])? {
        while let end = lineEnd() {
            let line = Array(buffer[..<end])
            buffer.removeFirst(end + 2)
            pendingLines.append(String(decoding: line.dropFirst(min(4, line.count)), as: UTF8.self))
            if line.count > 3 && line[3] == UInt8(ascii: "-") { continue }
            let lines = pendingLines
            pendingLines.removeAll()
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return (0, lines) }
            return (digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, lines)
        }
        return nil
    }

    private func lineEnd() -> Int? {
        guard buffer.count >= 2 else { return nil }
        for index in 0..<(buffer.count - 1) where buffer[index] == 0x0D && buffer[index + 1] == 0x0A { return index }
        return nil
    }

    /// The expected code and keepalived's name for the command at `stage`.
    private var expectation: (code: Int, name: String)? {
        switch stage {
        case .greeting: (220, "(E)SMTP")
        case .ehlo: (250, "EHLO")
        case .startTLS: (220, "STARTTLS")
        case .authenticating: (0, "AUTH")
        case .tlsHandshake: nil
        case .helo: (250, "HELO")
        case .mail: (250, "MAIL")
        case .recipient: (250, "RCPT")
        case .data: (354, "DATA")
        case .body: (250, "BODY")
        case .quit: (221, "QUIT")
        case .connecting, .done: nil
        }
    }

    private mutating func reply(_ code: Int, lines: [String]) -> [Action] {
        guard let expected = expectation else { return [] }
        if stage == .quit { return finish() }
        switch stage {
        case .ehlo, .startTLS, .authenticating: return extendedReply(code, lines: lines)
        default: break
        }
        guard code == expected.code else {
            if !delivered && failure == nil { failure = .rejected(code: code) }
            return [.log("Error processing \(expected.name) cmd on SMTP server \(server). SMTP status code = \(code)")] + quit()
        }
        switch stage {
        case .greeting:
            if options.ehlo { return ehlo() }
            stage = .helo
            return [.send("HELO \(heloName)\r\n")]
        case .helo:
            stage = .mail
            return [.send(message.mailCommand)]
        case .mail, .recipient:
            let next: Int
            if case let .recipient(index) = stage { next = index + 1 } else { next = 0 }
            let commands = message.recipientCommands
            if next < commands.count {
                stage = .recipient(next)
                return [.send(commands[next])]
            }
            stage = .data
            return [.send("DATA\r\n")]
        case .data:
            stage = .body
            return [.send(message.data)]
        case .body:
            delivered = true
            return [.logDetail("SMTP alert successfully sent.")] + quit()
        case .connecting, .quit, .done, .ehlo, .startTLS, .tlsHandshake, .authenticating:
            return []
        }
    }

    /// Unexpected `code` at the current command: logged in keepalived's words, then QUIT.
    mutating func rejected(_ code: Int) -> [Action] {
        let name = expectation?.name ?? "?"
        if !delivered && failure == nil { failure = .rejected(code: code) }
        return [.log("Error processing \(name) cmd on SMTP server \(server). SMTP status code = \(code)")] + quit()
    }

    /// A requirement the server cannot meet (no STARTTLS, no usable AUTH): logged, then QUIT.
    mutating func unmet(_ line: String) -> [Action] {
        if !delivered && failure == nil { failure = .rejected(code: 554) }
        return [.log(line)] + quit()
    }

    /// Forgets replies received but not yet read: after STARTTLS, bytes that came in clear must
    /// not be taken as answers over TLS (RFC 3207 §6 command injection).
    mutating func discardBufferedReplies() {
        buffer.removeAll()
        pendingLines.removeAll()
    }

    /// MAIL FROM: the message itself starts.
    mutating func startMessage() -> [Action] {
        stage = .mail
        return [.send(message.mailCommand)]
    }

    mutating func quit() -> [Action] {
        stage = .quit
        return [.send("QUIT\r\n")]
    }

    mutating func finish(log line: String? = nil) -> [Action] {
        stage = .done
        return (line.map { [Action.log($0)] } ?? []) + [.close]
    }
}
