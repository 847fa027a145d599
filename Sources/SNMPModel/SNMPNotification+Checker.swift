/// The KEEPALIVED-MIB check traps, with keepalived 2.2.7's varbinds (column OIDs without an
/// instance suffix; only routerId carries `.0`).
extension SNMPNotification {
    /// realServerStateChange (checkTraps.1): a real server went up or down (also at shutdown).
    public static func realServerStateChange(_ rs: SNMPCheckerStatus.RealServer, of vs: SNMPCheckerStatus.VirtualServer,
                                             routerId: String) -> SNMPNotification {
        let e = KeepalivedMIB.realServerEntry
        let server: [MIBView.Binding] = [
            .init(oid: e.appending(3), value: KeepalivedMIB.addressType(rs.address.family)),
            .init(oid: e.appending(4), value: .octetString(rs.address.bytes)),
            .init(oid: e.appending(5), value: .gauge32(UInt32(rs.port))),
            .init(oid: e.appending(6), value: KeepalivedMIB.truth(rs.alive)),
        ]
        return SNMPNotification(trapOID: KeepalivedMIB.checkTraps.appending(1),
                                payload: server + checkPayload(vs, quorumStatus: nil, routerId: routerId))
    }

    /// virtualServerQuorumStateChange (checkTraps.2). `stopping` reports the quorum status as
    /// keepalived does while it shuts down: 3.
    public static func virtualServerQuorumStateChange(_ vs: SNMPCheckerStatus.VirtualServer, stopping: Bool = false,
                                                      routerId: String) -> SNMPNotification {
        SNMPNotification(trapOID: KeepalivedMIB.checkTraps.appending(2),
                         payload: checkPayload(vs, quorumStatus: stopping ? 3 : vs.quorumUp ? 1 : 2, routerId: routerId))
    }

    /// The virtual server's part of both traps. keepalived: the protocol is reported as a
    /// TruthValue of "is TCP" (1 for TCP, 2 otherwise, fwmark services included).
    private static func checkPayload(_ vs: SNMPCheckerStatus.VirtualServer, quorumStatus: Int?,
                                     routerId: String) -> [MIBView.Binding] {
        let e = KeepalivedMIB.virtualServerEntry
        var payload: [MIBView.Binding] = [.init(oid: e.appending(2), value: .integer(vs.typeValue))]
        switch vs.service {
        case .group(let name):
            payload.append(.init(oid: e.appending(3), value: .string(name)))
        case .fwmark(let mark):
            payload.append(.init(oid: e.appending(4), value: .gauge32(mark)))
        case let .address(address, port):
            payload.append(.init(oid: e.appending(5), value: KeepalivedMIB.addressType(address.family)))
            payload.append(.init(oid: e.appending(6), value: .octetString(address.bytes)))
            payload.append(.init(oid: e.appending(7), value: .gauge32(UInt32(port))))
        }
        payload.append(.init(oid: e.appending(8), value: KeepalivedMIB.truth(vs.serviceProtocol == .tcp)))
        if let quorumStatus {
            payload.append(.init(oid: e.appending(23), value: .enumeration(quorumStatus)))
            payload.append(.init(oid: e.appending(22), value: .gauge32(vs.quorum)))
        }
        payload.append(.init(oid: e.appending(21), value: .gauge32(vs.realServersUp)))
        payload.append(.init(oid: e.appending(20), value: .gauge32(UInt32(vs.realServers.count))))
        payload.append(.init(oid: KeepalivedMIB.global.appending(2, 0), value: .string(routerId)))
        return payload
    }
}
