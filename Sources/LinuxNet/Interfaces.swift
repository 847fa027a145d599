import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// What the data plane needs to know about an interface.
public struct InterfaceInfo: Sendable, Hashable {
    public var name: String
    public var index: UInt32
    public var hardwareAddress: [UInt8]
    /// Every IPv4 address, in the kernel's order.
    public var ipv4Addresses: [[UInt8]] = []
    /// Every link-local IPv6 address, in the kernel's order.
    public var linkLocalIPv6Addresses: [[UInt8]] = []
    public var isUp: Bool

    /// The first IPv4 address (keepalived's default advert source).
    public var primaryIPv4: [UInt8]? { ipv4Addresses.first }
    /// The first link-local IPv6 address.
    public var linkLocalIPv6: [UInt8]? { linkLocalIPv6Addresses.first }
}

public enum Interfaces {
    /// if_nametoindex(3), SIOCGIFHWADDR and getifaddrs(3) for one interface.
    public static func lookup(_ name: String) -> InterfaceInfo? {
        let index = if_nametoindex(name)
        guard index != 0 else { return nil }
        var info = InterfaceInfo(name: name, index: index, hardwareAddress: [], isUp: false)
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) == 0, let first = list {
            var cursor: UnsafeMutablePointer<ifaddrs>? = first
            while let entry = cursor {
                defer { cursor = entry.pointee.ifa_next }
                guard let ifaName = entry.pointee.ifa_name, String(cString: ifaName) == name else { continue }
                info.isUp = entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 && entry.pointee.ifa_flags & UInt32(IFF_RUNNING) != 0
                guard let address = entry.pointee.ifa_addr else { continue }
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        info.ipv4Addresses.append(withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        let bytes = withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) }
                        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { info.linkLocalIPv6Addresses.append(bytes) }
                    }
                case AF_PACKET:
                    address.withMemoryRebound(to: sockaddr_ll.self, capacity: 1) {
                        let length = Int($0.pointee.sll_halen)
                        info.hardwareAddress = withUnsafeBytes(of: $0.pointee.sll_addr) { Array($0.prefix(length)) }
                    }
                default:
                    break
                }
            }
            freeifaddrs(first)
        }
        return info
    }
}
