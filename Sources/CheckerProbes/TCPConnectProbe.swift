/// TCP_CHECK: a non-blocking connect that must complete within connect_timeout.
import CheckerCore
import Glibc
import VRRPCore

final class TCPConnectProbe: Probe {
    private var fd: Int32 = -1
    private var done: ProbeResult?
    let deadline: Instant

    init(target: ProbeEndpoint, source: ProbeEndpoint?, fwmark: UInt32?, timeout: UInt64, now: Instant) {
        deadline = now.adding(timeout)
        switch ProbeSocket.connect(to: target, from: source, fwmark: fwmark) {
        case .inProgress(let socket): fd = socket
        case .connected(let socket):
            close(socket)
            done = .tcp(.connected)
        case .failed: done = .tcp(.failed)
        }
    }

    /// A connect that ended at once (refused on loopback, a bind failure) needs no polling.
    var immediateResult: ProbeResult? { done }

    var wants: (fd: Int32, events: Int16)? { fd >= 0 ? (fd, Int16(POLLOUT)) : nil }

    func advance(revents: Int16, now: Instant) -> ProbeResult? {
        if let done { return done }
        if revents == 0 && now < deadline { return nil }
        defer { cancel() }
        if revents == 0 { return .tcp(.timedOut) }
        switch ProbeSocket.connectState(fd) {
        case .connected: return .tcp(.connected)
        case .timedOut: return .tcp(.timedOut)
        case .failed, .error: return .tcp(.failed)
        }
    }

    func cancel() {
        if fd >= 0 { close(fd) }
        fd = -1
    }
}
