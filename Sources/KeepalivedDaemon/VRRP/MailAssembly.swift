import CheckerCore
import Glibc
import KeepalivedConfig
import Notification

/// Builds the mail alert settings from global_defs with keepalived's defaults, once at start-up:
/// mail is on only with a recipient and an smtp_server; a server name is resolved here (keepalived
/// resolves it while reading the configuration), never on the VRRP thread.
enum MailAssembly {
    /// The sender; it sends nothing while the configuration names no recipient or no server.
    static func sender(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void,
                       logDetail: (@Sendable (String) -> Void)?) -> MailSender {
        MailSender(settings: settings(configuration, log: log), policy: policy(configuration), log: log, logDetail: logDetail)
    }

    /// A reload's new mail settings and policy.
    static func reconfigure(_ sender: MailSender, _ configuration: Configuration, log: (String) -> Void) {
        let known = configuration.vrrpInstances.map { AlertSubject.instance($0.name) } + configuration.syncGroups.map { AlertSubject.group($0.name) }
        sender.reconfigure(settings: settings(configuration, log: log), policy: policy(configuration), known: Set(known))
    }

    static func settings(_ configuration: Configuration, log: (String) -> Void) -> MailSettings? {
        let smtp = configuration.global.smtp
        guard !smtp.notificationEmails.isEmpty, let server = smtp.server else { return nil }
        let servers = ([server] + smtp.fallbackServers).compactMap { address($0, log: log) }
        guard !servers.isEmpty else { return nil }
        let localName = canonicalHostName()
        let login = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
        return MailSettings(
            servers: servers,
            // keepalived leaves the sender unset when the host name cannot be found; a sender is needed.
            from: smtp.emailFrom ?? "\(login)@\(localName ?? "localhost")",
            recipients: smtp.notificationEmails,
            heloName: smtp.heloName ?? localName ?? "localhost",
            timeout: Int32(clamping: (smtp.connectTimeout ?? 30_000_000) / 1000),
            routerID: configuration.global.routerID ?? localName ?? "[unknown]",
            hostName: localName ?? "localhost",
            retry: MailRetryPolicy(retries: smtp.retries, firstDelay: Int((smtp.retryDelay ?? 10_000_000) / 1000)),
            rateLimit: smtp.rateLimit.map { MailRateLimiter(limit: $0.count, window: $0.seconds * 1000) },
            options: SMTPSession.Options(ehlo: smtp.ehlo, startTLS: smtp.tls == .startTLS, credentials: credentials(smtp, log: log)),
            tls: smtp.tls.map { MailTLS(mode: $0 == .implicit ? .implicit : .startTLS, caFile: smtp.tlsCAFile, serverName: smtp.tlsServerName) })
    }

    /// smtp_auth_user's password from smtp_auth_secret_file: only over TLS, and only from a file
    /// others cannot read or write; otherwise AUTH is left out (and the server decides).
    static func credentials(_ smtp: SMTPSettings, log: (String) -> Void) -> SMTPSession.Credentials? {
        guard let user = smtp.authUser else { return nil }
        guard smtp.tls != nil else {
            log("smtp_auth_user needs smtp_tls: the password is never sent in clear; alerts are sent without AUTH")
            return nil
        }
        guard let path = smtp.authSecretFile else {
            log("smtp_auth_user \(user) has no smtp_auth_secret_file; alerts are sent without AUTH")
            return nil
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            log("smtp_auth_secret_file \(path) cannot be read (errno \(errno)); alerts are sent without AUTH")
            return nil
        }
        guard status.st_mode & 0o007 == 0 else {
            log("smtp_auth_secret_file \(path) is open to others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                + "not used, alerts are sent without AUTH: chmod o= it")
            return nil
        }
        guard let file = fopen(path, "r") else {
            log("smtp_auth_secret_file \(path) cannot be read (errno \(errno)); alerts are sent without AUTH")
            return nil
        }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 1024)
        guard fgets(&line, Int32(line.count), file) != nil else {
            log("smtp_auth_secret_file \(path) is empty; alerts are sent without AUTH")
            return nil
        }
        var password = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while password.hasSuffix("\n") || password.hasSuffix("\r") { password.removeLast() }
        return SMTPSession.Credentials(user: user, password: password)
    }

    /// A server's socket address; a name is resolved now (nil, logged, when it cannot be).
    static func address(_ server: SMTPSettings.Server, log: (String) -> Void) -> SMTPServerAddress? {
        switch server {
        case let .address(ip, port):
            return SMTPServerAddress(host: ip.description, port: port)
        case let .hostname(name, port):
            guard let address = resolve(name).flatMap({ SMTPServerAddress(host: $0, port: port, name: name) }) else {
                log("Unable to resolve SMTP server \(name); no e-mail alerts go to it")
                return nil
            }
            return address
        }
    }

    /// Which instances and groups mail, after keepalived's defaults (own, smtp_alert_vrrp, smtp_alert).
    static func policy(_ configuration: Configuration) -> MailAlertPolicy {
        let smtp = configuration.global.smtp
        func on(_ own: Bool?) -> Bool {
            MailAlertPolicy.resolve(own: own, vrrpDefault: smtp.alertVRRP, globalDefault: smtp.alert)
        }
        let instances = configuration.vrrpInstances.filter { on($0.smtpAlert) }.map { AlertSubject.instance($0.name) }
        let groups = configuration.syncGroups.filter { on($0.smtpAlert) }.map { AlertSubject.group($0.name) }
        return MailAlertPolicy(alerting: Set(instances + groups), noEmailFaults: smtp.noEmailFaults)
    }

    /// What a checker alert is about, for the rate limit and the subject line.
    static func subject(_ subject: CheckerAlert.Subject) -> AlertSubject {
        switch subject {
        case let .realServer(realServer, virtualServer): .realServer(realServer, virtualServer: virtualServer)
        case let .virtualServer(name): .virtualServer(name)
        }
    }

    /// keepalived's local name: the canonical name of uname's node name (getaddrinfo AI_CANONNAME).
    static func canonicalHostName() -> String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        let node = withUnsafeBytes(of: &names.nodename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var hints = addrinfo()
        hints.ai_flags = AI_CANONNAME
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(node, nil, &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(result) }
        return first.pointee.ai_canonname.map { String(cString: $0) }
    }

    /// The first address getaddrinfo gives for `name`, as text.
    static func resolve(_ name: String) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result, let address = first.pointee.ai_addr else { return nil }
        defer { freeaddrinfo(result) }
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, first.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
