/// RTM_NEWADDR / RTM_DELADDR requests (struct ifaddrmsg + attributes).
public struct AddressRequest: Sendable, Hashable {
    public enum Operation: Sendable { case add, delete }

    public var operation: Operation
    public var interfaceIndex: UInt32
    /// 4 or 16 bytes, network order.
    public var address: [UInt8]
    public var prefixLength: UInt8
    /// RT_SCOPE_* (0 universe, 253 link, 254 host).
    public var scope: UInt8 = 0
    public var broadcast: [UInt8]?
    /// A point-to-point peer: IFA_ADDRESS carries it instead of the address.
    public var peer: [UInt8]?
    public var label: String?
    /// IFA_F_* flags (e.g. IFA_F_NODAD 0x02, IFA_F_NOPREFIXROUTE 0x200).
    public var flags: UInt32 = 0
    /// IFA_CACHEINFO preferred lifetime (IPv6 VIPs default to 0 in keepalived); nil leaves it forever.
    public var preferredLifetime: UInt32?

    public init(operation: Operation, interfaceIndex: UInt32, address: [UInt8], prefixLength: UInt8) {
        self.operation = operation
        self.interfaceIndex = interfaceIndex
        self.address = address
        self.prefixLength = prefixLength
    }

    public func message(sequence: UInt32) -> NetlinkMessage {
        let family = address.count == 4 ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6
        var payload: [UInt8] = [family, prefixLength, UInt8(truncatingIfNeeded: flags), scope]
        payload.appendHost(interfaceIndex)
        payload += RouteAttribute(type: NetlinkConstants.IFA_LOCAL, value: address).encoded()
        payload += RouteAttribute(type: NetlinkConstants.IFA_ADDRESS, value: peer ?? address).encoded()
        if let broadcast { payload += RouteAttribute(type: NetlinkConstants.IFA_BROADCAST, value: broadcast).encoded() }
        if let label { payload += RouteAttribute.string(NetlinkConstants.IFA_LABEL, label).encoded() }
        if flags > 0xff { payload += RouteAttribute.uint32(NetlinkConstants.IFA_FLAGS, flags).encoded() }
        if let preferredLifetime {
            var cache: [UInt8] = []
            cache.appendHost(preferredLifetime)
            cache.appendHost(UInt32.max)
            cache.appendHost(UInt32(0))
            cache.appendHost(UInt32(0))
            payload += RouteAttribute(type: NetlinkConstants.IFA_CACHEINFO, value: cache).encoded()
        }
        let isAdd = operation == .add
        let flags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | (isAdd ? NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_REPLACE : 0)
        return NetlinkMessage(
            type: isAdd ? NetlinkConstants.RTM_NEWADDR : NetlinkConstants.RTM_DELADDR, flags: flags, sequence: sequence, payload: payload)
    }
}
