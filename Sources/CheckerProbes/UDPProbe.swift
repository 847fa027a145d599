/// UDP_CHECK: one datagram (the payload, else keepalived's filler) to the server, then wait
/// connect_timeout: an ICMP destination unreachable fails it; silence passes unless a reply is
/// required; a required reply must match require_reply's bytes (keepalived's udp_check_thread).
import CheckerCore
import Glibc
import KeepalivedConfig
import VRRPCore

final class UDPProbe: DatagramProbe {
    private let check: UDPCheck

    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, check: UDPCheck, timeout: UInt64, now: Instant) {
        self.check = check
        super.init(timeout: timeout, now: now)
        guard case .connected(let socket) = ProbeSocket.connect(to: target, from: source, fwmark: fwmark, datagram: true) else {
            finish(.udp(.failed))
            return
        }
        // keepalived's udp_bind_connect: 32 bytes of filler when no payload is configured.
        let payload = check.payload ?? ProbeSocket.filler(32)
        if send(payload, on: socket) != payload.count { finish(.udp(.failed)) }
    }

    override func received(revents: Int16, now: Instant) -> ProbeResult? {
        if revents == 0 && now < deadline { return nil }
        // keepalived's udp_socket_state: silence is success unless a reply is required.
        if revents == 0 { return finish(.udp(check.requireReply ? .failed : .succeeded)) }
        if revents & Int16(POLLERR) != 0 {
            return finish(.udp(ProbeSocket.destinationUnreachable(fd) ? .failed : .succeeded))
        }
        var buffer = [UInt8](repeating: 0, count: Int(check.maxReplyLength) + 1)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, check.requireReply ? $0.count : 1, 0) }
        if count < 0 { return finish(.udp(.failed)) }
        return finish(.udp(Self.matches(Array(buffer[0..<count]), check) ? .succeeded : .replyMismatch))
    }

    /// keepalived's check_udp_reply: only with require_reply HEX, the length within
    /// min/max_reply_length and the first bytes equal where the mask has no bits set.
    static func matches(_ reply: [UInt8], _ check: UDPCheck) -> Bool {
        guard let data = check.replyData else { return true }
        guard reply.count >= Int(check.minReplyLength), reply.count <= Int(check.maxReplyLength) else { return false }
        for index in 0..<min(reply.count, data.count) {
            let mask = check.replyMask.map { ~$0[index] } ?? 0xff
            if (reply[index] ^ data[index]) & mask != 0 { return false }
        }
        return true
    }
}
