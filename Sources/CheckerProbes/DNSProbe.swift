/// DNS_CHECK: one query over UDP with a random id and recursion desired; replies with another
/// id or without the QR bit are skipped, a non-zero rcode fails, any other reply passes
/// (keepalived's dns_make_query and dns_recv_thread; the answer count is not looked at). The whole
/// exchange has connect_timeout.
import CheckerCore
import Glibc
import KeepalivedConfig
import VRRPCore

final class DNSProbe: DatagramProbe {
    private let id: UInt16

    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, check: DNSCheck, timeout: UInt64, now: Instant) {
        id = UInt16.random(in: 0...UInt16.max)
        super.init(timeout: timeout, now: now)
        guard case .connected(let socket) = ProbeSocket.connect(to: target, from: source, fwmark: fwmark, datagram: true) else {
            finish(.dns(.failed("network unreachable for \(ProbeSocket.pair(target))")))
            return
        }
        let query = Self.query(id: id, name: check.name, type: check.type.code)
        let sent = send(query, on: socket)
        if sent != query.count {
            finish(.dns(.failed(sent < 0 ? "failed to write socket." : "failed to write all of the datagram.")))
        }
    }

    override func received(revents: Int16, now: Instant) -> ProbeResult? {
        if revents == 0 {
            return now < deadline ? nil : finish(.failed("read timeout from socket"))
        }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            let code = errno
            if code == EAGAIN || code == EINTR { return nil }
            return finish(.failed("failed to read socket; errno \(code) (\(String(cString: strerror(code))))"))
        }
        // Too short, another id, or a query: keep waiting (keepalived's dns_recv_thread).
        guard count >= 12 else { return nil }
        let replyID = UInt16(buffer[0]) << 8 | UInt16(buffer[1])
        let flags = UInt16(buffer[2]) << 8 | UInt16(buffer[3])
        guard replyID == id, flags & 0x8000 != 0 else { return nil }
        let rcode = flags & 0x000f
        return finish(rcode == 0 ? .succeeded : .failed("read error occurred. (rcode = \(rcode))"))
    }

    private func finish(_ result: DialogueResult) -> ProbeResult { finish(.dns(result)) }

    /// keepalived's dns_make_query: header (id, RD, one question), the name's labels, the
    /// terminating zero (none after a lone "."), the type and class IN.
    static func query(id: UInt16, name: String, type: UInt16) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xff), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        var rest = Substring(name)
        while !rest.isEmpty {
            let label = rest.prefix { $0 != "." }
            bytes.append(UInt8(truncatingIfNeeded: label.utf8.count))
            bytes += label.utf8
            rest = rest.dropFirst(label.count)
            if rest.first == "." { rest = rest.dropFirst() }
        }
        if name != "." { bytes.append(0) }
        bytes += [UInt8(type >> 8), UInt8(type & 0xff), 0, 1]
        return bytes
    }
}
