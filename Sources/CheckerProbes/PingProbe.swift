/// PING_CHECK: one ICMP (or ICMPv6) echo request with keepalived's 128-byte filler, and its
/// reply within connect_timeout. keepalived uses an unprivileged ping socket (SOCK_DGRAM,
/// IPPROTO_ICMP); where net.ipv4.ping_group_range refuses one (as in a new network namespace),
/// a raw socket does the same job and only our own echo replies are looked at.
import CheckerCore
import Glibc
import VRRPCore

final class PingProbe: DatagramProbe {
    private var raw = false
    private let inet6: Bool
    private let identifier: UInt16
    private let target: ProbeEndpoint

    init(target: ProbeEndpoint, timeout: UInt64, now: Instant) {
        inet6 = target.address.family == .inet6
        self.target = target
        // Raw sockets of concurrent probes see each other's replies: each has its own identifier.
        identifier = UInt16.random(in: 0...UInt16.max)
        super.init(timeout: timeout, now: now)
        let family = inet6 ? AF_INET6 : AF_INET
        let proto = inet6 ? Int32(IPPROTO_ICMPV6) : Int32(IPPROTO_ICMP)
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        var socket = Glibc.socket(family, Int32(SOCK_DGRAM.rawValue) | flags, proto)
        if socket < 0 {
            socket = Glibc.socket(family, Int32(SOCK_RAW.rawValue) | flags, proto)
            raw = true
        }
        guard socket >= 0 else {
            finish(.ping(.failed))
            return
        }
        var size: Int32 = 128 * 1024
        _ = setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        // keepalived counts its sequence numbers up; any value does, so no counter is shared.
        let request = Self.echoRequest(inet6: inet6, identifier: identifier, sequence: UInt16.random(in: 0...UInt16.max),
                                       checksum: raw && !inet6)
        // Port 0: a raw IPv6 socket takes a port as the protocol number and refuses any other.
        if send(request, on: socket, to: ProbeEndpoint(address: target.address, port: 0)) != request.count {
            finish(.ping(.failed))
        }
    }

    override func received(revents: Int16, now: Instant) -> ProbeResult? {
        if revents == 0 && now < deadline { return nil }
        if revents == 0 { return finish(.timedOut) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        var from = sockaddr_in6()
        var fromLength = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let count = buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutablePointer(to: &from) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, bytes.baseAddress, bytes.count, 0, $0, &fromLength) }
            }
        }
        if count < 0 { return errno == EAGAIN || errno == EINTR ? nil : finish(.failed) }
        // A raw IPv4 socket hands over the IP header too.
        let start = raw && !inet6 && count > 0 ? Int(buffer[0] & 0x0f) * 4 : 0
        guard count - start >= 8 else { return finish(.failed) }
        let type = buffer[start]
        let reply: UInt8 = inet6 ? 129 : 0
        if raw {
            // A raw socket sees every ICMP packet: wait for our own echo reply from the target.
            let id = UInt16(buffer[start + 4]) << 8 | UInt16(buffer[start + 5])
            return type == reply && id == identifier && Self.sender(from) == target.address.bytes ? finish(.succeeded) : nil
        }
        return finish(type == reply ? .succeeded : .failed)
    }

    /// The address bytes of a sockaddr_in or sockaddr_in6.
    static func sender(_ address: sockaddr_in6) -> [UInt8] {
        var copy = address
        if Int32(address.sin6_family) == AF_INET {
            return withUnsafeBytes(of: &copy) { raw in Array(raw[4..<8]) }
        }
        return withUnsafeBytes(of: &copy.sin6_addr) { Array($0) }
    }

    private func finish(_ result: DatagramResult) -> ProbeResult { finish(.ping(result)) }

    /// Type 8 (ICMPv6: 128), code 0, identifier, sequence and keepalived's 128-byte filler. The
    /// kernel sets the identifier and checksum on ping sockets and the ICMPv6 checksum on raw
    /// ones; a raw IPv4 socket needs the checksum here (RFC 1071).
    static func echoRequest(inet6: Bool, identifier: UInt16, sequence: UInt16, checksum: Bool) -> [UInt8] {
        var bytes: [UInt8] = [inet6 ? 128 : 8, 0, 0, 0, UInt8(identifier >> 8), UInt8(identifier & 0xff),
                              UInt8(sequence >> 8), UInt8(sequence & 0xff)] + ProbeSocket.filler(128)
        if checksum {
            var sum: UInt32 = 0
            for index in stride(from: 0, to: bytes.count, by: 2) {
                sum += UInt32(bytes[index]) << 8 | UInt32(index + 1 < bytes.count ? bytes[index + 1] : 0)
            }
            while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
            let value = ~UInt16(sum)
            bytes[2] = UInt8(value >> 8)
            bytes[3] = UInt8(value & 0xff)
        }
        return bytes
    }
}
