import CLinuxNet
import NetlinkCodec
#if canImport(Glibc)
import Glibc
#endif

/// A NETLINK_CONNECTOR socket subscribed to the kernel's process events (needs root).
///
/// The kernel sends process events only to the initial network namespace: in any other (a
/// container, `ip netns exec`, `-s`) the subscription is refused, which leaves keepalived 2.2.7's
/// track_process blind. This socket is then opened in the initial namespace (/proc/1/ns/net).
public final class ProcessEventSocket: @unchecked Sendable {
    public let descriptor: Int32

    public convenience init() throws(SystemCallError) {
        do {
            try self.init(subscribing: ())
        } catch where error.errno == ECONNREFUSED {
            try self.init(inInitialNamespace: ())
        }
    }

    private convenience init(inInitialNamespace: Void) throws(SystemCallError) {
        let descriptor = try NetworkNamespace.within("/proc/1/ns/net") { () throws(SystemCallError) -> Int32 in
            try Self.subscribedDescriptor()
        }
        self.init(descriptor: descriptor)
    }

    private convenience init(subscribing: Void) throws(SystemCallError) {
        self.init(descriptor: try Self.subscribedDescriptor())
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// socket, bind to the process-events group, PROC_CN_MCAST_LISTEN.
    private static func subscribedDescriptor() throws(SystemCallError) -> Int32 {
        let descriptor = try retrying("socket(NETLINK_CONNECTOR)") {
            socket(AF_NETLINK, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 11)
        }
        var address = sockaddr_nl()
        address.nl_family = sa_family_t(AF_NETLINK)
        address.nl_groups = ProcessEvent.channel
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_nl>.size)) }
        }
        let request = ProcessEvent.subscription()
        let sent = bound < 0 ? -1 : request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        if sent < 0 {
            let code = clinuxnet_errno()
            close(descriptor)
            throw SystemCallError(bound < 0 ? "bind(NETLINK_CONNECTOR)" : "send(PROC_CN_MCAST_LISTEN)", errno: code)
        }
        return descriptor
    }

    deinit { close(descriptor) }

    /// Every event waiting on the socket (non-blocking).
    public func receive() -> [ProcessEvent] {
        var events: [ProcessEvent] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            events += ProcessEvent.decode(Array(buffer.prefix(count)))
        }
        return events
    }
}
