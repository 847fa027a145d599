#if canImport(Glibc)
import Glibc
#endif

/// The SMTP server's socket address, parsed once from a numeric IPv4 or IPv6 address.
public struct SMTPServerAddress: Sendable, CustomStringConvertible {
    fileprivate let storage: sockaddr_storage
    fileprivate let length: socklen_t
    /// keepalived's `[address]:port`, the form every SMTP log line uses.
    public let description: String
    /// The numeric address alone (what a certificate is checked against without smtp_tls_server_name).
    public let host: String

    /// The name it was configured by, if any (what a certificate is checked against by default).
    public let name: String?

    /// nil unless `host` is a numeric address (getaddrinfo with AI_NUMERICHOST). `name`: the host
    /// name it was resolved from.
    public init?(host: String, port: UInt16, name: String? = nil) {
        self.name = name
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result, let address = first.pointee.ai_addr else {
            return nil
        }
        defer { freeaddrinfo(result) }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(first.pointee.ai_addrlen)))
        }
        self.storage = storage
        length = first.pointee.ai_addrlen
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST)
        self.host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        description = "[\(self.host)]:\(port)"
    }

    var family: Int32 { Int32(storage.ss_family) }
}

/// A non-blocking TCP connection to the SMTP server. Every wait ends at a deadline or when the
/// sender's wake descriptor becomes readable (the daemon is stopping), so nothing here can hang.
final class SMTPConnection {
    enum Event: Equatable {
        case ready
        case timedOut
        case interrupted
        case failed
    }

    private let descriptor: Int32
    private let wake: Int32
    /// Set once TLS is negotiated: every byte then goes through it.
    private var tls: TLSChannel?

    private init(descriptor: Int32, wake: Int32) {
        self.descriptor = descriptor
        self.wake = wake
    }

    deinit {
        tls?.shutdown()
        tls = nil
        close(descriptor)
    }

    /// How negotiating TLS ended.
    enum TLSOutcome: Equatable {
        case established
        case failed(String)
        case timedOut
        case interrupted
    }

    /// Negotiates TLS on the open connection (after STARTTLS's 220, or first thing for implicit
    /// TLS), all of it within `timeout` ms.
    func startTLS(_ settings: MailTLS, address: String, timeout: Int32) -> TLSOutcome {
        let channel: TLSChannel
        switch TLSChannel.make(descriptor: descriptor, settings: settings, address: address) {
        case let .success(made): channel = made
        case let .failure(error): return .failed(error.reason)
        }
        let deadline = monotonicMilliseconds() + Int(timeout)
        while true {
            let progress = channel.handshake()
            let events: Int16
            switch progress {
            case .done:
                tls = channel
                return .established
            case .wantRead: events = Int16(POLLIN)
            case .wantWrite: events = Int16(POLLOUT)
            case .closed: return .failed("connection closed during the handshake")
            case let .failed(reason): return .failed(reason)
            }
            switch wait(for: events, timeout: Int32(clamping: max(0, deadline - monotonicMilliseconds()))) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .interrupted: return .interrupted
            case .failed: return .failed("poll failed")
            }
        }
    }

    /// How opening the connection ended.
    enum Opened {
        case connected(SMTPConnection)
        /// socket(2) or connect(2) itself failed.
        case failedAtOnce
        /// The handshake failed on `descriptor` (SO_ERROR: refused, host unreachable, ...).
        case failed(descriptor: Int32)
        case timedOut
        case interrupted
    }

    /// socket(2) + non-blocking connect(2), waiting at most `timeout` ms for the handshake.
    static func open(to server: SMTPServerAddress, timeout: Int32, wake: Int32) -> Opened {
        let fd = socket(server.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failedAtOnce }
        let connection = SMTPConnection(descriptor: fd, wake: wake)
        var storage = server.storage
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, server.length) }
        }
        if result == 0 { return .connected(connection) }
        guard errno == EINPROGRESS else { return .failedAtOnce }
        switch connection.wait(for: Int16(POLLOUT), timeout: timeout) {
        case .ready: break
        case .timedOut: return .timedOut
        case .interrupted: return .interrupted
        case .failed: return .failed(descriptor: fd)
        }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
        return error == 0 ? .connected(connection) : .failed(descriptor: fd)
    }

    /// Writes all of `text` (send(2) with MSG_NOSIGNAL), waiting at most `timeout` ms for room.
    func send(_ text: String, timeout: Int32) -> Event {
        let bytes = Array(text.utf8)
        var offset = 0
        if let tls {
            while offset < bytes.count {
                switch tls.write(bytes[offset...]) {
                case let .done(count): offset += count
                case .wantRead: if case let event = wait(for: Int16(POLLIN), timeout: timeout), event != .ready { return event }
                case .wantWrite: if case let event = wait(for: Int16(POLLOUT), timeout: timeout), event != .ready { return event }
                case .closed, .failed: return .failed
                }
            }
            return .ready
        }
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
                continue
            }
            guard sent < 0, errno == EAGAIN || errno == EINTR else { return .failed }
            let event = wait(for: Int16(POLLOUT), timeout: timeout)
            guard event == .ready else { return event }
        }
        return .ready
    }

    /// What one read brought.
    enum Received: Equatable {
        case bytes([UInt8])
        case closed
        case event(Event)
    }

    /// read(2) of what the server sent, waiting at most `timeout` ms for it.
    func receive(timeout: Int32) -> Received {
        var buffer = [UInt8](repeating: 0, count: 1024)
        if let tls {
            // Read first: OpenSSL may hold decrypted bytes the socket no longer shows.
            while true {
                let events: Int16
                switch tls.read(into: &buffer) {
                case let .done(count): return .bytes(Array(buffer.prefix(count)))
                case .closed: return .closed
                case .failed: return .event(.failed)
                case .wantRead: events = Int16(POLLIN)
                case .wantWrite: events = Int16(POLLOUT)
                }
                let event = wait(for: events, timeout: timeout)
                guard event == .ready else { return .event(event) }
            }
        }
        let event = wait(for: Int16(POLLIN), timeout: timeout)
        guard event == .ready else { return .event(event) }
        let count = read(descriptor, &buffer, buffer.count)
        if count > 0 { return .bytes(Array(buffer.prefix(count))) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EINTR ? .bytes([]) : .event(.failed)
    }

    /// poll(2) on the socket and the wake descriptor; EINTR restarts with the time left.
    private func wait(for events: Int16, timeout: Int32) -> Event {
        let deadline = monotonicMilliseconds() + Int(timeout)
        while true {
            let left = Int32(clamping: max(0, deadline - monotonicMilliseconds()))
            var fds = [pollfd(fd: descriptor, events: events, revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, left)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if fds[1].revents != 0 { return .interrupted }
            if ready == 0 { return .timedOut }
            // Errors and hang-ups are reported by the read, write or SO_ERROR that follows.
            return .ready
        }
    }
}

/// Milliseconds on CLOCK_MONOTONIC (never stepped), for deadlines.
func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
}
