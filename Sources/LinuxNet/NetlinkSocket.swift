import CLinuxNet
import NetlinkCodec
#if canImport(Glibc)
import Glibc
#endif

/// A netlink socket (NETLINK_ROUTE unless told otherwise) for requests that want an acknowledgement
/// (addresses, links, IPVS), dumps, and notifications.
public final class NetlinkSocket: @unchecked Sendable {
    public let descriptor: Int32
    private var sequence: UInt32 = 1
    /// One receive buffer for the socket's life (a datagram is at most this big).
    private var buffer = [UInt8](repeating: 0, count: 65536)

    /// socket(AF_NETLINK, SOCK_RAW, `netlinkProtocol`), bound to `groups` for notifications.
    public init(netlinkProtocol: Int32 = NETLINK_ROUTE, groups: UInt32 = 0) throws(SystemCallError) {
        descriptor = try retrying("socket(AF_NETLINK)") { socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), netlinkProtocol) }
        var address = sockaddr_nl()
        address.nl_family = sa_family_t(AF_NETLINK)
        address.nl_groups = groups
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_nl>.size)) }
        }
        if result < 0 {
            let code = clinuxnet_errno()
            close(descriptor)
            throw SystemCallError("bind(AF_NETLINK)", errno: code)
        }
    }

    deinit { close(descriptor) }

    /// Joins a notification group after binding (NETLINK_ADD_MEMBERSHIP; `group` is the RTNLGRP_*
    /// number, not a bit mask).
    public func join(group: UInt32) throws(SystemCallError) {
        var number = Int32(group)
        let result = setsockopt(descriptor, Int32(SOL_NETLINK), NETLINK_ADD_MEMBERSHIP, &number, socklen_t(MemoryLayout<Int32>.size))
        if result < 0 { throw SystemCallError("setsockopt(NETLINK_ADD_MEMBERSHIP)", errno: clinuxnet_errno()) }
    }

    /// Sends a request and waits for its acknowledgement; a kernel error becomes a SystemCallError.
    public func request(_ build: (UInt32) -> NetlinkMessage, name: String) throws(SystemCallError) {
        _ = try exchange(build, name: name)
    }

    /// Sends a dump request and collects every reply message up to NLMSG_DONE.
    public func dump(_ build: (UInt32) -> NetlinkMessage) throws(SystemCallError) -> [NetlinkMessage] {
        try exchange(build, name: "dump")
    }

    /// Sends a request and collects its replies up to the acknowledgement (or NLMSG_DONE for a dump);
    /// a kernel error becomes a SystemCallError named `name`.
    public func exchange(_ build: (UInt32) -> NetlinkMessage, name: String) throws(SystemCallError) -> [NetlinkMessage] {
        sequence &+= 1
        let expected = sequence
        let bytes = build(expected).encoded()
        try retrying("send(\(name))") { bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) } }
        var collected: [NetlinkMessage] = []
        while true {
            for message in try receive() where message.sequence == expected {
                if message.type == NetlinkConstants.NLMSG_DONE { return collected }
                if let code = message.errorCode {
                    if code == 0 { return collected }
                    throw SystemCallError(name, errno: -code)
                }
                collected.append(message)
            }
        }
    }

    /// recv(2) of one datagram, split into messages.
    public func receive() throws(SystemCallError) -> [NetlinkMessage] {
        let descriptor = self.descriptor
        let count = try retrying("recv(netlink)") { buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) } }
        return NetlinkMessage.decodeAll(Array(buffer.prefix(count)))
    }

    /// Sends many requests a batch at a time, each batch in one datagram before its acknowledgements
    /// are read (a round trip per batch instead of per request; a batch's acknowledgements fit the
    /// socket's receive buffer); returns each request's errno (0: done), in order.
    public func requestAll(_ builds: [(UInt32) -> NetlinkMessage], batch: Int = 64) -> [Int32] {
        var results: [Int32] = []
        var start = 0
        while start < builds.count {
            let chunk = builds[start..<min(start + batch, builds.count)]
            let first = sequence &+ 1
            var datagram: [UInt8] = []
            for build in chunk {
                sequence &+= 1
                datagram += build(sequence).encoded()
            }
            var codes = [Int32?](repeating: nil, count: chunk.count)
            if flush(&datagram) {
                var pending = chunk.count
                while pending > 0, let messages = try? receive() {
                    for message in messages {
                        let index = Int(message.sequence &- first)
                        guard index >= 0, index < codes.count, codes[index] == nil, let code = message.errorCode else { continue }
                        codes[index] = -code
                        pending -= 1
                    }
                }
            }
            results += codes.map { $0 ?? EIO }
            start += chunk.count
        }
        return results
    }

    private func flush(_ datagram: inout [UInt8]) -> Bool {
        let bytes = datagram
        datagram.removeAll(keepingCapacity: true)
        return (try? retrying("send(netlink)") { bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) } }) != nil
    }
}
