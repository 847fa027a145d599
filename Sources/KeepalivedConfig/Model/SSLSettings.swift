/// The checker's TLS context for SSL_GET (keepalived's `SSL { }` root block).

/// keepalived.conf: SSL
public struct SSLSettings: Sendable, Hashable {
    /// keepalived.conf: SSL.password (the private key's pass phrase)
    public var password: String?
    /// keepalived.conf: SSL.ca
    public var caFile: String?
    /// keepalived.conf: SSL.certificate
    public var certificateFile: String?
    /// keepalived.conf: SSL.key
    public var keyFile: String?
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }
}
