/// The settings of the checkers other than HTTP_GET/SSL_GET.

/// keepalived.conf: SMTP_CHECK { helo_name, host { } }
public struct SMTPCheck: Sendable, Hashable {
    /// keepalived.conf: helo_name (default smtpchecker.keepalived.org)
    public var heloName = "smtpchecker.keepalived.org"
    /// keepalived.conf: host { ... } (deprecated; each becomes one more SMTP checker)
    public var hosts: [ConnectionOptions] = []
    public init() {}
}

/// keepalived.conf: DNS_CHECK { type, name }
public struct DNSCheck: Sendable, Hashable {
    /// keepalived.conf: type (default SOA)
    public var type: DNSQueryType = .soa
    /// keepalived.conf: name (default the root, "")
    public var name = ""
    /// Whether `name` was given (a second one is refused).
    var nameGiven = false
    public init() {}
}

/// keepalived.conf: DNS_CHECK type values.
public enum DNSQueryType: String, Sendable, Hashable, CaseIterable {
    case a = "A", ns = "NS", cname = "CNAME", soa = "SOA", mx = "MX", txt = "TXT", aaaa = "AAAA"
    case rrsig = "RRSIG", dnskey = "DNSKEY"

    /// The RR type number.
    public var code: UInt16 {
        switch self {
        case .a: 1
        case .ns: 2
        case .cname: 5
        case .soa: 6
        case .mx: 15
        case .txt: 16
        case .aaaa: 28
        case .rrsig: 46
        case .dnskey: 48
        }
    }
}

/// keepalived.conf: MISC_CHECK { misc_path, misc_timeout, misc_dynamic, user }
public struct MiscCheck: Sendable, Hashable {
    /// keepalived.conf: misc_path (argv; user and group from `user` or script_user)
    public var script: NotifyScript?
    /// keepalived.conf: misc_timeout (µs; nil: the checker's delay_loop)
    public var timeout: UInt64?
    /// keepalived.conf: misc_dynamic
    public var dynamic = false
    /// keepalived.conf: user USER [GROUP]
    public var user: String?
    public var group: String?
    public init() {}
}

/// keepalived.conf: UDP_CHECK { payload, require_reply, min_reply_length, max_reply_length }
public struct UDPCheck: Sendable, Hashable {
    /// keepalived.conf: payload (hex)
    public var payload: [UInt8]?
    /// keepalived.conf: require_reply
    public var requireReply = false
    /// keepalived.conf: require_reply HEX (an `x` nibble matches anything: mask bits set)
    public var replyData: [UInt8]?
    public var replyMask: [UInt8]?
    /// keepalived.conf: min_reply_length (default 0)
    public var minReplyLength: UInt16 = 0
    /// keepalived.conf: max_reply_length (default 255)
    public var maxReplyLength: UInt16 = 255
    public init() {}
}

/// keepalived.conf: FILE_CHECK { track_file NAME, weight W [reverse|noreverse] }
public struct FileCheck: Sendable, Hashable {
    /// keepalived.conf: track_file (a track_file block's name)
    public var trackFile: String?
    /// keepalived.conf: weight (nil: the track_file's own weight)
    public var weight: Int32?
    public var reverse = false
    public var location: SourceLocation
    public init(location: SourceLocation) { self.location = location }
}
