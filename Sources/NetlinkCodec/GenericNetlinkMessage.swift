/// Generic netlink (genetlink) messages: struct genlmsghdr and attributes after the netlink header,
/// and the controller's family lookup (CTRL_CMD_GETFAMILY) that turns a name such as "IPVS" into an id.

/// A generic netlink message: its family id is the netlink message type.
public struct GenericNetlinkMessage: Sendable, Hashable {
    public var familyID: UInt16
    public var command: UInt8
    public var version: UInt8
    public var flags: UInt16
    public var sequence: UInt32
    public var attributes: [RouteAttribute]

    public init(familyID: UInt16, command: UInt8, version: UInt8, flags: UInt16, sequence: UInt32, attributes: [RouteAttribute]) {
        self.familyID = familyID
        self.command = command
        self.version = version
        self.flags = flags
        self.sequence = sequence
        self.attributes = attributes
    }

    /// Reads a reply; nil for anything shorter than the genl header (errors, NLMSG_DONE).
    public init?(_ message: NetlinkMessage) {
        guard message.type >= GenericNetlinkConstants.minimumFamilyID, message.payload.count >= 4 else { return nil }
        familyID = message.type
        command = message.payload[0]
        version = message.payload[1]
        flags = message.flags
        sequence = message.sequence
        attributes = RouteAttribute.decodeAll(message.payload[4...])
    }

    public var netlinkMessage: NetlinkMessage {
        var payload: [UInt8] = [command, version, 0, 0]
        for attribute in attributes { payload += attribute.encoded() }
        return NetlinkMessage(type: familyID, flags: flags, sequence: sequence, payload: payload)
    }

    public func attribute(_ type: UInt16) -> RouteAttribute? {
        attributes.first { $0.type == type }
    }
}

/// The numbers of <linux/genetlink.h> this project uses.
public enum GenericNetlinkConstants {
    /// The controller family's fixed id (GENL_ID_CTRL).
    public static let controllerFamilyID: UInt16 = 0x10
    /// Below this, message types are netlink's own (NLMSG_NOOP..NLMSG_OVERRUN, and reserved).
    public static let minimumFamilyID: UInt16 = 0x10
    public static let CTRL_CMD_NEWFAMILY: UInt8 = 1
    public static let CTRL_CMD_GETFAMILY: UInt8 = 3
    public static let CTRL_ATTR_FAMILY_ID: UInt16 = 1
    public static let CTRL_ATTR_FAMILY_NAME: UInt16 = 2
    public static let CTRL_ATTR_VERSION: UInt16 = 3
    public static let CTRL_ATTR_HDRSIZE: UInt16 = 4
    public static let CTRL_ATTR_MAXATTR: UInt16 = 5
    /// NETLINK_GENERIC, the socket protocol.
    public static let NETLINK_GENERIC: Int32 = 16
}

/// What the controller says about a family.
public struct GenericNetlinkFamily: Sendable, Hashable {
    public var id: UInt16
    public var name: String
    public var version: UInt32
    public var maximumAttribute: UInt32

    public init(id: UInt16, name: String, version: UInt32, maximumAttribute: UInt32) {
        self.id = id
        self.name = name
        self.version = version
        self.maximumAttribute = maximumAttribute
    }

    /// CTRL_CMD_GETFAMILY for `name`, acknowledged.
    public static func lookupRequest(name: String, sequence: UInt32) -> NetlinkMessage {
        GenericNetlinkMessage(
            familyID: GenericNetlinkConstants.controllerFamilyID, command: GenericNetlinkConstants.CTRL_CMD_GETFAMILY, version: 1,
            flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, sequence: sequence,
            attributes: [.string(GenericNetlinkConstants.CTRL_ATTR_FAMILY_NAME, name)]
        ).netlinkMessage
    }

    /// Reads the controller's CTRL_CMD_NEWFAMILY reply; nil if it is not one or lacks id or name.
    public init?(reply: NetlinkMessage) {
        guard reply.type == GenericNetlinkConstants.controllerFamilyID, let message = GenericNetlinkMessage(reply),
              message.command == GenericNetlinkConstants.CTRL_CMD_NEWFAMILY,
              let id = message.attribute(GenericNetlinkConstants.CTRL_ATTR_FAMILY_ID)?.uint16Value,
              let name = message.attribute(GenericNetlinkConstants.CTRL_ATTR_FAMILY_NAME)?.stringValue else { return nil }
        self.id = id
        self.name = name
        version = message.attribute(GenericNetlinkConstants.CTRL_ATTR_VERSION)?.uint32Value ?? 0
        maximumAttribute = message.attribute(GenericNetlinkConstants.CTRL_ATTR_MAXATTR)?.uint32Value ?? 0
    }
}
