import NetworkTypes

/// An SNMPv2 notification as keepalived sends it through the master agent: snmpTrapOID.0 first, then the payload.
/// The master agent adds sysUpTime.0 itself.
public struct SNMPNotification: Sendable, Hashable {
    /// `snmpTrapOID.0` (1.3.6.1.6.3.1.1.4.1.0).
    public static let snmpTrapOID: OID = [1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0]

    /// The notification's OID (the value of snmpTrapOID.0).
    public var trapOID: OID
    /// The payload varbinds, in keepalived's order (without snmpTrapOID.0).
    public var payload: [MIBView.Binding]

    public init(trapOID: OID, payload: [MIBView.Binding]) {
        self.trapOID = trapOID
        self.payload = payload
    }

    /// Every varbind handed to send_v2trap: snmpTrapOID.0 then the payload.
    public var varbinds: [MIBView.Binding] {
        [MIBView.Binding(oid: Self.snmpTrapOID, value: .objectIdentifier(trapOID))] + payload
    }

    /// KEEPALIVED-MIB vrrpInstanceStateChange (vrrpTraps.2).
    /// keepalived: the varbinds are column OIDs without an instance suffix; only routerId carries `.0`;
    /// the state is reported raw (shutdown 5, deleted 6), the initial state as configured.
    public static func instanceStateChange(_ vrrp: SNMPStatus.Instance, routerId: String) -> SNMPNotification {
        let e = KeepalivedMIB.instanceEntry
        return SNMPNotification(trapOID: KeepalivedMIB.traps.appending(2), payload: [
            .init(oid: e.appending(2), value: .string(vrrp.name)),
            .init(oid: e.appending(4), value: .enumeration(vrrp.state.trapValue)),
            .init(oid: e.appending(5), value: .enumeration(vrrp.initialState.rawValue)),
            .init(oid: KeepalivedMIB.global.appending(2, 0), value: .string(routerId)),
        ])
    }

    /// KEEPALIVED-MIB vrrpSyncGroupStateChange (vrrpTraps.1). A group is never reported deleted: that reads unknown(4).
    public static func syncGroupStateChange(_ group: SNMPStatus.SyncGroup, routerId: String) -> SNMPNotification {
        let e = KeepalivedMIB.syncGroupEntry
        let state = group.state == .deleted ? VrrpState.unknown.rawValue : group.state.trapValue
        return SNMPNotification(trapOID: KeepalivedMIB.traps.appending(1), payload: [
            .init(oid: e.appending(2), value: .string(group.name)),
            .init(oid: e.appending(3), value: .enumeration(state)),
            .init(oid: KeepalivedMIB.global.appending(2, 0), value: .string(routerId)),
        ])
    }

    /// RFC 2787 vrrpTrapNewMaster: vrrpOperMasterIpAddr.<ifIndex>.<vrid> = our own source address.
    /// nil for an instance the VRRP-MIB does not list.
    public static func vrrpTrapNewMaster(_ vrrp: SNMPStatus.Instance) -> SNMPNotification? {
        guard VRRPMIB.isListed(vrrp) else { return nil }
        return SNMPNotification(trapOID: VRRPMIB.notifications.appending(1), payload: [
            .init(oid: VRRPMIB.operEntry.appending(7).appending(VRRPMIB.index(vrrp)), value: VRRPMIB.ipv4(vrrp.sourceAddress)),
        ])
    }

    /// RFC 2787 authentication error types (vrrpTrapAuthErrorType).
    public enum AuthErrorType: Int, Sendable, Hashable {
        case invalidAuthType = 1
        case authTypeMismatch = 2
        case authFailure = 3
    }

    /// RFC 2787 vrrpTrapAuthFailure. keepalived: the two notify-only scalars get `.<ifIndex>.<vrid>` appended
    /// (the interface's own ifIndex) instead of `.0`.
    public static func vrrpTrapAuthFailure(_ vrrp: SNMPStatus.Instance, source: IPAddress, error: AuthErrorType) -> SNMPNotification? {
        guard VRRPMIB.isListed(vrrp) else { return nil }
        let index: [UInt32] = [vrrp.interface?.ifIndex ?? 0, UInt32(vrrp.vrid)]
        return SNMPNotification(trapOID: VRRPMIB.notifications.appending(2), payload: [
            .init(oid: VRRPMIB.trapPacketSrc.appending(index), value: VRRPMIB.ipv4(source)),
            .init(oid: VRRPMIB.trapAuthErrorType.appending(index), value: .enumeration(error.rawValue)),
        ])
    }

    /// RFC 6527 vrrpv3NewMaster: MasterIpAddr (our source address, 4 or 16 bytes) and NewMasterReason.
    public static func vrrpv3NewMaster(_ vrrp: SNMPStatus.Instance, replyV3ForV2: Bool = true) -> SNMPNotification? {
        guard VRRPv3MIB.isListed(vrrp, replyV3ForV2: replyV3ForV2) else { return nil }
        let index = VRRPv3MIB.index(vrrp)
        return SNMPNotification(trapOID: VRRPv3MIB.notifications.appending(1), payload: [
            .init(oid: VRRPv3MIB.operationsEntry.appending(3).appending(index),
                  value: .octetString(VRRPv3MIB.bytes(vrrp.sourceAddress, vrrp.family))),
            .init(oid: VRRPv3MIB.statisticsEntry.appending(2).appending(index),
                  value: .enumeration(vrrp.statistics.masterReason)),
        ])
    }

    /// RFC 6527 vrrpv3ProtoError: ProtoErrReason. keepalived: indexed by the interface's own ifIndex (the VMAC's
    /// when one is used), unlike the tables.
    public static func vrrpv3ProtoError(_ vrrp: SNMPStatus.Instance, replyV3ForV2: Bool = true) -> SNMPNotification? {
        guard VRRPv3MIB.isListed(vrrp, replyV3ForV2: replyV3ForV2) else { return nil }
        let index: [UInt32] = [vrrp.interface?.ifIndex ?? 0, UInt32(vrrp.vrid), VRRPv3MIB.addressType(vrrp)]
        return SNMPNotification(trapOID: VRRPv3MIB.notifications.appending(2), payload: [
            .init(oid: VRRPv3MIB.statisticsEntry.appending(6).appending(index),
                  value: .enumeration(vrrp.statistics.protoErrReason)),
        ])
    }
}
