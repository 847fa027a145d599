/// Small wrapper types for VRRP's numbers (RFC 5798 §5.2), so a VRID is never a priority.

/// RFC 5798 §5.2.3 Virtual Rtr ID: 1-255.
public struct VRID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ value: UInt8) { self.rawValue = value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// RFC 5798 §5.2.4 Priority: 255 for the address owner, 1-254 for backups, 0 to give up mastership.
public struct Priority: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ value: UInt8) { self.rawValue = value }
    public static let owner = Priority(255)
    public static let releasingMastership = Priority(0)
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// A duration in hundredths of a second, VRRPv3's unit for Max Adver Int (RFC 5798 §5.2.7).
public struct Centiseconds: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ value: UInt16) { self.rawValue = value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var microseconds: UInt64 { UInt64(rawValue) * 10_000 }
    public var description: String { "\(rawValue)cs" }
}

/// The protocol version: RFC 3768 (2) or RFC 5798 (3).
public enum VRRPVersion: UInt8, Sendable, Hashable {
    case v2 = 2
    case v3 = 3
}

/// The address family an instance runs over.
public enum AddressFamily: Sendable, Hashable {
    case ipv4, ipv6

    /// Bytes per address in the advertisement's address list.
    public var addressLength: Int { self == .ipv4 ? 4 : 16 }
}

/// VRRPv2 Auth Type (RFC 3768 §5.3.6; AH from RFC 2338).
public enum AuthenticationType: UInt8, Sendable, Hashable {
    case none = 0
    case simplePassword = 1
    case ipsecAH = 2
}

/// IP protocol numbers VRRP uses.
public enum IPProtocolNumber {
    public static let vrrp: UInt8 = 112
    public static let ah: UInt8 = 51
}
