/// HTTP_GET and SSL_GET: connect (and, for SSL_GET, negotiate TLS), send keepalived's request,
/// read until the server closes, and report the status, Content-Length, the body's MD5 and the
/// regex verdict. Each step has connect_timeout, as in keepalived.
import CheckerCore
import Glibc
import KeepalivedConfig
import Notification
import VRRPCore

/// ```
/// connecting ──► handshaking (SSL_GET) ──► sending ──► reading ──► response
///      └─────────────┴──── timeout / error ────┴──────────┴──► failed(reason)
/// ```
final class HTTPGetProbe: Probe {
    /// What SSL_GET adds: the context to make the session from and the SNI name (enable_sni).
    struct TLS {
        var context: TLSContext
        var serverName: String?
    }

    private enum Phase { case connecting, handshaking, sending, reading }
    private var phase = Phase.connecting
    private var fd: Int32 = -1
    private var done: ProbeResult?
    private let timeout: UInt64
    private(set) var deadline: Instant
    private let request: [UInt8]
    private var sent = 0
    private var response: HTTPResponseReader
    private let tls: TLS?
    private var session: TLSChannel?
    /// What the TLS session waits for (its reads may need to write, and the other way round).
    private var sessionWants = Int16(POLLOUT)
    /// Whether the socket was readable once after the request went out (keepalived's
    /// http_response_thread ran): later timeouts are "Timeout HTTP read"/"Timeout SSL read".
    private var readStarted = false

    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, request: [UInt8], response: HTTPResponseReader,
         tls: TLS?, timeout: UInt64, now: Instant) {
        self.timeout = timeout
        self.request = request
        self.response = response
        self.tls = tls
        deadline = now.adding(timeout)
        switch ProbeSocket.connect(to: target, from: source, fwmark: fwmark) {
        case .inProgress(let socket): fd = socket
        case .connected(let socket):
            fd = socket
            connected(now: now)
        case .failed: done = .http(.failed(reason: "HTTP_CHECK - network unreachable"))
        }
    }

    var immediateResult: ProbeResult? { done }

    var wants: (fd: Int32, events: Int16)? {
        guard fd >= 0 else { return nil }
        switch phase {
        case .connecting: return (fd, Int16(POLLOUT))
        case .handshaking: return (fd, sessionWants)
        case .sending: return (fd, session == nil ? Int16(POLLOUT) : sessionWants)
        case .reading: return (fd, session == nil || !readStarted ? Int16(POLLIN) : sessionWants)
        }
    }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        if revents == 0 {
            guard now >= deadline else { return nil }
            switch phase {
            case .connecting, .handshaking: return finish(.failed(reason: "Timeout connecting"))
            case .sending: return finish(.failed(reason: "Timeout WEB write"))
            case .reading:
                guard readStarted else { return finish(.failed(reason: "Timeout WEB read")) }
                return finish(.failed(reason: session == nil ? "Timeout HTTP read" : "Timeout SSL read"))
            }
        }
        switch phase {
        case .connecting:
            // keepalived's socket_state.
            switch ProbeSocket.connectState(fd) {
            case .connected: return connected(now: now)
            case .timedOut: return finish(.failed(reason: "Timeout connecting"))
            case .failed: return finish(.failed(reason: "Connection failed"))
            case .error: return finish(.failed(reason: "Error connecting"))
            }
        case .handshaking: return handshake(now: now)
        case .sending: return send(now: now)
        case .reading:
            readStarted = true
            return session == nil ? readPlain(now: now) : readTLS(now: now)
        }
    }

    /// The TCP connection is up: HTTP_GET sends at once; SSL_GET negotiates first, within what is
    /// left of connect_timeout (keepalived keeps the connect timer for the handshake).
    @discardableResult
    private func connected(now: Instant) -> ProbeResult? {
        guard let tls else {
            phase = .sending
            deadline = now.adding(timeout)
            return nil
        }
        switch TLSChannel.make(descriptor: fd, context: tls.context, serverName: tls.serverName) {
        case .success(let made): session = made
        case .failure: return finish(.failed(reason: Self.handshakeError))
        }
        phase = .handshaking
        return handshake(now: now)
    }

    /// keepalived's reason for any TLS failure before the request is sent.
    static let handshakeError = "SSL handshake/communication error connecting to"

    /// Whether the TLS session must wait for the socket (what for is then in `sessionWants`).
    private func waits(_ progress: TLSChannel.Progress) -> Bool {
        switch progress {
        case .wantRead: sessionWants = Int16(POLLIN)
        case .wantWrite: sessionWants = Int16(POLLOUT)
        default: return false
        }
        return true
    }

    private func handshake(now: Instant) -> ProbeResult? {
        guard let session else { return nil }
        let progress = session.handshake()
        if waits(progress) { return nil }
        guard case .done = progress else { return finish(.failed(reason: Self.handshakeError)) }
        phase = .sending
        sessionWants = Int16(POLLOUT)
        deadline = now.adding(timeout)
        return nil
    }

    private func send(now: Instant) -> ProbeResult? {
        let count: Int
        if let session {
            let progress = session.write(request[sent...])
            if waits(progress) { return nil }
            guard case .done(let written) = progress else { return finish(.failed(reason: "Cannot send get request to")) }
            count = written
        } else {
            let written = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                return errno == EAGAIN || errno == EINTR ? nil : finish(.failed(reason: "Cannot send get request to"))
            }
            count = written
        }
        sent += count
        if sent == request.count {
            phase = .reading
            sessionWants = Int16(POLLIN)
            deadline = now.adding(timeout)
        }
        return nil
    }

    private func readPlain(now: Instant) -> ProbeResult? {
        var buffer = [UInt8](repeating: 0, count: response.readLimit)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            return errno == EAGAIN || errno == EINTR ? nil : finish(.failed(reason: "Read error with"))
        }
        if count == 0 {
            response.cleanEnd()
            return finish(.response(response.finish()))
        }
        response.append(buffer[0..<count])
        deadline = now.adding(timeout)
        return nil
    }

    /// keepalived's ssl_read_thread: any end of the stream other than "try again" ends the fetch
    /// with what arrived, except a clean close_notify before a whole header ("SSL read error from").
    private func readTLS(now: Instant) -> ProbeResult? {
        guard let session else { return nil }
        var buffer = [UInt8](repeating: 0, count: max(1, response.readLimit))
        var progress = session.read(into: &buffer)
        // Records OpenSSL already holds never wake poll: drain them now.
        while case .done(let count) = progress {
            response.append(buffer[0..<count])
            deadline = now.adding(timeout)
            buffer = [UInt8](repeating: 0, count: max(1, response.readLimit))
            progress = session.read(into: &buffer)
        }
        if waits(progress) { return nil }
        if session.receivedCloseNotify { response.cleanEnd() }
        let cleanClose = session.receivedCloseNotify && session.quietShutdown() != 0
        let result = response.finish()
        if cleanClose && !result.headerComplete { return finish(.failed(reason: "SSL read error from")) }
        return finish(.response(result))
    }

    private func finish(_ result: HTTPProbeResult) -> ProbeResult {
        cancel()
        done = .http(result)
        return .http(result)
    }

    func cancel() {
        session?.quietShutdown()
        session = nil
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// keepalived's request: `GET path HTTP/1.x`, its User-Agent, `Connection: close` for 1.0C and
    /// 1.1, and Host: the virtualhost, else the address and port (IPv6 in brackets).
    static func request(path: String, protocolVersion: HTTPCheck.ProtocolVersion, virtualhost: String?,
                        target: ProbeEndpoint) -> [UInt8] {
        let minor = protocolVersion == .http11 ? 1 : 0
        let close = protocolVersion == .http10 ? "" : "Connection: close\r\n"
        let host: String
        if let virtualhost {
            host = virtualhost
        } else if target.address.family == .inet6 {
            host = "[\(target.address)]:\(target.port)"
        } else {
            host = "\(target.address):\(target.port)"
        }
        return Array("GET \(path) HTTP/1.\(minor)\r\nUser-Agent: KeepAliveClient\r\n\(close)Host: \(host)\r\n\r\n".utf8)
    }
}
