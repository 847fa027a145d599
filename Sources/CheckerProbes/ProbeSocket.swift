/// Non-blocking TCP sockets for probes: socket(2), bind(2), connect(2) and SO_ERROR, wrapped once.
import Glibc
import NetworkTypes

/// Where a probe connects, and from where.
public struct ProbeEndpoint: Hashable, Sendable {
    public var address: IPAddress
    public var port: UInt16
    public init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }
}

enum ProbeSocket {
    /// How a non-blocking connect(2) began.
    enum Start { case inProgress(Int32), connected(Int32), failed }

    /// socket(2) with SOCK_NONBLOCK, optional bind(2) (bindto/bind_port), then connect(2).
    static func connect(to target: ProbeEndpoint, from source: ProbeEndpoint?, fwmark: UInt32?) -> Start {
        let family = target.address.family == .inet ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failed }
        if var mark = fwmark {
            _ = setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, socklen_t(MemoryLayout<UInt32>.size))
        }
        if let source, withAddress(source, { bind(fd, $0, $1) }) != 0 {
            close(fd)
            return .failed
        }
        var result: Int32
        repeat { result = withAddress(target) { Glibc.connect(fd, $0, $1) } } while result != 0 && errno == EINTR
        if result == 0 { return .connected(fd) }
        if errno == EINPROGRESS { return .inProgress(fd) }
        close(fd)
        return .failed
    }

    /// getsockopt(SO_ERROR): 0 once the connect completed.
    static func pendingError(_ fd: Int32) -> Int32 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return errno }
        return error
    }

    static func withAddress<R>(_ endpoint: ProbeEndpoint, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        let bytes = endpoint.address.bytes
        if endpoint.address.family == .inet {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = endpoint.port.bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: bytes) }
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = endpoint.port.bigEndian
        withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }
}
