import NetworkTypes

/// KEEPALIVED-MIB (enterprises.debian(9586).project(100).keepalived(5)) as keepalived 2.2.7 serves it.
///
/// keepalived: integer table indexes are 1-based positions in configuration order, recomputed on every
/// request; absent values (an unset script, no label) are simply missing cells, so a walk skips them.
public enum KeepalivedMIB {
    /// `.1.3.6.1.4.1.9586.100.5`
    public static let root: OID = [1, 3, 6, 1, 4, 1, 9586, 100, 5]
    /// `keepalived.global` (1): registered by the VRRP process when enable_snmp_vrrp is set and no checker serves it.
    public static let global = root.appending(1)
    /// `keepalived.vrrp` (2).
    public static let vrrp = root.appending(2)
    /// `vrrpTraps` (vrrp.10.0).
    public static let traps = vrrp.appending(10, 0)

    /// Table entries (`table.1`), by their arc under `vrrp`.
    static func entry(_ table: UInt32) -> OID { vrrp.appending(table, 1) }

    public static let syncGroupEntry = entry(1)
    public static let syncGroupMemberEntry = entry(2)
    public static let instanceEntry = entry(3)
    public static let trackedInterfaceEntry = entry(4)
    public static let trackedScriptEntry = entry(5)
    public static let addressEntry = entry(6)
    public static let scriptEntry = entry(9)

    /// Tables keepalived registers that this daemon always serves empty for now
    /// (routes 7, rules 8, next hops 11, sync-group tracking 14/15/16/19/22, BFD 17/18, processes 20/21),
    /// with the column range 2.2.7 registers; declared so a GET on them answers noSuchInstance as keepalived does.
    static let emptyTables: [(table: UInt32, columns: ClosedRange<UInt32>)] = [
        (7, 2...55), (8, 2...32), (11, 2...18), (14, 1...3), (15, 2...4),
        (16, 2...4), (17, 2...4), (18, 2...5), (19, 2...4), (20, 2...4), (21, 2...14), (22, 2...4),
    ]

    /// SNMPv2 TruthValue: true(1), false(2) — keepalived's SNMP_TruthValue.
    static func truth(_ value: Bool) -> SNMPValue { .integer(value ? 1 : 2) }

    /// InetAddressType as keepalived's SNMP_InetAddressType: ipv4(1) for AF_INET, else ipv6(2).
    static func addressType(_ family: IPAddress.Family) -> SNMPValue { .integer(family == .inet ? 1 : 2) }

    /// InetScopeType from a kernel scope number (keepalived's snmp_scope).
    static func scope(_ kernelScope: Int) -> Int {
        switch kernelScope {
        case 0: 14
        case 254: 1
        case 253: 2
        case 200: 5
        default: 0
        }
    }

    /// The global scalars (`keepalived.global`).
    public static func addGlobal(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        mib.register(root: global)
        let g = status.global
        mib.scalar(global.appending(1), .string(status.version))
        if let routerId = status.routerId { mib.scalar(global.appending(2), .string(routerId)) } else { mib.declare(global.appending(2)) }
        let smtp = global.appending(3)
        mib.scalar(smtp.appending(1), addressType(g.smtpServer?.family ?? .inet6))
        // keepalived: with no smtp_server the family is unset, which reads as ipv6(2) but with four zero bytes.
        mib.scalar(smtp.appending(2), .octetString(g.smtpServer?.bytes ?? [0, 0, 0, 0]))
        mib.scalar(smtp.appending(3), .gauge32(g.smtpConnectTimeout))
        if let from = g.emailFrom { mib.scalar(smtp.appending(4), .string(from)) } else { mib.declare(smtp.appending(4)) }
        let emailAddress = smtp.appending(5, 1, 2)
        mib.declare(emailAddress)
        for (i, email) in g.emails.enumerated() { mib.cell(emailAddress, [UInt32(i + 1)], .string(email)) }
        mib.scalar(smtp.appending(6), .gauge32(UInt32(g.smtpServerPort)))
        mib.scalar(smtp.appending(7), truth(g.emailFaults))
        func alert(_ value: Bool?) -> SNMPValue { .integer(value.map { $0 ? 1 : 2 } ?? 3) }
        mib.scalar(smtp.appending(8), alert(g.smtpAlert))
        mib.scalar(smtp.appending(9), alert(g.smtpAlertVrrp))
        mib.scalar(smtp.appending(10), alert(g.smtpAlertChecker))
        mib.scalar(global.appending(4), truth(g.trapsEnabled))
        mib.scalar(global.appending(5), .integer(g.linkbeatPolling ? 2 : 1))
        mib.scalar(global.appending(6), truth(g.lvsFlush))
        mib.scalar(global.appending(7), truth(g.ipvs64BitStats))
        mib.scalar(global.appending(8), .string(g.netNamespace ?? ""))
        mib.scalar(global.appending(9), truth(g.dbus))
        mib.scalar(global.appending(10), truth(g.dynamicInterfaces))
        mib.scalar(global.appending(11), .enumeration(g.lvsFlushOnStop))
    }

    /// The VRRP subtree (`keepalived.vrrp`): sync groups, instances, tracking, addresses, scripts.
    public static func addVRRP(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        mib.register(root: vrrp)
        addSyncGroups(status, to: &mib)
        addInstances(status, to: &mib)
        addTracking(status, to: &mib)
        addAddresses(status, to: &mib)
        addScripts(status, to: &mib)
        addFiles(status, to: &mib)
        for (table, columns) in emptyTables {
            for column in columns { mib.declare(entry(table).appending(column)) }
        }
    }

    /// The whole module as one view (global scalars, the VRRP subtree and, with a checker, the check subtree).
    public static func view(_ status: SNMPStatus) -> MIBView {
        var mib = MIBBuilder()
        addGlobal(status, to: &mib)
        addVRRP(status, to: &mib)
        if let checker = status.checker { addCheck(checker, to: &mib) }
        return mib.build()
    }
}
