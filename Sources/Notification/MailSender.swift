#if canImport(Glibc)
import Glibc
#endif

/// What the mail alerts need from global_defs, resolved by the daemon when it starts.
public struct MailSettings: Sendable {
    /// keepalived.conf: smtp_server, then the smtp_fallback_server extension's, tried in this order.
    public var servers: [SMTPServerAddress]
    /// keepalived.conf: notification_email_from (default login@host name)
    public var from: String
    /// keepalived.conf: notification_email
    public var recipients: [String]
    /// keepalived.conf: smtp_helo_name (default the host name, else "localhost")
    public var heloName: String
    /// keepalived.conf: smtp_connect_timeout, in milliseconds: the connect and each reply.
    public var timeout: Int32
    /// keepalived.conf: router_id (default the host name); the `[...]` of every subject.
    public var routerID: String
    /// The right-hand side of Message-IDs.
    public var hostName: String
    /// Alerts waiting while one is being sent; past this the oldest is dropped (and logged).
    public var queueCapacity: Int
    /// The smtp_retries / smtp_retry_delay extensions (default: none, as keepalived).
    public var retry: MailRetryPolicy
    /// The smtp_rate_limit extension (default: none, as keepalived).
    public var rateLimit: MailRateLimiter?
    /// The ESMTP extensions (EHLO, STARTTLS, AUTH); the default is keepalived's HELO dialogue.
    public var options: SMTPSession.Options
    /// The smtp_tls extension.
    public var tls: MailTLS?

    public init(
        servers: [SMTPServerAddress], from: String, recipients: [String], heloName: String, timeout: Int32, routerID: String,
        hostName: String, queueCapacity: Int = 64, retry: MailRetryPolicy = MailRetryPolicy(), rateLimit: MailRateLimiter? = nil,
        options: SMTPSession.Options = SMTPSession.Options(), tls: MailTLS? = nil
    ) {
        self.rateLimit = rateLimit
        self.options = options
        self.tls = tls
        self.servers = servers
        self.retry = retry
        self.from = from
        self.recipients = recipients
        self.heloName = heloName
        self.timeout = timeout
        self.routerID = routerID
        self.hostName = hostName
        self.queueCapacity = queueCapacity
    }
}

/// Sends alert mail on a thread of its own, one SMTP dialogue at a time in transition order, so a
/// slow, silent or absent server never delays the VRRP thread: `transition` only decides and
/// queues. A mail that fails is logged and dropped, as keepalived drops it, unless the extensions
/// name fallback servers (tried in order) or retries (later rounds over all servers, backing off).
public final class MailSender: @unchecked Sendable {
    public typealias Logger = @Sendable (String) -> Void
    /// nil: no mail (no recipient or no server configured). Changed by `reconfigure`.
    private var settings: MailSettings?
    private let log: Logger
    private let logDetail: Logger?
    private var policy: MailAlertPolicy
    private var limiter: MailRateLimiter?
    private var queue: [MailMessage] = []
    private var sequence = 0
    private var stopping = false
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    /// Signalled by the mail thread each time it finishes a dialogue (for `flush(within:)`).
    private var delivered = pthread_cond_t()
    /// A dialogue is in progress.
    private var busy = false
    private var thread = pthread_t()
    /// A pipe whose read end becomes readable once `stop()` is called: ends any wait on the server.
    private let wake: (read: Int32, write: Int32)

    /// `logDetail`: where keepalived's -D lines go (nil: not logged).
    public init(settings: MailSettings?, policy: MailAlertPolicy, log: @escaping Logger, logDetail: Logger? = nil) {
        self.settings = settings
        self.policy = policy
        limiter = settings?.rateLimit
        self.log = log
        self.logDetail = logDetail
        var ends: [Int32] = [-1, -1]
        pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (ends[0], ends[1])
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        pthread_cond_init(&delivered, nil)
        pthread_create(&thread, nil, { argument in
            Unmanaged<MailSender>.fromOpaque(argument!).takeUnretainedValue().loop()
            return nil
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called on the VRRP thread when `subject` enters `state`; returns at once.
    public func transition(_ subject: AlertSubject, entering state: AlertState) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard !stopping, let settings, policy.shouldMail(subject, entering: state),
              let alert = MailAlert(subject, entering: state, routerID: settings.routerID) else { return }
        submit(alert, about: subject, settings: settings)
    }

    /// Called on the checker thread for an smtp_alert the checker decided on (it applies
    /// keepalived's conditions itself: smtp_alert, no_checker_emails); returns at once. `state`:
    /// UP or DOWN; `body`: the checker's line. Rate-limited like the VRRP alerts, per server.
    public func checkerAlert(_ subject: AlertSubject, state: String, body: String) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard !stopping, let settings,
              let alert = MailAlert(checker: subject, state: state, body: body, routerID: settings.routerID) else { return }
        submit(alert, about: subject, settings: settings)
    }

    /// Dates and numbers `alert`, passes it through the rate limit and queues it (the mutex held).
    private func submit(_ alert: MailAlert, about subject: AlertSubject, settings: MailSettings) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        sequence += 1
        let id = MailMessage.messageID(
            secondsSinceEpoch: Int(now.tv_sec), sequence: sequence, random: UInt64.random(in: 0...UInt64.max), host: settings.hostName)
        let message = MailMessage(
            from: settings.from, recipients: settings.recipients, alert: alert,
            date: MailDate.local(secondsSinceEpoch: Int(now.tv_sec)), messageID: id)
        if var limiter {
            let wasHolding = limiter.isHolding
            let admitted = limiter.offer(message, about: subject, now: monotonicMilliseconds())
            if admitted.isEmpty && !wasHolding {
                log("SMTP alerts over smtp_rate_limit (\(limiter.limit) in \(limiter.window / 1000) s): "
                    + "holding back the latest alert of each instance, group and server")
            }
            self.limiter = limiter
            enqueue(admitted)
        } else {
            enqueue([message])
        }
        pthread_cond_signal(&condition)
    }

    /// A reload: new settings (nil: no more mail) and a fresh policy, as keepalived starts its
    /// reloaded instances with nothing mailed yet. `known`: every instance and group of the new
    /// configuration; the others are being removed and keep their old smtp_alert for the FAULT (or
    /// DELETED) the reload reports for them. Alerts already queued go out with the new settings.
    public func reconfigure(settings: MailSettings?, policy: MailAlertPolicy, known: Set<AlertSubject>) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if settings == nil { queue.removeAll() }
        self.settings = settings
        var policy = policy
        policy.alerting.formUnion(self.policy.alerting.subtracting(known))
        self.policy = policy
        if settings?.rateLimit?.limit != limiter?.limit || settings?.rateLimit?.window != limiter?.window {
            limiter = settings?.rateLimit
        }
    }

    /// Appends to the bounded queue (the mutex held), dropping the oldest waiting alert when full.
    private func enqueue(_ messages: [MailMessage]) {
        let capacity = settings?.queueCapacity ?? 0
        for message in messages {
            if queue.count >= capacity {
                guard !queue.isEmpty else { return }
                let dropped = queue.removeFirst()
                log("SMTP alert queue full (\(capacity) waiting): dropping \"\(dropped.alert.subject)\"")
            }
            queue.append(message)
        }
    }

    /// Waits on the condition (the mutex held) until signalled or the held alerts' turn comes.
    private func waitForWork() {
        guard let next = limiter?.nextRelease else {
            pthread_cond_wait(&condition, &mutex)
            return
        }
        let wait = max(0, next - monotonicMilliseconds())
        if wait > 0 {
            var deadline = Self.deadline(inMilliseconds: wait)
            pthread_cond_timedwait(&condition, &mutex, &deadline)
        }
        if var limiter {
            let released = limiter.release(now: monotonicMilliseconds())
            self.limiter = limiter
            enqueue(released)
        }
    }

    /// The CLOCK_REALTIME moment `milliseconds` from now, for pthread_cond_timedwait.
    private static func deadline(inMilliseconds milliseconds: Int) -> timespec {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_sec += milliseconds / 1000
        deadline.tv_nsec += (milliseconds % 1000) * 1_000_000
        if deadline.tv_nsec >= 1_000_000_000 {
            deadline.tv_sec += 1
            deadline.tv_nsec -= 1_000_000_000
        }
        return deadline
    }

    /// Waits at most `milliseconds` for the queued alerts to go out (the checker's omega mails at
    /// shutdown, before `stop`); alerts held by the rate limit are not waited for.
    public func flush(within milliseconds: Int) {
        guard milliseconds > 0 else { return }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var deadline = Self.deadline(inMilliseconds: milliseconds)
        while !stopping && settings != nil && (busy || !queue.isEmpty) {
            if pthread_cond_timedwait(&delivered, &mutex, &deadline) == ETIMEDOUT { return }
        }
    }

    /// Stops the thread: a dialogue in progress is cut off and queued alerts are dropped (keepalived
    /// sends nothing once it stops either), with one line saying how many.
    public func stop() {
        pthread_mutex_lock(&mutex)
        if stopping {
            pthread_mutex_unlock(&mutex)
            return
        }
        stopping = true
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
        var byte: UInt8 = 1
        _ = Glibc.write(wake.write, &byte, 1)
        pthread_join(thread, nil)
        close(wake.read)
        close(wake.write)
    }

    private func loop() {
        var abandoned = 0
        while true {
            pthread_mutex_lock(&mutex)
            while queue.isEmpty && !stopping { waitForWork() }
            if stopping {
                abandoned += queue.count
                queue.removeAll()
                pthread_mutex_unlock(&mutex)
                break
            }
            let message = queue.removeFirst()
            let current = settings
            busy = true
            pthread_mutex_unlock(&mutex)
            if let current, !deliver(message, using: current) { abandoned += 1 }
            pthread_mutex_lock(&mutex)
            busy = false
            pthread_cond_broadcast(&delivered)
            pthread_mutex_unlock(&mutex)
        }
        if abandoned > 0 { log("Stopping: \(abandoned) SMTP alert(s) not sent") }
    }

    /// Tries every server in order, then again after each back-off while retries are left and
    /// worth it. Returns false only when stopping cut it off.
    private func deliver(_ message: MailMessage, using settings: MailSettings) -> Bool {
        var round = 0
        while true {
            var failures: [SMTPSession.Failure] = []
            for server in settings.servers {
                guard let session = converse(message, with: server, using: settings) else { return false }
                if session.delivered { return true }
                log("SMTP alert \"\(message.alert.subject)\" not sent to \(server)")
                if let failure = session.failure { failures.append(failure) }
            }
            round += 1
            guard MailRetryPolicy.isWorthRetrying(failures), let delay = settings.retry.delay(beforeRetry: round) else {
                if round > 1 { log("SMTP alert \"\(message.alert.subject)\" dropped after \(round - 1) retries") }
                return true
            }
            log("SMTP alert \"\(message.alert.subject)\": retry \(round) of \(settings.retry.retries) in \(delay / 1000) s")
            if !pause(milliseconds: delay) { return false }
        }
    }

    /// Waits `milliseconds`, or less when stopping; false if stopping.
    private func pause(milliseconds: Int) -> Bool {
        var descriptor = pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)
        let deadline = monotonicMilliseconds() + milliseconds
        while true {
            let left = deadline - monotonicMilliseconds()
            if left <= 0 { return true }
            if poll(&descriptor, 1, Int32(clamping: left)) > 0 { return false }
        }
    }

    /// Runs one dialogue with `server` to its end; nil when stopping cut it off.
    private func converse(_ message: MailMessage, with server: SMTPServerAddress, using settings: MailSettings) -> SMTPSession? {
        let implicit = settings.tls?.mode == .implicit
        var session = SMTPSession(
            message: message, heloName: settings.heloName, server: server.description, options: settings.options, implicitTLS: implicit)
        let link = Link(server: server, settings: settings)
        var opened: SMTPConnection?
        switch SMTPConnection.open(to: server, timeout: settings.timeout, wake: wake.read) {
        case .interrupted: return nil
        case .timedOut: perform(session.handle(.connectTimedOut), on: nil, session: &session, link: link)
        case .failedAtOnce: perform(session.handle(.connectFailed(descriptor: nil)), on: nil, session: &session, link: link)
        case let .failed(descriptor): perform(session.handle(.connectFailed(descriptor: descriptor)), on: nil, session: &session, link: link)
        case let .connected(connection):
            opened = connection
            if implicit {
                guard let result = negotiate(connection, link) else { return nil }
                perform(session.handle(result), on: connection, session: &session, link: link)
                if session.isDone { return session }
            }
            perform(session.handle(.connected), on: connection, session: &session, link: link)
        }
        while !session.isDone, let connection = opened {
            let input: SMTPSession.Input
            switch connection.receive(timeout: settings.timeout) {
            case let .bytes(bytes): input = .received(bytes)
            case .closed: input = .peerClosed
            case .event(.timedOut): input = .readTimedOut
            case .event(.interrupted): return nil
            case .event(.failed), .event(.ready): input = .readFailed
            }
            if !perform(session.handle(input), on: connection, session: &session, link: link) { return nil }
        }
        return session
    }

    /// What a dialogue's actions need to know about where they go.
    private struct Link {
        var server: SMTPServerAddress
        var settings: MailSettings
    }

    /// The TLS handshake as a session input; nil when stopping cut it off.
    private func negotiate(_ connection: SMTPConnection, _ link: Link) -> SMTPSession.Input? {
        guard var tls = link.settings.tls else { return .tlsFailed("smtp_tls is not configured") }
        tls.serverName = tls.serverName ?? link.server.name
        switch connection.startTLS(tls, address: link.server.host, timeout: link.settings.timeout) {
        case .established: return .tlsEstablished
        case let .failed(reason): return .tlsFailed(reason)
        case .timedOut: return .tlsFailed("handshake timed out")
        case .interrupted: return nil
        }
    }

    /// Carries out the session's actions in order; false when stopping interrupted a write.
    @discardableResult
    private func perform(
        _ actions: [SMTPSession.Action], on connection: SMTPConnection?, session: inout SMTPSession, link: Link
    ) -> Bool {
        var pending = actions[...]
        while let action = pending.popFirst() {
            switch action {
            case let .log(line): log(line)
            case let .logDetail(line): logDetail?(line)
            case .close: return true
            case .startTLS:
                guard let connection, let result = negotiate(connection, link) else { return false }
                pending = session.handle(result)[...]
            case let .send(text):
                guard let connection else { continue }
                switch connection.send(text, timeout: link.settings.timeout) {
                case .ready: break
                case .interrupted: return false
                case .timedOut, .failed: pending = session.handle(.sendFailed)[...]
                }
            }
        }
        return true
    }
}
