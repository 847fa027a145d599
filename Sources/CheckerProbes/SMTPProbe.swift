/// SMTP_CHECK: connect, read the 220 greeting, send HELO, read its 250, send QUIT and read any
/// line back (keepalived's smtp_engine_thread). Every step has connect_timeout; each failure
/// carries keepalived's phrase with the server as `[address]:port`.
///
///     connecting ─► banner ─► sendHelo ─► heloReply ─► sendQuit ─► quitReply ─► succeeded
import CheckerCore
import Glibc
import VRRPCore

final class SMTPProbe: Probe {
    private enum Phase { case connecting, banner, sendHelo, heloReply, sendQuit, quitReply }
    private var phase = Phase.connecting
    private var fd: Int32 = -1
    private var done: ProbeResult?
    private let timeout: UInt64
    private let server: String
    private let helo: [UInt8]
    private var outgoing: [UInt8] = []
    private var line: [UInt8] = []
    private(set) var deadline: Instant

    /// `realServer` is the real server's address and port, which keepalived names when the
    /// connect fails at once.
    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, heloName: String, realServer: ProbeEndpoint,
         timeout: UInt64, now: Instant) {
        self.timeout = timeout
        server = ProbeSocket.pair(target)
        helo = Array("HELO \(heloName)\r\n".utf8)
        deadline = now.adding(timeout)
        switch ProbeSocket.connect(to: target, from: source, fwmark: fwmark) {
        case .inProgress(let socket): fd = socket
        case .connected(let socket):
            fd = socket
            phase = .banner
        case .failed:
            done = .smtp(.failed("Network unreachable for server \(target.address) - real server \(ProbeSocket.pair(realServer))"))
        }
    }

    var immediateResult: ProbeResult? { done }

    var wants: (fd: Int32, events: Int16)? {
        guard fd >= 0 else { return nil }
        switch phase {
        case .connecting, .sendHelo, .sendQuit: return (fd, Int16(POLLOUT))
        case .banner, .heloReply, .quitReply: return (fd, Int16(POLLIN))
        }
    }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        if revents == 0 {
            guard now >= deadline else { return nil }
            switch phase {
            case .connecting: return finish("Connection timeout to server \(server)")
            case .sendHelo, .sendQuit: return finish("Write timeout to server \(server)")
            case .banner, .heloReply, .quitReply: return finish("Read timeout from server \(server)")
            }
        }
        switch phase {
        case .connecting:
            switch ProbeSocket.connectState(fd) {
            case .connected: break
            case .timedOut: return finish("Connection timeout to server \(server)")
            case .failed: return finish("Could not connect to server \(server)")
            case .error: return finish("Error connecting to server \(server)")
            }
            phase = .banner
        case .sendHelo, .sendQuit:
            let count = outgoing.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { return nil }
            guard count > 0 else { return finish("Write failure to server \(server)") }
            // keepalived writes each line once and moves on, whatever part of it went out.
            phase = phase == .sendHelo ? .heloReply : .quitReply
            line = []
        case .banner, .heloReply, .quitReply:
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { return nil }
            guard count > 0 else { return finish("Read failure from server \(server)") }
            line += buffer[0..<count]
            guard let newline = line.firstIndex(of: 0x0a) else {
                // keepalived's SMTP_BUFF_MAX: a line that long without its end starts over.
                if line.count >= 511 { line.removeAll() }
                deadline = now.adding(timeout)
                return nil
            }
            return lineReceived(Array(line[..<newline]), now: now)
        }
        deadline = now.adding(timeout)
        return nil
    }

    /// keepalived's smtp_engine_thread for one line read.
    private func lineReceived(_ text: [UInt8], now: Instant) -> ProbeResult? {
        switch phase {
        case .banner:
            guard Self.status(text) == 220 else { return finish("Bad greeting banner from server \(server)") }
            outgoing = helo
            phase = .sendHelo
        case .heloReply:
            guard Self.status(text) == 250 else { return finish("Bad HELO response from server \(server)") }
            outgoing = Array("QUIT\r\n".utf8)
            phase = .sendQuit
        default:
            cancel()
            done = .smtp(.succeeded)
            return done
        }
        deadline = now.adding(timeout)
        return nil
    }

    /// keepalived's smtp_get_status: exactly three digits, then the end of the line or a space
    /// (a continuation line "250-..." is not a status).
    static func status(_ line: [UInt8]) -> Int? {
        let digits = line.prefix { (0x30...0x39).contains($0) }
        guard digits.count == 3, line.count == 3 || line[3] == 0x20 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    private func finish(_ reason: String) -> ProbeResult {
        cancel()
        done = .smtp(.failed(reason))
        return .smtp(.failed(reason))
    }

    func cancel() {
        if fd >= 0 { close(fd) }
        fd = -1
    }
}
