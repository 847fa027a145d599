/// RTM_NEWRULE / RTM_DELRULE requests (struct fib_rule_hdr + FRA_* attributes), laid out as
/// keepalived 2.2.7 lays them out.
public struct RuleRequest: Sendable, Hashable {
    public enum Operation: Sendable, Hashable {
        /// NLM_F_CREATE | NLM_F_EXCL
        case add
        case delete
    }

    /// fib_rule_hdr.action (FR_ACT_*).
    public enum Action: UInt8, Sendable, Hashable {
        case toTable = 1, goto = 2, nop = 3, blackhole = 6, unreachable = 7, prohibit = 8
    }

    public var operation: Operation
    /// AF_INET or AF_INET6.
    public var family: UInt8
    public var action: Action = .toTable
    /// The table of a `.toTable` rule: in the header up to 255, FRA_TABLE past it.
    public var table: UInt32 = UInt32(NetlinkConstants.RT_TABLE_MAIN)
    /// FRA_L3MDEV: the table is the packet's L3 master device's (no table is sent).
    public var l3mdev = false
    /// FIB_RULE_INVERT (`not`).
    public var invert = false
    public var tos: UInt8 = 0
    /// FRA_SRC and src_len (zeros with length 0 for `from all`).
    public var source: [UInt8]?
    public var sourceLength: UInt8 = 0
    /// FRA_DST and dst_len.
    public var destination: [UInt8]?
    public var destinationLength: UInt8 = 0
    /// FRA_PRIORITY (`preference`)
    public var priority: UInt32?
    /// FRA_FWMARK, FRA_FWMASK
    public var fwmark: UInt32?
    public var fwmask: UInt32?
    /// FRA_FLOW (`realms`)
    public var realms: UInt32?
    /// FRA_SUPPRESS_PREFIXLEN
    public var suppressPrefixLength: Int32?
    /// FRA_SUPPRESS_IFGROUP
    public var suppressInterfaceGroup: UInt32?
    /// FRA_IIFNAME (`iif`/`dev`), FRA_OIFNAME (`oif`)
    public var inputInterface: String?
    public var outputInterface: String?
    /// FRA_TUN_ID (sent big-endian)
    public var tunnelID: UInt64?
    /// FRA_UID_RANGE (start, end)
    public var uidRange: ClosedRange<UInt32>?
    /// FRA_PROTOCOL
    public var ruleProtocol: UInt8?
    /// FRA_IP_PROTO
    public var ipProtocol: UInt8?
    /// FRA_SPORT_RANGE, FRA_DPORT_RANGE
    public var sourcePorts: ClosedRange<UInt16>?
    public var destinationPorts: ClosedRange<UInt16>?
    /// FRA_GOTO: the preference a `.goto` rule jumps to.
    public var gotoTarget: UInt32?

    public init(operation: Operation, family: UInt8) {
        self.operation = operation
        self.family = family
    }

    public func message(sequence: UInt32) -> NetlinkMessage {
        let usesTable = action == .toTable && !l3mdev
        let headerTable: UInt8 = usesTable && table < 256 ? (table == 0 ? NetlinkConstants.RT_TABLE_MAIN : UInt8(table)) : NetlinkConstants.RT_TABLE_UNSPEC
        var header: [UInt8] = [
            family, destination == nil ? 0 : destinationLength, source == nil ? 0 : sourceLength, tos, headerTable, 0, 0, action.rawValue,
        ]
        header.appendHost(invert ? NetlinkConstants.FIB_RULE_INVERT : 0)
        var attributes: [RouteAttribute] = []
        if usesTable && table >= 256 { attributes.append(.uint32(NetlinkConstants.FRA_TABLE, table)) }
        if let source { attributes.append(RouteAttribute(type: NetlinkConstants.FRA_SRC, value: source)) }
        if let destination { attributes.append(RouteAttribute(type: NetlinkConstants.FRA_DST, value: destination)) }
        if let priority { attributes.append(.uint32(NetlinkConstants.FRA_PRIORITY, priority)) }
        if let fwmark { attributes.append(.uint32(NetlinkConstants.FRA_FWMARK, fwmark)) }
        if let fwmask { attributes.append(.uint32(NetlinkConstants.FRA_FWMASK, fwmask)) }
        if let realms { attributes.append(.uint32(NetlinkConstants.FRA_FLOW, realms)) }
        if let suppressPrefixLength {
            attributes.append(.uint32(NetlinkConstants.FRA_SUPPRESS_PREFIXLEN, UInt32(bitPattern: suppressPrefixLength)))
        }
        if let suppressInterfaceGroup { attributes.append(.uint32(NetlinkConstants.FRA_SUPPRESS_IFGROUP, suppressInterfaceGroup)) }
        if let inputInterface { attributes.append(.string(NetlinkConstants.FRA_IIFNAME, inputInterface)) }
        if let outputInterface { attributes.append(.string(NetlinkConstants.FRA_OIFNAME, outputInterface)) }
        if let tunnelID {
            attributes.append(RouteAttribute(type: NetlinkConstants.FRA_TUN_ID, value: (0..<8).map { UInt8(truncatingIfNeeded: tunnelID >> (56 - 8 * UInt64($0))) }))
        }
        if let uidRange {
            var value: [UInt8] = []
            value.appendHost(uidRange.lowerBound)
            value.appendHost(uidRange.upperBound)
            attributes.append(RouteAttribute(type: NetlinkConstants.FRA_UID_RANGE, value: value))
        }
        if l3mdev { attributes.append(.uint8(NetlinkConstants.FRA_L3MDEV, 1)) }
        if let ruleProtocol { attributes.append(.uint8(NetlinkConstants.FRA_PROTOCOL, ruleProtocol)) }
        if let ipProtocol { attributes.append(.uint8(NetlinkConstants.FRA_IP_PROTO, ipProtocol)) }
        for (type, range) in [(NetlinkConstants.FRA_SPORT_RANGE, sourcePorts), (NetlinkConstants.FRA_DPORT_RANGE, destinationPorts)] {
            guard let range else { continue }
            var value: [UInt8] = []
            value.appendHost(range.lowerBound)
            value.appendHost(range.upperBound)
            attributes.append(RouteAttribute(type: type, value: value))
        }
        if action == .goto, let gotoTarget { attributes.append(.uint32(NetlinkConstants.FRA_GOTO, gotoTarget)) }
        let isAdd = operation == .add
        return NetlinkMessage(
            type: isAdd ? NetlinkConstants.RTM_NEWRULE : NetlinkConstants.RTM_DELRULE,
            flags: NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK
                | (isAdd ? NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL : 0),
            sequence: sequence, payload: header + attributes.flatMap { $0.encoded() })
    }
}
