/// A VRRP advertisement (RFC 3768 §5.1 for v2, RFC 5798 §5.1 for v3), without the IP header.
///
///     v2:  |ver|type| VRID | Priority | Count IPvX | Auth Type | Adver Int | Checksum | addresses | auth data (8)
///     v3:  |ver|type| VRID | Priority | Count IPvX | rsvd|Max Adver Int (12 bits) | Checksum | addresses
public struct Advertisement: Sendable, Hashable {
    public var version: VRRPVersion
    /// RFC 5798 §5.2.2: only 1 (ADVERTISEMENT) is defined; kept raw so a bad type can be reported.
    public var type: UInt8 = 1
    public var vrid: VRID
    public var priority: Priority
    /// The addresses carried (network order, 4 or 16 bytes each).
    public var addresses: [[UInt8]]
    /// v3: Max Adver Int in centiseconds (12 bits). v2: Adver Int in seconds, in the low 8 bits.
    public var interval: UInt16
    /// v2 only.
    public var authenticationType: AuthenticationType = .none
    /// v2 only: the 8 bytes after the addresses (the password for simple authentication).
    public var authenticationData: [UInt8] = Array(repeating: 0, count: 8)
    /// The version nibble as received (decoding keeps unknown versions so they can be counted).
    public var rawVersion: UInt8
    /// The v2 Auth Type byte as received (it may be none of the defined types).
    public var rawAuthenticationType: UInt8
    /// The sequence number of the AH header the advert came in, once AH authenticated it.
    public var ipsecAHSequenceNumber: UInt32?

    public init(
        version: VRRPVersion, vrid: VRID, priority: Priority, addresses: [[UInt8]], interval: UInt16,
        authenticationType: AuthenticationType = .none, authenticationData: [UInt8] = Array(repeating: 0, count: 8)
    ) {
        self.version = version
        self.vrid = vrid
        self.priority = priority
        self.addresses = addresses
        self.interval = interval
        self.authenticationType = authenticationType
        self.authenticationData = authenticationData
        self.rawVersion = version.rawValue
        self.rawAuthenticationType = authenticationType.rawValue
    }

    static let headerLength = 8
    static let authenticationDataLength = 8

    /// Length of the VRRP part for `count` addresses (keepalived's expected_vrrp_pkt_len).
    public static func length(version: VRRPVersion, family: AddressFamily, count: Int) -> Int {
        headerLength + count * family.addressLength + (version == .v2 ? authenticationDataLength : 0)
    }
}
