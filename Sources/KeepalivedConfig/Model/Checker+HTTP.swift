/// The settings of HTTP_GET and SSL_GET checkers.

/// keepalived.conf: HTTP_GET / SSL_GET { url { }, http_protocol, virtualhost, ... }
public struct HTTPCheck: Sendable, Hashable {
    /// keepalived.conf: http_protocol
    public enum ProtocolVersion: String, Sendable, Hashable {
        case http10 = "1.0", http11 = "1.1", http10Close = "1.0C"
    }

    /// keepalived.conf: url
    public var urls: [URLCheck] = []
    /// keepalived.conf: http_protocol (default 1.0)
    public var httpProtocol: ProtocolVersion = .http10
    /// keepalived.conf: virtualhost
    public var virtualhost: String?
    /// keepalived.conf: enable_sni
    public var enableSNI = false
    /// keepalived.conf: fast_recovery
    public var fastRecovery = false
    public init() {}
}

/// keepalived.conf: url { path, digest, status_code, virtualhost, regex* }
public struct URLCheck: Sendable, Hashable {
    /// keepalived.conf: path
    public var path: String?
    /// keepalived.conf: digest (16 bytes of MD5)
    public var digest: [UInt8]?
    /// keepalived.conf: status_code (ranges 100-599; default 200-299)
    public var statusCodes: [ClosedRange<Int>] = []
    /// keepalived.conf: virtualhost
    public var virtualhost: String?
    /// keepalived.conf: regex
    public var regex: String?
    /// keepalived.conf: regex_no_match
    public var regexNoMatch = false
    /// keepalived.conf: regex_options
    public var regexOptions: [String] = []
    /// keepalived.conf: regex_min_offset
    public var regexMinOffset = 0
    /// keepalived.conf: regex_max_offset (one past the last position; 0 for none)
    public var regexMaxOffset = 0
    /// keepalived.conf: regex_stack START MAX
    public var regexStack: (start: UInt64, max: UInt64)? {
        get { regexStackValues.map { ($0[0], $0[1]) } }
        set { regexStackValues = newValue.map { [$0.start, $0.max] } }
    }
    private var regexStackValues: [UInt64]?
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }

    /// Whether `code` is accepted.
    public func accepts(status code: Int) -> Bool { statusCodes.contains { $0.contains(code) } }
}
