/// The ESMTP extensions of the dialogue (not in keepalived): EHLO with HELO fallback, STARTTLS
/// that is required once asked for (never a silent downgrade to plain text), and AUTH PLAIN or
/// LOGIN (only after TLS; the assembly refuses credentials without it).
extension SMTPSession {
    mutating func ehlo() -> [Action] {
        stage = .ehlo
        return [.send("EHLO \(heloName)\r\n")]
    }

    /// Replies at the extension stages.
    mutating func extendedReply(_ code: Int, lines: [String]) -> [Action] {
        switch stage {
        case .ehlo:
            guard code == 250 else {
                // RFC 5321 §3.2: a server that does not know EHLO is greeted with HELO, unless
                // something only ESMTP gives (TLS, AUTH) is required.
                if !options.startTLS && options.credentials == nil && (500..<600).contains(code) {
                    stage = .helo
                    return [.send("HELO \(heloName)\r\n")]
                }
                return rejected(code)
            }
            return afterEHLO(Self.keywords(lines))
        case .startTLS:
            guard code == 220 else { return rejected(code) }
            stage = .tlsHandshake
            return [.startTLS]
        case let .authenticating(step):
            return authenticationReply(code, step: step)
        default:
            return []
        }
    }

    /// The outcome of the TLS handshake asked for with `.startTLS`.
    /// (With implicit TLS the handshake comes before `connected`, in the connecting stage.)
    mutating func tlsResult(_ input: Input) -> [Action] {
        guard stage == .tlsHandshake || stage == .connecting else { return [] }
        if case let .tlsFailed(reason) = input {
            // The TLS state is unknown: no QUIT, just close.
            return finish(log: "TLS with SMTP server \(server) failed: \(reason)")
        }
        tlsActive = true
        discardBufferedReplies()
        let line = Action.logDetail("TLS established with SMTP server \(server).")
        return stage == .connecting ? [line] : [line] + ehlo()
    }

    /// The EHLO reply's extension keywords, upper-cased (`STARTTLS`, `AUTH PLAIN LOGIN`, ...).
    static func keywords(_ lines: [String]) -> [[String]] {
        lines.dropFirst().map { $0.uppercased().split(separator: " ").map(String.init) }
    }

    private mutating func afterEHLO(_ extensions: [[String]]) -> [Action] {
        if options.startTLS && !tlsActive {
            guard extensions.contains(where: { $0.first == "STARTTLS" }) else {
                return unmet("SMTP server \(server) does not offer STARTTLS; alert not sent in clear")
            }
            stage = .startTLS
            return [.send("STARTTLS\r\n")]
        }
        if let credentials = options.credentials, !authenticated {
            let offered = extensions.first { $0.first == "AUTH" }?.dropFirst() ?? []
            if offered.contains("PLAIN") {
                mechanism = "PLAIN"
                stage = .authenticating(step: 0)
                let token = Self.base64(Array(("\0" + credentials.user + "\0" + credentials.password).utf8))
                return [.send("AUTH PLAIN \(token)\r\n")]
            }
            if offered.contains("LOGIN") {
                mechanism = "LOGIN"
                stage = .authenticating(step: 0)
                return [.send("AUTH LOGIN\r\n")]
            }
            return unmet("SMTP server \(server) offers neither AUTH PLAIN nor AUTH LOGIN")
        }
        return startMessage()
    }

    private mutating func authenticationReply(_ code: Int, step: Int) -> [Action] {
        guard let credentials = options.credentials else { return [] }
        if code == 235 {
            authenticated = true
            return [.logDetail("Authenticated to SMTP server \(server) as \(credentials.user).")] + startMessage()
        }
        // AUTH LOGIN: 334 asks for the user name, then for the password.
        guard mechanism == "LOGIN", code == 334, step < 2 else { return rejected(code) }
        stage = .authenticating(step: step + 1)
        let answer = step == 0 ? credentials.user : credentials.password
        return [.send(Self.base64(Array(answer.utf8)) + "\r\n")]
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// RFC 4648 base64, with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
