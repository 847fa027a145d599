/// HTTP_GET: connect, send keepalived's request, read until the server closes, and report the
/// status, Content-Length and the body's MD5. Each step has connect_timeout, as in keepalived.
import CheckerCore
import Glibc
import KeepalivedConfig
import VRRPCore

final class HTTPGetProbe: Probe {
    private enum Phase { case connecting, sending, reading }
    private var phase = Phase.connecting
    private var fd: Int32 = -1
    private var done: ProbeResult?
    private let timeout: UInt64
    private(set) var deadline: Instant
    private var request: [UInt8]
    private var sent = 0
    private var response = HTTPResponseReader()

    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, request: [UInt8], wantDigest: Bool,
         timeout: UInt64, now: Instant) {
        self.timeout = timeout
        self.request = request
        deadline = now.adding(timeout)
        response.wantDigest = wantDigest
        switch ProbeSocket.connect(to: target, from: source, fwmark: fwmark) {
        case .inProgress(let socket): fd = socket
        case .connected(let socket):
            fd = socket
            phase = .sending
        case .failed: done = .http(.failed(reason: "HTTP_CHECK - network unreachable"))
        }
    }

    var immediateResult: ProbeResult? { done }

    var wants: (fd: Int32, events: Int16)? {
        guard fd >= 0 else { return nil }
        return (fd, Int16(phase == .reading ? POLLIN : POLLOUT))
    }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        if revents == 0 {
            guard now >= deadline else { return nil }
            switch phase {
            case .connecting: return finish(.failed(reason: "Timeout connecting"))
            case .sending: return finish(.failed(reason: "Timeout WEB write"))
            case .reading: return finish(.failed(reason: response.received ? "Timeout HTTP read" : "Timeout WEB read"))
            }
        }
        switch phase {
        case .connecting:
            switch ProbeSocket.connectState(fd) {
            case .connected: break
            case .timedOut: return finish(.failed(reason: "Timeout connecting"))
            case .failed: return finish(.failed(reason: "Connection failed"))
            case .error: return finish(.failed(reason: "Error connecting"))
            }
            phase = .sending
            deadline = now.adding(timeout)
            return nil
        case .sending:
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                return errno == EAGAIN || errno == EINTR ? nil : finish(.failed(reason: "Cannot send get request to"))
            }
            sent += count
            if sent == request.count {
                phase = .reading
                deadline = now.adding(timeout)
            }
            return nil
        case .reading:
            var buffer = [UInt8](repeating: 0, count: 16_384)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                return errno == EAGAIN || errno == EINTR ? nil : finish(.failed(reason: "Read error with"))
            }
            if count == 0 { return finish(.response(response.finish())) }
            response.append(buffer[0..<count])
            deadline = now.adding(timeout)
            return nil
        }
    }

    private func finish(_ result: HTTPProbeResult) -> ProbeResult {
        cancel()
        done = .http(result)
        return .http(result)
    }

    func cancel() {
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
