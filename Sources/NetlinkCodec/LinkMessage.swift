/// An RTM_NEWLINK/RTM_DELLINK message read back (struct ifinfomsg + attributes).
public struct LinkMessage: Sendable, Hashable {
    public var index: Int32
    public var flags: UInt32
    public var name: String?
    public var hardwareAddress: [UInt8]?
    public var deleted: Bool

    /// IFF_UP and IFF_RUNNING: the link can carry traffic.
    public var isUp: Bool { flags & NetlinkConstants.IFF_UP != 0 && flags & NetlinkConstants.IFF_RUNNING != 0 }

    public init?(_ message: NetlinkMessage) {
        guard message.type == NetlinkConstants.RTM_NEWLINK || message.type == NetlinkConstants.RTM_DELLINK,
              message.payload.count >= 16 else { return nil }
        deleted = message.type == NetlinkConstants.RTM_DELLINK
        index = message.payload.readHost(Int32.self, at: 4)
        flags = message.payload.readHost(UInt32.self, at: 8)
        for attribute in RouteAttribute.decodeAll(message.payload[16...]) {
            switch attribute.type {
            case NetlinkConstants.IFLA_IFNAME:
                name = String(decoding: attribute.value.prefix(while: { $0 != 0 }), as: UTF8.self)
            case NetlinkConstants.IFLA_ADDRESS:
                hardwareAddress = attribute.value
            default:
                break
            }
        }
    }

    /// An RTM_GETLINK dump request.
    public static func dumpRequest(sequence: UInt32) -> NetlinkMessage {
        NetlinkMessage(
            type: NetlinkConstants.RTM_GETLINK, flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP,
            sequence: sequence, payload: Array(repeating: 0, count: 16))
    }
}
