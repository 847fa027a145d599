/// SNMP SET on KEEPALIVED-MIB: which objects a manager may write, checked as keepalived 2.2.7's
/// write methods check them (vrrp_snmp.c for the instance table, check_snmp.c for realServerWeight).
///
/// keepalived reads only the first byte of the value a manager sends (the low byte on this
/// architecture): a base priority of 300 becomes 44, 256 is refused like 0, a preempt of 257 is 1.
/// We do the same, so the same SET does the same thing to either daemon.
public enum SNMPWrite: Sendable, Hashable {
    /// vrrpInstanceBasePriority: the instance's configured priority (keepalived.conf: priority).
    case basePriority(instance: String, priority: UInt8)
    /// vrrpInstancePreempt: preempt(1) clears, noPreempt(2) sets keepalived.conf's nopreempt.
    case preempt(instance: String, enabled: Bool)
    /// realServerWeight: the real server's weight (keepalived.conf: weight), positions counted in
    /// configuration order from 0 (the sorry server is not one of them).
    case realServerWeight(virtualServer: Int, realServer: Int, weight: UInt8)

    /// Why a SET is refused, with the SNMP error status it carries (RFC 3416 §4.2.5).
    public enum Refusal: Int32, Sendable, Hashable, Error {
        case noAccess = 6
        case wrongType = 7
        case wrongValue = 10
        case notWritable = 17
    }

    /// The change a SET of `oid` asks for, checked against `view` (the rows that exist now).
    /// `integer` is the value when the manager sent an INTEGER, nil for any other type.
    public static func request(_ oid: OID, integer: Int?, in view: MIBView) -> Result<SNMPWrite, Refusal> {
        if let (column, index) = cell(oid, in: KeepalivedMIB.instanceEntry) {
            return instance(column: column, row: index[0], integer: integer, in: view)
        }
        if let (column, index) = cell(oid, in: KeepalivedMIB.realServerEntry, indexLength: 2), column == 7 {
            // keepalived gives the sorry server's row no weight, so there is nothing to write.
            guard view.get(oid).value != nil else { return .failure(.notWritable) }
            guard let integer else { return .failure(.wrongType) }
            let sorry = view.get(KeepalivedMIB.realServerEntry.appending(2, index[0], 1)).value == KeepalivedMIB.truth(false)
            return .success(.realServerWeight(virtualServer: Int(index[0]) - 1, realServer: Int(index[1]) - 1 - (sorry ? 1 : 0),
                                              weight: UInt8(truncatingIfNeeded: integer)))
        }
        return .failure(.notWritable)
    }

    /// vrrpInstanceTable's writable columns: base priority (7), preempt (13), and accept (27),
    /// whose write keepalived 2.2.7 leaves out of Debian's build: it refuses it with noAccess for a
    /// VRRPv3 instance and, offering no write at all for a VRRPv2 one, notWritable.
    private static func instance(column: UInt32, row: UInt32, integer: Int?, in view: MIBView) -> Result<SNMPWrite, Refusal> {
        let entry = KeepalivedMIB.instanceEntry
        guard case let .octetString(bytes)? = view.get(entry.appending(2, row)).value else { return .failure(.notWritable) }
        let name = String(decoding: bytes, as: UTF8.self)
        let lowByte = integer.map { UInt8(truncatingIfNeeded: $0) }
        switch column {
        case 7:
            guard let lowByte else { return .failure(.wrongType) }
            guard lowByte != 0 else { return .failure(.wrongValue) }
            return .success(.basePriority(instance: name, priority: lowByte))
        case 13:
            guard let lowByte else { return .failure(.wrongType) }
            guard lowByte == 1 || lowByte == 2 else { return .failure(.wrongValue) }
            return .success(.preempt(instance: name, enabled: lowByte == 1))
        case 27:
            return .failure(view.get(entry.appending(30, row)).value == .integer(3) ? .noAccess : .notWritable)
        default:
            return .failure(.notWritable)
        }
    }

    /// The column and index of `oid` when it names a cell of the table entry `entry`.
    private static func cell(_ oid: OID, in entry: OID, indexLength: Int = 1) -> (UInt32, [UInt32])? {
        guard oid.hasPrefix(entry), oid.arcs.count == entry.arcs.count + 1 + indexLength else { return nil }
        let rest = oid.arcs.dropFirst(entry.arcs.count)
        return (rest.first!, Array(rest.dropFirst()))
    }
}
