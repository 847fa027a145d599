/// Which MIB modules the agent serves (keepalived.conf: enable_snmp_vrrp, enable_snmp_checker, enable_snmp_rfcv2,
/// enable_snmp_rfcv3),
/// and the combined view over one status snapshot.
public struct SNMPMIBSet: Sendable, Hashable {
    /// keepalived.conf: enable_snmp_vrrp — the KEEPALIVED-MIB vrrp subtree.
    public var keepalivedVRRP: Bool
    /// The KEEPALIVED-MIB global scalars: served by the VRRP process when enable_snmp_vrrp is set and the
    /// checker does not serve them.
    public var keepalivedGlobal: Bool
    /// keepalived.conf: enable_snmp_checker — the KEEPALIVED-MIB check subtree, while a checker runs.
    public var keepalivedCheck: Bool
    /// keepalived.conf: enable_snmp_rfcv2 (or enable_snmp_rfc).
    public var rfcV2: Bool
    /// keepalived.conf: enable_snmp_rfcv3 (or enable_snmp_rfc).
    public var rfcV3: Bool
    /// Debian's build option SNMP_V3_FOR_V2: VRRPv2 instances also appear in the VRRPv3-MIB.
    public var replyV3ForV2: Bool

    public init(keepalivedVRRP: Bool = true, keepalivedGlobal: Bool? = nil, keepalivedCheck: Bool = false,
                rfcV2: Bool = false, rfcV3: Bool = false, replyV3ForV2: Bool = true) {
        self.keepalivedVRRP = keepalivedVRRP
        self.keepalivedGlobal = keepalivedGlobal ?? (keepalivedVRRP || keepalivedCheck)
        self.keepalivedCheck = keepalivedCheck
        self.rfcV2 = rfcV2
        self.rfcV3 = rfcV3
        self.replyV3ForV2 = replyV3ForV2
    }

    /// Every enabled module over `status`, as one sorted view.
    public func view(_ status: SNMPStatus) -> MIBView {
        var mib = MIBBuilder()
        if keepalivedGlobal { KeepalivedMIB.addGlobal(status, to: &mib) }
        if keepalivedVRRP { KeepalivedMIB.addVRRP(status, to: &mib) }
        if keepalivedCheck, let checker = status.checker { KeepalivedMIB.addCheck(checker, to: &mib) }
        if rfcV2 { VRRPMIB.add(status, to: &mib) }
        if rfcV3 { VRRPv3MIB.add(status, replyV3ForV2: replyV3ForV2, to: &mib) }
        return mib.build()
    }
}
