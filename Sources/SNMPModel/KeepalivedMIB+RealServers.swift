/// KEEPALIVED-MIB realServerTable, as keepalived 2.2.7's check_snmp.c serves it.
extension KeepalivedMIB {
    /// realServerTable: index (virtual server position, server position). keepalived: a sorry
    /// server is row 1 of its virtual server, the real servers follow; the sorry server's row has
    /// no status, weight, thresholds, action, notify or failed-checks cells.
    static func addRealServers(_ status: SNMPCheckerStatus, to mib: inout MIBBuilder) {
        let e = realServerEntry
        for column: UInt32 in 2...55 { mib.declare(e.appending(column)) }
        for (v, vs) in status.virtualServers.enumerated() {
            let servers = (vs.sorry.map { [($0, true)] } ?? []) + vs.realServers.map { ($0, false) }
            for (r, (rs, isSorry)) in servers.enumerated() {
                let index: [UInt32] = [UInt32(v + 1), UInt32(r + 1)]
                func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(e.appending(column), index, value) }
                put(2, truth(!isSorry))
                put(3, addressType(rs.address.family))
                put(4, .octetString(rs.address.bytes))
                put(5, .gauge32(UInt32(rs.port)))
                if !isSorry {
                    put(6, truth(rs.alive))
                    put(7, .integer(rs.weight))
                    put(8, rs.upperThreshold == 0 ? nil : .gauge32(rs.upperThreshold))
                    put(9, rs.lowerThreshold == 0 ? nil : .gauge32(rs.lowerThreshold))
                    put(10, truth(!rs.inhibit))
                    put(11, rs.notifyUp.map(SNMPValue.string))
                    put(12, rs.notifyDown.map(SNMPValue.string))
                    put(13, .gauge32(rs.failedCheckers))
                }
                let s = rs.statistics
                put(14, .gauge32(UInt32(truncatingIfNeeded: s.connections)))
                put(15, .gauge32(rs.activeConnections))
                put(16, .gauge32(rs.inactiveConnections))
                put(17, .gauge32(rs.persistentConnections))
                addStatistics(s, packets: 18, wide: 27, to: e, index, &mib)
                put(40, rs.forwarding.map { .integer(Int32($0.kind)) })
                put(41, rs.virtualhost.map(SNMPValue.string))
                put(42, truth(rs.alpha))
                put(43, .gauge32(rs.retry))
                put(44, .gauge32(UInt32(truncatingIfNeeded: rs.delayBeforeRetry / 1_000_000)))
                put(45, .gauge32(UInt32(truncatingIfNeeded: rs.warmup / 1_000_000)))
                put(46, .gauge32(UInt32(truncatingIfNeeded: rs.delayLoop / 1_000_000)))
                put(47, truth(rs.smtpAlert))
                put(48, .gauge32(UInt32(truncatingIfNeeded: rs.delayBeforeRetry)))
                put(49, .gauge32(UInt32(truncatingIfNeeded: rs.warmup)))
                put(50, .gauge32(UInt32(truncatingIfNeeded: rs.delayLoop)))
                put(51, .gauge32(UInt32(truncatingIfNeeded: rs.connectTimeout)))
                addTunnel(rs.forwarding, first: 52, to: e, index, &mib)
                put(55, rs.snmpName.map(SNMPValue.string))
            }
        }
    }
}
