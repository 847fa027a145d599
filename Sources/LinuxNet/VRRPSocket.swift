import CLinuxNet
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// One raw IPv4 socket for protocol 112 (or 51 for auth_type AH) on one interface: keepalived
/// builds the IP header itself (IP_HDRINCL) and receives whole datagrams, so the TTL can be checked.
public final class VRRPSocketV4: @unchecked Sendable {
    public let descriptor: Int32
    public let interface: InterfaceInfo
    /// IP protocol the socket carries: 112, or 51 when adverts travel inside an AH header.
    public let ipProtocol: UInt8
    private var identification: UInt16 = 0

    public static let multicastGroup: [UInt8] = [224, 0, 0, 18]

    /// socket(AF_INET, SOCK_RAW, 112 or 51) bound to the device, joined to 224.0.0.18 on it, with
    /// multicast loop off and TTL 255.
    /// `group`: the multicast group joined (keepalived.conf: vrrp_mcast_group4).
    public init(
        interface: InterfaceInfo, joinMulticast: Bool = true, group: [UInt8] = VRRPSocketV4.multicastGroup,
        ipProtocol: UInt8 = IPProtocolNumber.vrrp
    ) throws(SystemCallError) {
        self.interface = interface
        self.ipProtocol = ipProtocol
        descriptor = try retrying("socket(AF_INET, SOCK_RAW, \(ipProtocol))") {
            socket(AF_INET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), Int32(ipProtocol))
        }
        do {
            try setOption(SOL_SOCKET, SO_BINDTODEVICE, Array(interface.name.utf8) + [0], "setsockopt(SO_BINDTODEVICE)")
            try setInt(Int32(IPPROTO_IP), IP_HDRINCL, 1, "setsockopt(IP_HDRINCL)")
            try setInt(Int32(IPPROTO_IP), IP_MULTICAST_LOOP, 0, "setsockopt(IP_MULTICAST_LOOP)")
            try setInt(Int32(IPPROTO_IP), IP_MULTICAST_TTL, 255, "setsockopt(IP_MULTICAST_TTL)")
            var request = ip_mreqn()
            request.imr_ifindex = Int32(interface.index)
            withUnsafeMutableBytes(of: &request.imr_multiaddr) { $0.copyBytes(from: group) }
            if let source = interface.primaryIPv4 {
                withUnsafeMutableBytes(of: &request.imr_address) { $0.copyBytes(from: source) }
            }
            try setOption(Int32(IPPROTO_IP), IP_MULTICAST_IF, withUnsafeBytes(of: request) { Array($0) }, "setsockopt(IP_MULTICAST_IF)")
            if joinMulticast {
                try setOption(Int32(IPPROTO_IP), IP_ADD_MEMBERSHIP, withUnsafeBytes(of: request) { Array($0) }, "setsockopt(IP_ADD_MEMBERSHIP)")
            }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    private func setInt(_ level: Int32, _ name: Int32, _ value: Int32, _ call: String) throws(SystemCallError) {
        try setOption(level, name, withUnsafeBytes(of: value) { Array($0) }, call)
    }

    private func setOption(_ level: Int32, _ name: Int32, _ value: [UInt8], _ call: String) throws(SystemCallError) {
        try retrying(call) { value.withUnsafeBytes { setsockopt(descriptor, level, name, $0.baseAddress, socklen_t($0.count)) } }
    }

    /// The IPv4 header keepalived writes: TOS 0xC0 (network control), its own id counter that
    /// skips 0 (so the kernel keeps it), TTL 255, the socket's protocol; the kernel fills in the
    /// header checksum.
    func ipHeader(payloadLength: Int, source: [UInt8], destination: [UInt8], ttl: UInt8) -> [UInt8] {
        identification &+= 1
        if identification == 0 { identification = 1 }
        let total = 20 + payloadLength
        return [0x45, 0xc0, UInt8(total >> 8), UInt8(total & 0xff), UInt8(identification >> 8), UInt8(identification & 0xff), 0, 0,
                ttl, ipProtocol, 0, 0] + source + destination
    }

    /// Sends one advertisement (the VRRP part already encoded with its checksum). With `ah`, the
    /// advert goes inside that AH header, its ICV computed over the header built here under `key`.
    public func send(
        _ vrrp: [UInt8], source: [UInt8], destination: [UInt8] = VRRPSocketV4.multicastGroup, ttl: UInt8 = 255,
        ah: (header: IPsecAH, key: [UInt8])? = nil
    ) throws(SystemCallError) {
        let multicast = destination[0] >> 4 == 0xe
        var packet = ipHeader(payloadLength: vrrp.count + (ah == nil ? 0 : IPsecAH.length), source: source, destination: destination, ttl: ttl)
        if let ah {
            packet += ah.header.sealing(vrrp, ipHeader: packet, key: ah.key, unicast: !multicast)
        } else {
            packet += vrrp
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: destination) }
        try retrying("sendto(VRRP)") {
            packet.withUnsafeBytes { raw in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(descriptor, raw.baseAddress, raw.count, multicast ? Int32(MSG_DONTROUTE) : 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
        }
    }

    /// Reads one datagram if one is waiting (IP header included); nil when none is.
    public func receive() throws(SystemCallError) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 2048)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            let code = clinuxnet_errno()
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { return nil }
            throw SystemCallError("recv(VRRP)", errno: code)
        }
        return Array(buffer.prefix(count))
    }
}
