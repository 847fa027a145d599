import Glibc

/// Where the daemon's log lines go: syslog (unless -G) and, with -l, the console in keepalived's
/// `Wed Nov 25 06:36:06 2026: message` form. Lines operators grep for are passed through verbatim.
public final class DaemonLog: @unchecked Sendable {
    private let console: Bool
    private let syslogEnabled: Bool
    private let lock = NSLockLike()

    public init(console: Bool, syslog: Bool, identity: String = "Keepalived", facility: Int32 = LOG_DAEMON) {
        self.console = console
        self.syslogEnabled = syslog
        if syslog {
            // openlog keeps the pointer: the identity must live as long as the process.
            let ident = strdup(identity)
            openlog(ident, LOG_PID, facility)
        }
    }

    public func info(_ message: String) {
        lock.withLock {
            if syslogEnabled {
                message.withCString { text in
                    withVaList([text]) { vsyslog(LOG_INFO, "%s", $0) }
                }
            }
            if console {
                let line = "\(DaemonLog.timestamp()): \(message)\n"
                line.withCString { _ = write(1, $0, strlen($0)) }
            }
        }
    }

    /// ctime-like `Wed Nov 25 06:36:06 2026`, keepalived's console prefix.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a %b %e %H:%M:%S %Y", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A pthread mutex, so logging from the VRRP thread and the main thread never interleaves.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
