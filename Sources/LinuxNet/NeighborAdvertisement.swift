import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// Unsolicited neighbour advertisements (RFC 4861 §7.2.6) for IPv6 virtual addresses, as keepalived
/// sends them: from the address itself to ff02::1, hop limit 255, Override set, with the target
/// link-layer address option.
public final class NeighborAdvertisement: @unchecked Sendable {
    public let descriptor: Int32
    public let interface: InterfaceInfo

    static let allNodes: [UInt8] = [0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]

    /// socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6): the kernel fills in the ICMPv6 checksum.
    public init(interface: InterfaceInfo) throws(SystemCallError) {
        self.interface = interface
        descriptor = try retrying("socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)") {
            socket(AF_INET6, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Int32(IPPROTO_ICMPV6))
        }
        do {
            try setSocketOption(descriptor, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, Int32(255), "setsockopt(IPV6_MULTICAST_HOPS)")
            try setSocketOption(descriptor, SOL_SOCKET, SO_BINDTODEVICE, Array(interface.name.utf8) + [0], "setsockopt(SO_BINDTODEVICE)")
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The ICMPv6 message (checksum left to the kernel).
    public static func message(for target: [UInt8], hardwareAddress: [UInt8], router: Bool) -> [UInt8] {
        let flags: UInt8 = (router ? 0x80 : 0) | 0x20
        return [136, 0, 0, 0, flags, 0, 0, 0] + target + [2, 1] + hardwareAddress
    }

    public func announce(_ address: [UInt8], router: Bool = false) throws(SystemCallError) {
        let message = NeighborAdvertisement.message(for: address, hardwareAddress: interface.hardwareAddress, router: router)
        try sendIPv6(descriptor, message, source: address, destination: NeighborAdvertisement.allNodes, interfaceIndex: interface.index, call: "sendmsg(NA)")
    }
}
