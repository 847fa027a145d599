import IPVSModel
import NetworkTypes

/// The KEEPALIVED-MIB check subtree (`keepalived.check`, 3), cell by cell as keepalived 2.2.7's
/// check_snmp.c serves it: integer indexes are 1-based positions in configuration order.
extension KeepalivedMIB {
    /// `keepalived.check` (3).
    public static let check = root.appending(3)
    /// `checkTraps` (check.5.0).
    public static let checkTraps = check.appending(5, 0)

    public static let virtualServerGroupEntry = check.appending(1, 1)
    public static let virtualServerGroupMemberEntry = check.appending(2, 1)
    public static let virtualServerEntry = check.appending(3, 1)
    public static let realServerEntry = check.appending(4, 1)
    /// `lvsSyncDaemon` (check.6) and `lvsTimeouts` (check.7): scalars.
    static let lvsSyncDaemon = check.appending(6)
    static let lvsTimeouts = check.appending(7)

    /// The check subtree over the checker's status.
    public static func addCheck(_ status: SNMPCheckerStatus, to mib: inout MIBBuilder) {
        mib.register(root: check)
        addGroups(status, to: &mib)
        addVirtualServers(status, to: &mib)
        addRealServers(status, to: &mib)
        addLVSScalars(status, to: &mib)
    }

    /// virtualServerGroupTable (index group) and virtualServerGroupMemberTable (index group, member).
    /// keepalived: a group's fwmark lines come first, then its addresses and ranges.
    static func addGroups(_ status: SNMPCheckerStatus, to mib: inout MIBBuilder) {
        let group = virtualServerGroupEntry, member = virtualServerGroupMemberEntry
        mib.declare(group.appending(2))
        for column: UInt32 in 2...8 { mib.declare(member.appending(column)) }
        for (g, entry) in status.groups.enumerated() {
            mib.cell(group.appending(2), [UInt32(g + 1)], .string(entry.name))
            let fwmarks = entry.members.filter { if case .fwmark = $0 { return true }; return false }
            let addresses = entry.members.filter { if case .addresses = $0 { return true }; return false }
            for (m, line) in (fwmarks + addresses).enumerated() {
                let index: [UInt32] = [UInt32(g + 1), UInt32(m + 1)]
                func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(member.appending(column), index, value) }
                switch line {
                case .fwmark(let mark):
                    put(2, .integer(1))
                    put(3, .gauge32(mark))
                case let .addresses(first, last, port):
                    put(2, .integer(first == last ? 2 : 3))
                    put(4, addressType(first.family))
                    if first == last {
                        put(5, .octetString(first.bytes))
                    } else {
                        put(6, .octetString(first.bytes))
                        put(7, .octetString(last.bytes))
                    }
                    put(8, .gauge32(UInt32(port)))
                }
            }
        }
    }

    /// keepalived's lvs_sched names as virtualServerLoadBalancingAlgo numbers (99: any other).
    static let schedulers = ["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos"]

    /// virtualServerTable: index virtual server position.
    static func addVirtualServers(_ status: SNMPCheckerStatus, to mib: inout MIBBuilder) {
        let e = virtualServerEntry
        for column: UInt32 in 2...71 { mib.declare(e.appending(column)) }
        for (v, vs) in status.virtualServers.enumerated() {
            let index: [UInt32] = [UInt32(v + 1)]
            func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(e.appending(column), index, value) }
            put(2, .integer(vs.typeValue))
            if case let .group(name) = vs.service { put(3, .string(name)) }
            if case let .fwmark(mark) = vs.service, mark != 0 { put(4, .gauge32(mark)) }
            put(5, vs.family.map(addressType) ?? .integer(2))
            if case let .address(address, port) = vs.service {
                put(6, .octetString(address.bytes))
                put(7, .gauge32(UInt32(port)))
            }
            if case .fwmark = vs.service {} else { put(8, .integer(Int32(vs.serviceProtocol.rawValue))) }
            put(9, .integer(schedulers.firstIndex(of: vs.scheduler).map { Int32($0 + 1) } ?? 99))
            put(10, vs.forwarding.map { .integer(Int32($0.kind)) })
            put(11, truth(vs.alive))
            put(12, vs.virtualhost.map(SNMPValue.string))
            put(13, truth(vs.persistenceTimeout != 0))
            put(14, vs.persistenceTimeout == 0 ? nil : .gauge32(vs.persistenceTimeout))
            // keepalived: the granularity columns test the service address's family, so a fwmark or
            // group service (no address) shows both; 15 is the field's raw bytes, 51 its value.
            let granularity = vs.persistenceGranularity
            let v6 = vs.addressFamily == .inet6, v4 = vs.addressFamily == .inet
            put(15, v6 ? nil : .octetString((0..<4).map { UInt8(truncatingIfNeeded: granularity >> ($0 * 8)) }))
            put(51, v4 ? nil : .gauge32(granularity))
            put(16, .gauge32(UInt32(truncatingIfNeeded: vs.delayLoop / 1_000_000)))
            put(17, truth(vs.haSuspend))
            put(37, truth(vs.flags & 0x4 != 0))
            put(18, truth(vs.alpha))
            put(19, truth(vs.omega))
            put(20, .gauge32(UInt32(vs.realServers.count)))
            put(21, .gauge32(vs.realServersUp))
            put(22, .gauge32(vs.quorum))
            put(23, truth(vs.quorumUp))
            put(24, vs.quorumUpScript.map(SNMPValue.string))
            put(25, vs.quorumDownScript.map(SNMPValue.string))
            put(26, .gauge32(vs.hysteresis))
            put(27, .gauge32(UInt32(truncatingIfNeeded: vs.statistics.connections)))
            addStatistics(vs.statistics, packets: 28, wide: 38, to: e, index, &mib)
            put(52, truth(false)) // keepalived: IP_VS_SVC_F_HASHED is the kernel's, never in its flags
            put(53, truth(vs.flags & 0x8 != 0))
            put(54, truth(vs.flags & 0x10 != 0))
            put(55, truth(vs.flags & 0x20 != 0))
            put(56, truth(!vs.inhibit))
            put(57, .gauge32(vs.retry))
            put(58, .gauge32(UInt32(truncatingIfNeeded: vs.delayBeforeRetry / 1_000_000)))
            put(59, .gauge32(UInt32(truncatingIfNeeded: vs.warmup / 1_000_000)))
            put(60, .integer(vs.weight))
            put(61, truth(vs.smtpAlert))
            put(62, truth(vs.flags & 0x8 != 0))
            put(63, truth(vs.flags & 0x10 != 0))
            put(64, .gauge32(UInt32(truncatingIfNeeded: vs.delayLoop)))
            put(65, .gauge32(UInt32(truncatingIfNeeded: vs.delayBeforeRetry)))
            put(66, .gauge32(UInt32(truncatingIfNeeded: vs.warmup)))
            put(67, .gauge32(UInt32(truncatingIfNeeded: vs.connectTimeout)))
            addTunnel(vs.forwarding, first: 68, to: e, index, &mib)
            put(71, vs.snmpName.map(SNMPValue.string))
        }
    }

    /// The statistics columns both server tables share: packets and bytes from `packets` on (28 in
    /// virtualServerTable, 18 in realServerTable), then the five rates; the 64-bit counters and the
    /// rates' low/high words from `wide` on (38 and 27).
    ///
    /// keepalived: each rate's ...Low column returns a static Counter64 buffer of the handler
    /// instead of the low word; read as a Gauge it is the high word of the last Counter64 that
    /// handler built, 0 unless a 64-bit counter passed 2^32. Served as 0.
    static func addStatistics(_ s: IPVSStatistics, packets: UInt32, wide: UInt32, to entry: OID,
                              _ index: [UInt32], _ mib: inout MIBBuilder) {
        func put(_ column: UInt32, _ value: SNMPValue) { mib.cell(entry.appending(column), index, value) }
        put(packets, .counter32(UInt32(truncatingIfNeeded: s.inPackets)))
        put(packets + 1, .counter32(UInt32(truncatingIfNeeded: s.outPackets)))
        put(packets + 2, .counter64(s.inBytes))
        put(packets + 3, .counter64(s.outBytes))
        let rates = [s.connectionRate, s.inPacketRate, s.outPacketRate, s.inByteRate, s.outByteRate]
        for (r, rate) in rates.enumerated() { put(packets + 4 + UInt32(r), .gauge32(UInt32(truncatingIfNeeded: rate))) }
        put(wide, .counter64(s.connections))
        put(wide + 1, .counter64(s.inPackets))
        put(wide + 2, .counter64(s.outPackets))
        for (r, rate) in rates.enumerated() {
            put(wide + 3 + UInt32(2 * r), .gauge32(0))
            put(wide + 4 + UInt32(2 * r), .gauge32(UInt32(truncatingIfNeeded: rate >> 32)))
        }
    }

    /// The tunnel type, port and checksum columns from `first` (keepalived: type with TUN, port
    /// with GUE, checksum with any tunnel but ipip).
    static func addTunnel(_ forwarding: SNMPCheckerStatus.Forwarding?, first: UInt32, to entry: OID, _ index: [UInt32],
                          _ mib: inout MIBBuilder) {
        guard let f = forwarding, f.kind == SNMPCheckerStatus.Forwarding.tunnel else { return }
        mib.cell(entry.appending(first), index, .integer(Int32(f.tunnelType)))
        if f.tunnelType == SNMPCheckerStatus.Forwarding.gue { mib.cell(entry.appending(first + 1), index, .gauge32(UInt32(f.tunnelPort))) }
        if f.tunnelType != SNMPCheckerStatus.Forwarding.ipip { mib.cell(entry.appending(first + 2), index, .integer(Int32(f.tunnelChecksum))) }
    }

    /// lvsSyncDaemon and lvsTimeouts scalars; keepalived leaves out what is not configured.
    static func addLVSScalars(_ status: SNMPCheckerStatus, to mib: inout MIBBuilder) {
        for arc: UInt32 in 1...9 { mib.declare(lvsSyncDaemon.appending(arc)) }
        for arc: UInt32 in 1...3 { mib.declare(lvsTimeouts.appending(arc)) }
        let sync = status.syncDaemon
        mib.scalar(lvsSyncDaemon.appending(1), truth(sync != nil))
        if let sync {
            mib.scalar(lvsSyncDaemon.appending(2), .string(sync.interface))
            if let instance = sync.vrrpInstance { mib.scalar(lvsSyncDaemon.appending(3), .string(instance)) }
            mib.scalar(lvsSyncDaemon.appending(4), .integer(Int32(truncatingIfNeeded: sync.syncID)))
            mib.scalar(lvsSyncDaemon.appending(5), .integer(Int32(truncatingIfNeeded: sync.maxLength)))
            mib.scalar(lvsSyncDaemon.appending(6), .integer(Int32(truncatingIfNeeded: sync.port)))
            mib.scalar(lvsSyncDaemon.appending(7), .integer(Int32(truncatingIfNeeded: sync.ttl)))
            if let group = sync.group {
                mib.scalar(lvsSyncDaemon.appending(8), addressType(group.family))
                mib.scalar(lvsSyncDaemon.appending(9), .octetString(group.bytes))
            }
        }
        for (arc, timeout) in [status.tcpTimeout, status.tcpFinTimeout, status.udpTimeout].enumerated() {
            if let timeout, timeout != 0 { mib.scalar(lvsTimeouts.appending(UInt32(arc + 1)), .integer(Int32(clamping: timeout))) }
        }
    }
}

extension SNMPCheckerStatus.VirtualServer {
    /// virtualServerType: fwmark(1), ip(2), group(3).
    var typeValue: Int32 {
        switch service {
        case .fwmark: 1
        case .address: 2
        case .group: 3
        }
    }

    /// The family of the service address itself (nil for a fwmark or group service).
    var addressFamily: IPAddress.Family? {
        if case let .address(address, _) = service { return address.family }
        return nil
    }
}
