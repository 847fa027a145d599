/// A value as an SNMP agent returns it: the SMIv2 base types the KEEPALIVED, VRRP and VRRPv3 MIBs use.
public enum SNMPValue: Hashable, Sendable {
    /// INTEGER / Integer32 and enumerations (ASN.1 tag 0x02).
    case integer(Int32)
    /// Gauge32 / Unsigned32 (application tag 0x42); net-snmp's ASN_UNSIGNED.
    case gauge32(UInt32)
    /// Counter32 (0x41).
    case counter32(UInt32)
    /// Counter64 (0x46).
    case counter64(UInt64)
    /// TimeTicks, hundredths of a second (0x43).
    case timeticks(UInt32)
    /// OCTET STRING (0x04): DisplayString, InetAddress, MacAddress.
    case octetString([UInt8])
    /// IpAddress (0x40): exactly four bytes in network order.
    case ipAddress([UInt8])
    /// OBJECT IDENTIFIER (0x06).
    case objectIdentifier(OID)

    /// A DisplayString: the UTF-8 bytes, no terminating NUL.
    public static func string(_ text: String) -> SNMPValue { .octetString(Array(text.utf8)) }

    /// An enumeration or TruthValue given as its number.
    public static func enumeration(_ value: Int) -> SNMPValue { .integer(Int32(truncatingIfNeeded: value)) }

    /// The ASN.1 / SMI tag net-snmp uses for the type (ASN_INTEGER, ASN_GAUGE, ...).
    public var asnType: UInt8 {
        switch self {
        case .integer: 0x02
        case .octetString: 0x04
        case .objectIdentifier: 0x06
        case .ipAddress: 0x40
        case .counter32: 0x41
        case .gauge32: 0x42
        case .timeticks: 0x43
        case .counter64: 0x46
        }
    }

    /// The type name as snmpwalk prints it ahead of the value (`Gauge32`, `STRING`/`Hex-STRING` both map to OCTET STRING).
    public var typeName: String {
        switch self {
        case .integer: "INTEGER"
        case .gauge32: "Gauge32"
        case .counter32: "Counter32"
        case .counter64: "Counter64"
        case .timeticks: "Timeticks"
        case .octetString: "OCTET STRING"
        case .ipAddress: "IpAddress"
        case .objectIdentifier: "OID"
        }
    }
}
