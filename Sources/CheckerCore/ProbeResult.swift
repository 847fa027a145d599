/// What a probe found, as the executor reports it back to the engine.

/// The outcome of one probe run.
public enum ProbeResult: Hashable, Sendable {
    /// TCP_CHECK: how the non-blocking connect ended.
    case tcp(ConnectResult)
    /// HTTP_GET / SSL_GET: one `url` fetched.
    case http(HTTPProbeResult)
    /// MISC_CHECK: how the script ended.
    case misc(ScriptResult)
    /// SMTP_CHECK: the dialogue (connect, 220 greeting, HELO, QUIT).
    case smtp(DialogueResult)
    /// DNS_CHECK: the query and its reply.
    case dns(DialogueResult)
    /// UDP_CHECK: the datagram sent and what came back.
    case udp(DatagramResult)
    /// PING_CHECK: the echo request and what came back.
    case ping(DatagramResult)
}

/// How an SMTP or DNS dialogue ended.
public enum DialogueResult: Hashable, Sendable {
    case succeeded
    /// keepalived's phrase for the failure, with the server's address where keepalived names it:
    /// SMTP "Read timeout from server [10.0.0.1]:25", DNS "read error occurred. (rcode = 3)".
    case failed(String)
}

/// How a UDP_CHECK or PING_CHECK datagram exchange ended.
public enum DatagramResult: Hashable, Sendable {
    /// UDP: no ICMP error (and the reply, when one is required, arrived); PING: an echo reply.
    case succeeded
    /// UDP: the reply did not match require_reply or its length bounds.
    case replyMismatch
    /// PING: no reply within connect_timeout.
    case timedOut
    /// UDP: an ICMP unreachable, no required reply, or a send error; PING: a send or receive
    /// error, or a reply that is not an echo reply.
    case failed
}

/// A non-blocking connect's end (keepalived's connect_success / connect_timeout / the rest).
public enum ConnectResult: Hashable, Sendable {
    case connected
    case timedOut
    /// Refused, unreachable, or any other error.
    case failed
}

/// One HTTP fetch.
public enum HTTPProbeResult: Hashable, Sendable {
    /// The fetch did not get a response. `reason` is keepalived's phrase, which it logs as
    /// `<reason> server <rs>.` with log_all_failures: "Timeout connecting", "Error connecting",
    /// "Connection failed", "HTTP_CHECK - network unreachable", "Timeout WEB write",
    /// "Cannot send get request to", "Timeout WEB read", "Timeout HTTP read", "Read error with",
    /// "SSL handshake/communication error connecting to", "Timeout SSL read", "SSL read error from".
    case failed(reason: String)
    /// The server answered and closed the connection.
    case response(HTTPResponse)
}

/// What was read from the server until it closed the connection.
public struct HTTPResponse: Hashable, Sendable {
    /// Whether a whole header (up to the empty line) arrived; keepalived's "extracted".
    public var headerComplete: Bool
    /// The status line's code (0 when it could not be read).
    public var statusCode: Int
    /// Content-Length, when the header had one.
    public var contentLength: Int?
    /// Body bytes received.
    public var bodyLength: Int
    /// MD5 of the body (at most Content-Length bytes of it); nil when not computed.
    public var bodyDigest: [UInt8]?
    /// Whether the url's regex matched; nil when the url has none.
    public var regexMatched: Bool?
    /// Lines to log from reading it (keepalived's regex matching troubles), before the verdict.
    public var notes: [String]

    public init(headerComplete: Bool, statusCode: Int, contentLength: Int?, bodyLength: Int, bodyDigest: [UInt8]?,
                regexMatched: Bool? = nil, notes: [String] = []) {
        self.headerComplete = headerComplete
        self.statusCode = statusCode
        self.contentLength = contentLength
        self.bodyLength = bodyLength
        self.bodyDigest = bodyDigest
        self.regexMatched = regexMatched
        self.notes = notes
    }
}

/// How a MISC_CHECK script ended.
public enum ScriptResult: Hashable, Sendable {
    case exited(Int32)
    /// Killed by a signal it was not sent for a timeout.
    case signaled(Int32)
    /// Ran past misc_timeout and was terminated (SIGTERM, then SIGKILL).
    case timedOut
}
