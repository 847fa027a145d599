/// An RTM_NEWADDR/RTM_DELADDR message read back (struct ifaddrmsg + attributes): what the kernel
/// reports when an address is added to or removed from an interface.
public struct AddressMessage: Sendable, Hashable {
    /// AF_INET or AF_INET6.
    public var family: UInt8
    public var prefixLength: UInt8
    /// RT_SCOPE_* (253: link, the scope of IPv6 link-local addresses).
    public var scope: UInt8
    public var interfaceIndex: UInt32
    /// IFA_LOCAL when present (the address itself on point-to-point links), else IFA_ADDRESS.
    public var address: [UInt8]
    public var deleted: Bool

    public init?(_ message: NetlinkMessage) {
        guard message.type == NetlinkConstants.RTM_NEWADDR || message.type == NetlinkConstants.RTM_DELADDR,
              message.payload.count >= 8 else { return nil }
        deleted = message.type == NetlinkConstants.RTM_DELADDR
        family = message.payload[0]
        prefixLength = message.payload[1]
        scope = message.payload[3]
        interfaceIndex = message.payload.readHost(UInt32.self, at: 4)
        var local: [UInt8]?
        var address: [UInt8]?
        for attribute in RouteAttribute.decodeAll(message.payload[8...]) {
            switch attribute.type {
            case NetlinkConstants.IFA_LOCAL: local = attribute.value
            case NetlinkConstants.IFA_ADDRESS: address = attribute.value
            default: break
            }
        }
        guard let chosen = local ?? address, chosen.count == (family == NetlinkConstants.AF_INET ? 4 : 16) else { return nil }
        self.address = chosen
    }
}
