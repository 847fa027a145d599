import CLinuxNet
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// One raw IPv6 socket for protocol 112 on one interface. The kernel computes and verifies the
/// checksum (IPV6_CHECKSUM); the hop limit and destination come back as ancillary data.
public final class VRRPSocketV6: @unchecked Sendable {
    public let descriptor: Int32
    public let interface: InterfaceInfo

    public static let multicastGroup: [UInt8] = [0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12]

    /// A received advert with what recvmsg told about it.
    public struct Received: Sendable {
        public var payload: [UInt8]
        public var source: [UInt8]
        public var destination: [UInt8]
        public var hopLimit: Int?
        public var isMulticast: Bool { destination.first == 0xff }
    }

    /// `group`: the multicast group joined (keepalived.conf: vrrp_mcast_group6).
    public init(interface: InterfaceInfo, joinMulticast: Bool = true, group: [UInt8] = VRRPSocketV6.multicastGroup) throws(SystemCallError) {
        self.interface = interface
        descriptor = try retrying("socket(AF_INET6, SOCK_RAW, 112)") {
            socket(AF_INET6, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), Int32(IPProtocolNumber.vrrp))
        }
        do {
            let level = Int32(IPPROTO_IPV6)
            try setSocketOption(descriptor, SOL_SOCKET, SO_BINDTODEVICE, Array(interface.name.utf8) + [0], "setsockopt(SO_BINDTODEVICE)")
            try setSocketOption(descriptor, level, IPV6_CHECKSUM, Int32(6), "setsockopt(IPV6_CHECKSUM)")
            try setSocketOption(descriptor, level, IPV6_MULTICAST_HOPS, Int32(255), "setsockopt(IPV6_MULTICAST_HOPS)")
            try setSocketOption(descriptor, level, IPV6_UNICAST_HOPS, Int32(255), "setsockopt(IPV6_UNICAST_HOPS)")
            try setSocketOption(descriptor, level, IPV6_MULTICAST_LOOP, Int32(0), "setsockopt(IPV6_MULTICAST_LOOP)")
            try setSocketOption(descriptor, level, IPV6_MULTICAST_IF, Int32(interface.index), "setsockopt(IPV6_MULTICAST_IF)")
            try setSocketOption(descriptor, level, IPV6_TCLASS, Int32(0xc0), "setsockopt(IPV6_TCLASS)")
            try setSocketOption(descriptor, level, IPV6_RECVHOPLIMIT, Int32(1), "setsockopt(IPV6_RECVHOPLIMIT)")
            try setSocketOption(descriptor, level, IPV6_RECVPKTINFO, Int32(1), "setsockopt(IPV6_RECVPKTINFO)")
            if joinMulticast {
                var request = ipv6_mreq()
                request.ipv6mr_interface = interface.index
                withUnsafeMutableBytes(of: &request.ipv6mr_multiaddr) { $0.copyBytes(from: group) }
                try setSocketOption(descriptor, level, IPV6_ADD_MEMBERSHIP, withUnsafeBytes(of: request) { Array($0) }, "setsockopt(IPV6_ADD_MEMBERSHIP)")
            }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    public func send(_ vrrp: [UInt8], source: [UInt8], destination: [UInt8] = VRRPSocketV6.multicastGroup) throws(SystemCallError) {
        try sendIPv6(descriptor, vrrp, source: source, destination: destination, interfaceIndex: interface.index, call: "sendmsg(VRRPv6)")
    }

    /// recvmsg(2) of one advert if one is waiting.
    public func receive() throws(SystemCallError) -> Received? {
        var buffer = [UInt8](repeating: 0, count: 2048)
        var control = [UInt8](repeating: 0, count: 256)
        var from = sockaddr_in6()
        var hopLimit: Int?
        var destination: [UInt8] = []
        let count: Int = buffer.withUnsafeMutableBytes { bufferRaw in
            control.withUnsafeMutableBytes { controlRaw in
                withUnsafeMutablePointer(to: &from) { fromPointer in
                    var vector = iovec(iov_base: bufferRaw.baseAddress, iov_len: bufferRaw.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(fromPointer)
                        message.msg_namelen = socklen_t(MemoryLayout<sockaddr_in6>.size)
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlRaw.baseAddress
                        message.msg_controllen = controlRaw.count
                        let n = recvmsg(descriptor, &message, 0)
                        guard n >= 0 else { return n }
                        var header = clinuxnet_cmsg_firsthdr(&message)
                        while let current = header {
                            if current.pointee.cmsg_level == Int32(IPPROTO_IPV6) {
                                guard let data = UnsafeRawPointer(clinuxnet_cmsg_data(current)) else { break }
                                if current.pointee.cmsg_type == Int32(IPV6_HOPLIMIT) {
                                    hopLimit = Int(data.loadUnaligned(as: Int32.self))
                                } else if current.pointee.cmsg_type == Int32(IPV6_PKTINFO) {
                                    destination = Array(UnsafeRawBufferPointer(start: data, count: 16))
                                }
                            }
                            header = clinuxnet_cmsg_nxthdr(&message, current)
                        }
                        return n
                    }
                }
            }
        }
        if count < 0 {
            let code = clinuxnet_errno()
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { return nil }
            throw SystemCallError("recvmsg(VRRPv6)", errno: code)
        }
        let source = withUnsafeBytes(of: from.sin6_addr) { Array($0) }
        return Received(payload: Array(buffer.prefix(count)), source: source, destination: destination, hopLimit: hopLimit)
    }
}
