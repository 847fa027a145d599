/// The KEEPALIVED-MIB VRRP tables, cell by cell as keepalived 2.2.7's vrrp_snmp.c serves them.
extension KeepalivedMIB {
    static func addSyncGroups(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let e = syncGroupEntry
        for column: UInt32 in 2...11 { mib.declare(e.appending(column)) }
        mib.declare(syncGroupMemberEntry.appending(2))
        for (g, group) in status.syncGroups.enumerated() {
            let index: [UInt32] = [UInt32(g + 1)]
            mib.cell(e.appending(2), index, .string(group.name))
            mib.cell(e.appending(3), index, .enumeration(group.state.tableValue))
            mib.cell(e.appending(4), index, truth(group.smtpAlert))
            mib.cell(e.appending(5), index, truth(group.notifyExec))
            mib.cell(e.appending(6), index, group.notifyMaster.map(SNMPValue.string))
            mib.cell(e.appending(7), index, group.notifyBackup.map(SNMPValue.string))
            mib.cell(e.appending(8), index, group.notifyFault.map(SNMPValue.string))
            mib.cell(e.appending(9), index, group.notify.map(SNMPValue.string))
            mib.cell(e.appending(10), index, truth(group.trackingWeight))
            mib.cell(e.appending(11), index, group.notifyStop.map(SNMPValue.string))
            for (m, member) in group.members.enumerated() {
                mib.cell(syncGroupMemberEntry.appending(2), [UInt32(g + 1), UInt32(m + 1)], .string(member))
            }
        }
    }

    static func addInstances(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let e = instanceEntry
        for column: UInt32 in 2...35 { mib.declare(e.appending(column)) }
        for (i, vrrp) in status.instances.enumerated() {
            let index: [UInt32] = [UInt32(i + 1)]
            func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(e.appending(column), index, value) }
            let isV3 = vrrp.vrrpVersion == 3
            put(2, .string(vrrp.name))
            put(3, .gauge32(UInt32(vrrp.vrid)))
            put(4, .enumeration(vrrp.state.tableValue))
            put(5, .enumeration(vrrp.initialState.tableValue))
            put(6, .enumeration(vrrp.wantedState.tableValue))
            put(7, .enumeration(vrrp.basePriority))
            put(8, .enumeration(vrrp.effectivePriority))
            put(9, truth(vrrp.vipsSet))
            put(10, vrrp.interface.map { .string($0.name) })
            // keepalived: reports whether track_interface is non-empty.
            put(11, truth(!vrrp.trackedInterfaces.isEmpty))
            // keepalived: seconds for v2, centiseconds for v3.
            put(12, .gauge32(UInt32(truncatingIfNeeded: isV3 ? vrrp.advertInterval / 10_000 : vrrp.advertInterval / 1_000_000)))
            put(13, truth(vrrp.preempt))
            put(14, .gauge32(UInt32(truncatingIfNeeded: vrrp.preemptDelay / 1_000_000)))
            put(15, .enumeration(isV3 ? 0 : vrrp.authType))
            put(16, truth(vrrp.lvsSyncInterface != nil))
            put(17, vrrp.lvsSyncInterface.map(SNMPValue.string))
            put(18, vrrp.syncGroup.map(SNMPValue.string))
            put(19, .gauge32(UInt32(truncatingIfNeeded: vrrp.garpDelay / 1_000_000)))
            put(20, truth(vrrp.smtpAlert))
            put(21, truth(vrrp.notifyExec))
            put(22, vrrp.notifyMaster.map(SNMPValue.string))
            put(23, vrrp.notifyBackup.map(SNMPValue.string))
            put(24, vrrp.notifyFault.map(SNMPValue.string))
            put(25, vrrp.notifyStop.map(SNMPValue.string))
            put(26, vrrp.notify.map(SNMPValue.string))
            // keepalived: accept is only offered for v3; a v2 instance reads 0.
            put(27, isV3 ? truth(vrrp.accept) : .integer(0))
            put(28, truth(vrrp.promoteSecondaries))
            put(29, truth(vrrp.linkbeatPolling))
            put(30, .enumeration(vrrp.vrrpVersion))
            put(31, vrrp.notifyMasterRxLowerPri.map(SNMPValue.string))
            put(32, vrrp.notifyDeletedScript.map(SNMPValue.string))
            put(33, truth(vrrp.notifyDeleted))
            put(34, vrrp.unicast ? nil : addressType(vrrp.multicastAddress.family))
            put(35, vrrp.unicast ? nil : .octetString(vrrp.multicastAddress.bytes))
        }
    }

    /// vrrpTrackedInterfaceTable and vrrpTrackedScriptTable: index (instance position, entry position).
    static func addTracking(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let ifEntry = trackedInterfaceEntry, scEntry = trackedScriptEntry
        for column: UInt32 in 1...3 { mib.declare(ifEntry.appending(column)) }
        for column: UInt32 in 2...4 { mib.declare(scEntry.appending(column)) }
        for (i, vrrp) in status.instances.enumerated() {
            for (t, tracked) in vrrp.trackedInterfaces.enumerated() {
                let index: [UInt32] = [UInt32(i + 1), UInt32(t + 1)]
                mib.cell(ifEntry.appending(1), index, .string(tracked.name))
                mib.cell(ifEntry.appending(2), index, .enumeration(tracked.weight))
                mib.cell(ifEntry.appending(3), index, truth(tracked.weightReverse))
            }
            for (t, tracked) in vrrp.trackedScripts.enumerated() {
                let index: [UInt32] = [UInt32(i + 1), UInt32(t + 1)]
                mib.cell(scEntry.appending(2), index, .string(tracked.name))
                mib.cell(scEntry.appending(3), index, .enumeration(tracked.weight))
                mib.cell(scEntry.appending(4), index, truth(tracked.weightReverse))
            }
        }
    }

    /// vrrpAddressTable: index (instance position, address position); instance 0 holds static_ipaddress,
    /// then each instance's VIPs followed by its eVIPs under one address sequence.
    ///
    /// keepalived: 2.2.7 marks only the first instance's VIPs advertised(1); static addresses, eVIPs and the
    /// VIPs of every later instance read notAdvertised(2) (its walk never resets the flag). Reproduced as served.
    static func addAddresses(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let e = addressEntry
        for column: UInt32 in 2...12 { mib.declare(e.appending(column)) }
        func add(_ address: SNMPStatus.Address, _ index: [UInt32], advertised: Bool) {
            func put(_ column: UInt32, _ value: SNMPValue?) { mib.cell(e.appending(column), index, value) }
            let isV4 = address.address.family == .inet
            put(2, addressType(address.address.family))
            // The raw address bytes, 4 or 16: snmpwalk shows them as Hex-STRING.
            put(3, .octetString(address.address.bytes))
            put(4, isV4 ? .octetString(address.broadcast?.bytes ?? [0, 0, 0, 0]) : nil)
            put(5, .gauge32(UInt32(address.prefixLength)))
            put(6, .enumeration(scope(address.scope)))
            put(7, .integer(Int32(truncatingIfNeeded: address.ifIndex)))
            put(8, .string(address.ifName))
            put(9, address.label.map(SNMPValue.string))
            put(10, truth(address.isSet))
            put(11, truth(advertised))
            put(12, address.peer.map { .octetString($0.bytes) })
        }
        for (a, address) in status.staticAddresses.enumerated() { add(address, [0, UInt32(a + 1)], advertised: false) }
        for (i, vrrp) in status.instances.enumerated() {
            for (a, address) in (vrrp.vips + vrrp.excludedVips).enumerated() {
                add(address, [UInt32(i + 1), UInt32(a + 1)], advertised: i == 0 && a < vrrp.vips.count)
            }
        }
    }

    /// vrrpScriptTable: index script position.
    static func addScripts(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let e = scriptEntry
        for column: UInt32 in 2...9 { mib.declare(e.appending(column)) }
        for (s, script) in status.scripts.enumerated() {
            let index: [UInt32] = [UInt32(s + 1)]
            mib.cell(e.appending(2), index, .string(script.name))
            mib.cell(e.appending(3), index, .string(script.command))
            mib.cell(e.appending(4), index, .enumeration(script.interval))
            mib.cell(e.appending(5), index, .enumeration(script.weight))
            mib.cell(e.appending(6), index, .enumeration(script.result.rawValue))
            mib.cell(e.appending(7), index, .gauge32(script.rise))
            mib.cell(e.appending(8), index, .gauge32(script.fall))
            mib.cell(e.appending(9), index, truth(script.weightReverse))
        }
    }

    /// vrrpTrackedFileTable (12), index (instance position, entry position), and vrrpFileTable (13), index
    /// file position. keepalived: the tracked-file rows show the track_file's own weight, not the instance's override.
    static func addFiles(_ status: SNMPStatus, to mib: inout MIBBuilder) {
        let tracked = entry(12), file = entry(13)
        for column: UInt32 in 2...4 { mib.declare(tracked.appending(column)) }
        for column: UInt32 in 2...6 { mib.declare(file.appending(column)) }
        let byName = Dictionary(status.files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, vrrp) in status.instances.enumerated() {
            for (t, name) in vrrp.trackedFiles.enumerated() {
                let index: [UInt32] = [UInt32(i + 1), UInt32(t + 1)]
                mib.cell(tracked.appending(2), index, .string(name))
                mib.cell(tracked.appending(3), index, .enumeration(byName[name]?.weight ?? 0))
                mib.cell(tracked.appending(4), index, truth(byName[name]?.weightReverse ?? false))
            }
        }
        for (f, tracked) in status.files.enumerated() {
            let index: [UInt32] = [UInt32(f + 1)]
            mib.cell(file.appending(2), index, .string(tracked.name))
            mib.cell(file.appending(3), index, .string(tracked.path))
            mib.cell(file.appending(4), index, .integer(Int32(clamping: tracked.value)))
            mib.cell(file.appending(5), index, .enumeration(tracked.weight))
            mib.cell(file.appending(6), index, truth(tracked.weightReverse))
        }
    }
}
