/// rtnetlink messages as bytes (netlink(7), rtnetlink(7)): building requests and reading replies.
/// Netlink uses the host's byte order; every integer here is written and read that way.
public struct NetlinkMessage: Sendable, Hashable {
    public var type: UInt16
    public var flags: UInt16
    public var sequence: UInt32
    public var portID: UInt32
    /// Everything after the 16-byte header.
    public var payload: [UInt8]

    public init(type: UInt16, flags: UInt16, sequence: UInt32, portID: UInt32 = 0, payload: [UInt8]) {
        self.type = type
        self.flags = flags
        self.sequence = sequence
        self.portID = portID
        self.payload = payload
    }

    public static let headerLength = 16

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(NetlinkMessage.headerLength + payload.count)
        bytes.appendHost(UInt32(NetlinkMessage.headerLength + payload.count))
        bytes.appendHost(type)
        bytes.appendHost(flags)
        bytes.appendHost(sequence)
        bytes.appendHost(portID)
        bytes += payload
        bytes.padToFour()
        return bytes
    }

    /// Splits a datagram read from a netlink socket into its messages.
    public static func decodeAll(_ bytes: [UInt8]) -> [NetlinkMessage] {
        var messages: [NetlinkMessage] = []
        var offset = 0
        while offset + headerLength <= bytes.count {
            let length = Int(bytes.readHost(UInt32.self, at: offset))
            guard length >= headerLength, offset + length <= bytes.count else { break }
            messages.append(NetlinkMessage(
                type: bytes.readHost(UInt16.self, at: offset + 4), flags: bytes.readHost(UInt16.self, at: offset + 6),
                sequence: bytes.readHost(UInt32.self, at: offset + 8), portID: bytes.readHost(UInt32.self, at: offset + 12),
                payload: Array(bytes[(offset + headerLength)..<(offset + length)])))
            offset += (length + 3) & ~3
        }
        return messages
    }

    /// For NLMSG_ERROR: 0 for an acknowledgement, otherwise minus an errno value.
    public var errorCode: Int32? {
        guard type == NetlinkConstants.NLMSG_ERROR, payload.count >= 4 else { return nil }
        return payload.readHost(Int32.self, at: 0)
    }
}

/// The numbers of <linux/netlink.h> and <linux/rtnetlink.h> this project uses.
public enum NetlinkConstants {
    public static let NLMSG_ERROR: UInt16 = 2
    public static let NLMSG_DONE: UInt16 = 3
    public static let RTM_NEWLINK: UInt16 = 16
    public static let RTM_DELLINK: UInt16 = 17
    public static let RTM_GETLINK: UInt16 = 18
    public static let RTM_NEWADDR: UInt16 = 20
    public static let RTM_DELADDR: UInt16 = 21
    public static let RTM_GETADDR: UInt16 = 22

    public static let NLM_F_REQUEST: UInt16 = 0x1
    public static let NLM_F_ACK: UInt16 = 0x4
    public static let NLM_F_REPLACE: UInt16 = 0x100
    public static let NLM_F_EXCL: UInt16 = 0x200
    public static let NLM_F_CREATE: UInt16 = 0x400
    public static let NLM_F_DUMP: UInt16 = 0x300

    public static let IFA_ADDRESS: UInt16 = 1
    public static let IFA_LOCAL: UInt16 = 2
    public static let IFA_LABEL: UInt16 = 3
    public static let IFA_BROADCAST: UInt16 = 4
    public static let IFA_CACHEINFO: UInt16 = 6
    public static let IFA_FLAGS: UInt16 = 8

    public static let IFLA_ADDRESS: UInt16 = 1
    public static let IFLA_IFNAME: UInt16 = 3
    public static let IFLA_OPERSTATE: UInt16 = 16

    public static let AF_INET: UInt8 = 2
    public static let AF_INET6: UInt8 = 10

    public static let IFF_UP: UInt32 = 0x1
    public static let IFF_RUNNING: UInt32 = 0x40
    public static let IFF_LOWER_UP: UInt32 = 0x10000

    /// rtnetlink multicast groups (bit numbers are group - 1).
    public static let RTNLGRP_LINK: UInt32 = 1
    public static let RTNLGRP_IPV4_IFADDR: UInt32 = 5
    public static let RTNLGRP_IPV4_ROUTE: UInt32 = 7
    public static let RTNLGRP_IPV6_IFADDR: UInt32 = 9
    public static let RTNLGRP_IPV6_ROUTE: UInt32 = 11
}

extension Array where Element == UInt8 {
    mutating func appendHost<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value) { append(contentsOf: $0) }
    }

    mutating func padToFour() {
        while count % 4 != 0 { append(0) }
    }

    func readHost<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        var value: T = 0
        Swift.withUnsafeMutableBytes(of: &value) { raw in
            for i in 0..<MemoryLayout<T>.size { raw[i] = self[offset + i] }
        }
        return value
    }
}
