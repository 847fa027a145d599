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

    /// socket(2) with SOCK_NONBLOCK, optional bind(2) (bindto/bind_port), then connect(2). A
    /// datagram socket (UDP_CHECK, DNS_CHECK) asks for ICMP errors first (IP_RECVERR), as keepalived's
    /// udp_bind_connect does, so a port unreachable reaches it.
    static func connect(to target: ProbeEndpoint, from source: ProbeEndpoint?, fwmark: UInt32?, datagram: Bool = false) -> Start {
        let family = target.address.family == .inet ? AF_INET : AF_INET6
        let type = datagram ? SOCK_DGRAM : SOCK_STREAM
        let fd = socket(family, Int32(type.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failed }
        if datagram {
            var on: Int32 = 1
            let (level, option) = family == AF_INET ? (Int32(SOL_IP), Int32(IP_RECVERR)) : (Int32(SOL_IPV6), Int32(IPV6_RECVERR))
            _ = setsockopt(fd, level, option, &on, socklen_t(MemoryLayout<Int32>.size))
        }
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

    /// keepalived's set_buf: "keepalived check - " repeated to fill a datagram no payload was given for.
    static func filler(_ count: Int) -> [UInt8] {
        let text = Array("keepalived check - ".utf8)
        return (0..<count).map { text[$0 % text.count] }
    }

    /// keepalived's inet_sockaddrtopair: `[address]:port`.
    static func pair(_ endpoint: ProbeEndpoint) -> String { "[\(endpoint.address)]:\(endpoint.port)" }

    /// recvmsg(2) with MSG_ERRQUEUE: whether the queued error is an ICMP (or ICMPv6) destination
    /// unreachable, as keepalived's udp_socket_error reads it (struct sock_extended_err: errno,
    /// then origin, type, code).
    static func destinationUnreachable(_ fd: Int32) -> Bool {
        var data = [UInt8](repeating: 0, count: 64)
        var control = [UInt8](repeating: 0, count: 512)
        var name = sockaddr_in6()
        return data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                withUnsafeMutablePointer(to: &name) { namePointer in
                    var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(namePointer)
                        message.msg_namelen = socklen_t(MemoryLayout<sockaddr_in6>.size)
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlBytes.baseAddress
                        message.msg_controllen = controlBytes.count
                        guard recvmsg(fd, &message, Int32(MSG_ERRQUEUE)) >= 0 else { return false }
                        let header = MemoryLayout<cmsghdr>.size
                        var offset = 0
                        while offset + header <= message.msg_controllen {
                            let cmsg = controlBytes.load(fromByteOffset: offset, as: cmsghdr.self)
                            guard cmsg.cmsg_len >= header else { break }
                            let origin = controlBytes[offset + header + 4], type = controlBytes[offset + header + 5]
                            // SO_EE_ORIGIN_ICMP with ICMP_DEST_UNREACH, SO_EE_ORIGIN_ICMP6 with ICMPV6_DEST_UNREACH.
                            if cmsg.cmsg_level == SOL_IP && cmsg.cmsg_type == IP_RECVERR && origin == 2 && type == 3 { return true }
                            if cmsg.cmsg_level == SOL_IPV6 && cmsg.cmsg_type == IPV6_RECVERR && origin == 3 && type == 1 { return true }
                            offset += (cmsg.cmsg_len + 7) & ~7
                        }
                        return false
                    }
                }
            }
        }
    }

    /// How a connect in progress ended, as keepalived's socket_state sorts getsockopt(SO_ERROR).
    enum Connected { case connected, timedOut, failed, error }

    /// getsockopt(SO_ERROR) once the socket is writable: 0 is connected, ETIMEDOUT timed out,
    /// any other error failed (keepalived's connect_fail); getsockopt itself failing is an error.
    static func connectState(_ fd: Int32) -> Connected {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return .error }
        switch error {
        case 0: return .connected
        case ETIMEDOUT: return .timedOut
        default: return .failed
        }
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
