import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// Gratuitous ARP requests on an AF_PACKET socket, laid out as keepalived sends them: broadcast
/// frame, ARP request, sender and target IP both the virtual address, target hardware all ones.
///
/// One send-only packet socket serves the whole process (as keepalived shares one): a socket per
/// instance would see every ARP frame of the host, and closing hundreds of them at stop costs the
/// kernel a grace period each (seconds at 500 instances).
public final class GratuitousARP: @unchecked Sendable {
    public let descriptor: Int32
    public let interface: InterfaceInfo

    /// socket(AF_PACKET, SOCK_RAW, 0): protocol 0 receives nothing; frames name their protocol in sendto.
    private static let shared: Result<Int32, SystemCallError> = Result { () throws(SystemCallError) -> Int32 in
        try retrying("socket(AF_PACKET)") { socket(AF_PACKET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
    }

    public init(interface: InterfaceInfo) throws(SystemCallError) {
        self.interface = interface
        descriptor = try Self.shared.get()
    }

    /// The Ethernet frame for one gratuitous ARP of `address`.
    public static func frame(for address: [UInt8], hardwareAddress mac: [UInt8]) -> [UInt8] {
        let broadcast: [UInt8] = Array(repeating: 0xff, count: 6)
        var frame = broadcast + mac + [0x08, 0x06]
        frame += [0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01]
        frame += mac + address + broadcast + address
        return frame
    }

    public func announce(_ address: [UInt8]) throws(SystemCallError) {
        let frame = GratuitousARP.frame(for: address, hardwareAddress: interface.hardwareAddress)
        var link = sockaddr_ll()
        link.sll_family = UInt16(AF_PACKET)
        link.sll_protocol = UInt16(ETH_P_ARP).bigEndian
        link.sll_ifindex = Int32(interface.index)
        link.sll_halen = 6
        withUnsafeMutableBytes(of: &link.sll_addr) { $0.copyBytes(from: [UInt8](repeating: 0xff, count: 8)) }
        try retrying("sendto(ARP)") {
            frame.withUnsafeBytes { raw in
                withUnsafePointer(to: &link) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(descriptor, raw.baseAddress, raw.count, 0, $0, socklen_t(MemoryLayout<sockaddr_ll>.size))
                    }
                }
            }
        }
    }
}
