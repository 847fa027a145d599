/// What UDP_CHECK, DNS_CHECK and PING_CHECK share: one socket that sent one datagram and then
/// waits to read until its deadline.
import CheckerCore
import Glibc
import VRRPCore

class DatagramProbe: Probe {
    private(set) var fd: Int32 = -1
    private var done: ProbeResult?
    let deadline: Instant

    init(timeout: UInt64, now: Instant) {
        deadline = now.adding(timeout)
    }

    /// send(2) (or sendto(2) to `destination`) of the whole datagram; the socket is kept to read
    /// from when it all went out, else closed. Returns what the call returned.
    func send(_ datagram: [UInt8], on socket: Int32, to destination: ProbeEndpoint? = nil) -> Int {
        let sent = datagram.withUnsafeBytes { bytes in
            guard let destination else { return Glibc.send(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
            return ProbeSocket.withAddress(destination) {
                sendto(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, $1)
            }
        }
        if sent == datagram.count {
            fd = socket
        } else {
            close(socket)
        }
        return sent
    }

    /// Ends the probe at once (nothing to poll), or after a read.
    @discardableResult
    func finish(_ result: ProbeResult) -> ProbeResult {
        cancel()
        done = result
        return result
    }

    var immediateResult: ProbeResult? { done }

    var wants: (fd: Int32, events: Int16)? { fd >= 0 ? (fd, Int16(POLLIN)) : nil }

    /// Each kind reads its reply; called only while the probe has no result.
    func received(revents: Int16, now: Instant) -> ProbeResult? { nil }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        return received(revents: revents, now: now)
    }

    func cancel() {
        if fd >= 0 { close(fd) }
        fd = -1
    }
}
