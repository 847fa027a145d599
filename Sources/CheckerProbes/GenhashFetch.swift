/// genhash (`keepalived -T`, or keepalived run as `genhash`): one HTTP_GET or SSL_GET fetch, run to
/// its end on the calling thread, giving the MD5 of the body as keepalived prints it.
import CheckerCore
import Glibc
import KeepalivedConfig
import LinuxNet
import Notification
import VRRPCore

public enum GenhashFetch {
    /// What to fetch (genhash's -s, -p, -u, -V, -S, -I, -m, -P, -t).
    public struct Request: Sendable {
        public var target: ProbeEndpoint
        public var path: String
        public var virtualhost: String?
        public var useTLS = false
        /// -I: send the virtualhost as SNI.
        public var sni = false
        public var fwmark: UInt32?
        public var protocolVersion = HTTPCheck.ProtocolVersion.http10
        /// -t in µs; keepalived's default is UINT_MAX µs (about 71 minutes).
        public var timeout: UInt64 = UInt64(UInt32.max)

        public init(target: ProbeEndpoint, path: String) {
            self.target = target
            self.path = path
        }
    }

    /// How the fetch ended.
    public enum Outcome: Sendable, Equatable {
        /// A header arrived: the MD5 of the body (whatever the status).
        case digest([UInt8])
        /// Nothing that ends a header arrived before the server closed.
        case noData
        /// keepalived's reason ("Connection failed", "Timeout connecting", ...).
        case failed(String)
    }

    /// The TLS context genhash -S uses: keepalived's SSL_GET context without an `SSL { }` block.
    public static func tlsContext() -> TLSContext? {
        try? TLSContext.checker(certificateChain: nil, key: nil, password: nil, caFile: nil).get()
    }

    /// Runs the fetch; `tls` must be given for `useTLS`. `verbose` gets genhash -v's text as the
    /// response arrives.
    public static func run(_ request: Request, tls: TLSContext?, verbose: (@Sendable (String) -> Void)? = nil) -> Outcome {
        let bytes = HTTPGetProbe.request(path: request.path, protocolVersion: request.protocolVersion,
                                         virtualhost: request.virtualhost, target: request.target)
        var reader = HTTPResponseReader()
        reader.wantDigest = true
        reader.trace = verbose.map { GenhashTrace(write: $0) }
        let session = request.useTLS ? tls.map { HTTPGetProbe.TLS(context: $0, serverName: request.sni ? request.virtualhost : nil) } : nil
        if request.useTLS && session == nil { return .failed(HTTPGetProbe.handshakeError) }
        let probe = HTTPGetProbe(target: request.target, source: nil, fwmark: request.fwmark, request: bytes, response: reader,
                                 tls: session, timeout: request.timeout, now: MonotonicClock.now())
        var result = probe.immediateResult
        while result == nil {
            let now = MonotonicClock.now()
            let wait = probe.deadline <= now ? 0 : Int32(min((probe.deadline.microseconds - now.microseconds + 999) / 1000, 1000))
            var revents: Int16 = 0
            if let wants = probe.wants {
                var descriptor = pollfd(fd: wants.fd, events: wants.events, revents: 0)
                _ = poll(&descriptor, 1, wait)
                revents = descriptor.revents
            } else {
                _ = poll(nil, 0, wait)
            }
            let after = MonotonicClock.now()
            if revents != 0 || probe.deadline <= after { result = probe.advance(revents: revents, now: after) }
        }
        switch result {
        case .http(.response(let response))?:
            guard response.headerComplete else { return .noData }
            return .digest(response.bodyDigest ?? [])
        case .http(.failed(let reason))?: return .failed(reason)
        default: return .failed("Connection failed")
        }
    }
}
