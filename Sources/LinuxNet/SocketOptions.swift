import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// setsockopt(2) with a byte value, the error naming the option.
func setSocketOption(_ descriptor: Int32, _ level: Int32, _ name: Int32, _ value: [UInt8], _ call: String) throws(SystemCallError) {
    try retrying(call) { value.withUnsafeBytes { setsockopt(descriptor, level, name, $0.baseAddress, socklen_t($0.count)) } }
}

func setSocketOption(_ descriptor: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ call: String) throws(SystemCallError) {
    try setSocketOption(descriptor, level, name, withUnsafeBytes(of: value) { Array($0) }, call)
}

/// sendmsg(2) to an IPv6 destination with IPV6_PKTINFO choosing the source address and interface.
func sendIPv6(_ descriptor: Int32, _ payload: [UInt8], source: [UInt8], destination: [UInt8], interfaceIndex: UInt32, call: String) throws(SystemCallError) {
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_scope_id = interfaceIndex
    withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: destination) }
    var info = clinuxnet_in6_pktinfo()
    info.ipi6_ifindex = interfaceIndex
    withUnsafeMutableBytes(of: &info.ipi6_addr) { $0.copyBytes(from: source) }
    let controlLength = clinuxnet_cmsg_space(MemoryLayout<clinuxnet_in6_pktinfo>.size)
    var control = [UInt8](repeating: 0, count: controlLength)
    var payload = payload
    try retrying(call) {
        payload.withUnsafeMutableBytes { payloadRaw in
            control.withUnsafeMutableBytes { controlRaw in
                withUnsafeMutablePointer(to: &address) { addressPointer in
                    var vector = iovec(iov_base: payloadRaw.baseAddress, iov_len: payloadRaw.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(addressPointer)
                        message.msg_namelen = socklen_t(MemoryLayout<sockaddr_in6>.size)
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlRaw.baseAddress
                        message.msg_controllen = controlRaw.count
                        if let header = clinuxnet_cmsg_firsthdr(&message) {
                            header.pointee.cmsg_level = Int32(IPPROTO_IPV6)
                            header.pointee.cmsg_type = Int32(IPV6_PKTINFO)
                            header.pointee.cmsg_len = clinuxnet_cmsg_len(MemoryLayout<clinuxnet_in6_pktinfo>.size)
                            withUnsafeBytes(of: info) { UnsafeMutableRawPointer(clinuxnet_cmsg_data(header)).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                        }
                        return sendmsg(descriptor, &message, 0)
                    }
                }
            }
        }
    }
}
