import CNetSNMP
import SNMPModel

/// SNMPValue into net-snmp's variable lists: answers and trap varbinds.
enum VarbindEncoding {
    /// Sets an answer's type and value.
    static func set(_ varbind: UnsafeMutablePointer<netsnmp_variable_list>, _ value: SNMPValue) {
        withBytes(value) { type, pointer, length in
            _ = snmp_set_var_typed_value(varbind, type, pointer, length)
        }
    }

    /// A varbind's name.
    static func name(of varbind: UnsafeMutablePointer<netsnmp_variable_list>) -> OID {
        OID(UnsafeBufferPointer(start: varbind.pointee.name, count: varbind.pointee.name_length).map { UInt32(truncatingIfNeeded: $0) })
    }

    /// send_v2trap with snmpTrapOID.0 first and the payload after it; the master adds sysUpTime.0.
    static func sendTrap(_ notification: SNMPNotification) {
        var list: UnsafeMutablePointer<netsnmp_variable_list>?
        for binding in notification.varbinds {
            var arcs = binding.oid.arcs.map { oid($0) }
            withBytes(binding.value) { type, pointer, length in
                _ = snmp_varlist_add_variable(&list, &arcs, arcs.count, type, pointer, length)
            }
        }
        guard let list else { return }
        send_v2trap(list)
        snmp_free_varbind(list)
    }

    /// The value in net-snmp's in-memory form: integers as C longs, Counter64 as two halves, OIDs as `oid` arrays.
    private static func withBytes(_ value: SNMPValue, _ body: (UInt8, UnsafeRawPointer?, Int) -> Void) {
        switch value {
        case let .integer(number):
            var long = Int(number)
            body(value.asnType, &long, MemoryLayout<Int>.size)
        case let .gauge32(number), let .counter32(number), let .timeticks(number):
            var long = UInt(number)
            body(value.asnType, &long, MemoryLayout<UInt>.size)
        case let .counter64(number):
            var halves = counter64(high: UInt(number >> 32), low: UInt(number & 0xffff_ffff))
            body(value.asnType, &halves, MemoryLayout<counter64>.size)
        case let .octetString(bytes), let .ipAddress(bytes):
            bytes.withUnsafeBytes { body(value.asnType, $0.baseAddress, bytes.count) }
        case let .objectIdentifier(identifier):
            let arcs = identifier.arcs.map { oid($0) }
            arcs.withUnsafeBytes { body(value.asnType, $0.baseAddress, $0.count) }
        }
    }
}
