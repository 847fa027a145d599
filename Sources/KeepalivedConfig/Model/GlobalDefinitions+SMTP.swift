/// global_defs: e-mail alerts and the SMTP server they go through.
public struct SMTPSettings: Sendable, Hashable {
    /// keepalived.conf: smtp_server ADDRESS|NAME [PORT]
    public enum Server: Sendable, Hashable {
        case address(IPAddress, port: UInt16)
        /// A name keepalived resolves (getaddrinfo) when it reads the line.
        case hostname(String, port: UInt16)
    }

    /// keepalived.conf: notification_email { ADDRESS ... }
    public var notificationEmails: [String] = []
    /// keepalived.conf: notification_email_from (default keepalived@HOSTNAME once a server is set)
    public var emailFrom: String?
    /// keepalived.conf: smtp_server
    public var server: Server?
    /// keepalived.conf: smtp_helo_name (default the host name)
    public var heloName: String?
    /// keepalived.conf: smtp_connect_timeout SECONDS, in µs (default 30 s once a server is set)
    public var connectTimeout: UInt64?
    /// keepalived.conf: smtp_alert [BOOL] (nil: unset, each area decides)
    public var alert: Bool?
    /// keepalived.conf: smtp_alert_vrrp [BOOL]
    public var alertVRRP: Bool?
    /// keepalived.conf: smtp_alert_checker [BOOL]
    public var alertChecker: Bool?
    /// keepalived.conf: no_email_faults
    public var noEmailFaults = false
    /// keepalived.conf: no_checker_emails [BOOL]
    public var noCheckerEmails = false

    // swift-keepalived extensions (keepalived 2.2.7 reports each as an unknown keyword).

    /// smtp_fallback_server ADDRESS|NAME [PORT], repeatable: tried in order when smtp_server fails.
    public var fallbackServers: [Server] = []
    /// smtp_retries N (0...10; default 0, keepalived's way: an alert that fails is dropped)
    public var retries = 0
    /// smtp_retry_delay SECONDS, in µs: the first back-off, doubled for each further retry (default 10 s).
    public var retryDelay: UInt64?
    /// smtp_rate_limit COUNT SECONDS: at most COUNT alerts in any SECONDS (default: no limit).
    public var rateLimit: RateLimit?

    /// smtp_ehlo: greet with EHLO, HELO when the server refuses it (implied by smtp_tls and smtp_auth_user).
    public var ehlo = false
    /// smtp_tls starttls|implicit: encrypt the dialogue (a certificate that does not verify stops it).
    public var tls: TLSMode?
    /// smtp_tls_ca_file PATH: trust only these CA certificates (default: the system's).
    public var tlsCAFile: String?
    /// smtp_tls_server_name NAME: the name the certificate must carry (default: the server's name, else its address).
    public var tlsServerName: String?
    /// smtp_auth_user USER: AUTH PLAIN or LOGIN after TLS.
    public var authUser: String?
    /// smtp_auth_secret_file PATH: the password, first line; refused when others may read it.
    public var authSecretFile: String?

    public enum TLSMode: String, Sendable, Hashable {
        case startTLS = "starttls"
        case implicit
    }

    /// At most `count` alerts in any `seconds`.
    public struct RateLimit: Sendable, Hashable {
        public var count: Int
        public var seconds: Int
        public init(count: Int, seconds: Int) {
            self.count = count
            self.seconds = seconds
        }
    }
    public init() {}
}
