/// The small value types a vrrp_instance is made of: VRID, priority, state, version, authentication.

/// keepalived.conf: virtual_router_id (1-255). RFC 5798 §5.2.3 "Virtual Rtr ID".
public struct VRID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// keepalived.conf: priority (1-255). RFC 5798 §5.2.4: 255 is the address owner.
public struct Priority: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }

    /// VRRP_PRIO_OWNER: the router that owns the addresses.
    public static let owner = Priority(rawValue: 255)
    /// VRRP_PRIO_DFL: keepalived's default priority.
    public static let `default` = Priority(rawValue: 100)
}

/// keepalived.conf: state MASTER|BACKUP (keepalived's wantstate).
public enum VRRPState: String, Sendable, Hashable {
    case master = "MASTER"
    case backup = "BACKUP"
}

/// keepalived.conf: version 2|3 (and global vrrp_version).
public enum VRRPVersion: Int, Sendable, Hashable {
    /// RFC 3768.
    case v2 = 2
    /// RFC 5798.
    case v3 = 3
}

/// keepalived.conf: authentication { auth_type PASS|AH; auth_pass PASSWORD } (VRRPv2 only).
public struct VRRPAuthentication: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// RFC 2338 simple text password.
        case pass = "PASS"
        /// IPsec AH (RFC 2338 §5.3.6.3).
        case ah = "AH"
    }

    /// keepalived.conf: auth_type
    public var type: Kind?
    /// keepalived.conf: auth_pass (at most 8 bytes, as keepalived truncates it).
    public var password: [UInt8] = []
    public var location: SourceLocation

    public init(type: Kind? = nil, password: [UInt8] = [], location: SourceLocation) {
        self.type = type
        self.password = password
        self.location = location
    }
}

/// keepalived.conf: unicast_peer { ADDR [min_ttl N] [max_ttl N] }
public struct UnicastPeer: Sendable, Hashable {
    public var address: IPAddress
    /// keepalived.conf: min_ttl (default 0)
    public var minTTL: UInt8 = 0
    /// keepalived.conf: max_ttl (default 255)
    public var maxTTL: UInt8 = 255
    public var location: SourceLocation

    public init(address: IPAddress, minTTL: UInt8 = 0, maxTTL: UInt8 = 255, location: SourceLocation) {
        self.address = address
        self.minTTL = minTTL
        self.maxTTL = maxTTL
        self.location = location
    }
}

/// keepalived.conf: track_interface { IFNAME [weight W [reverse]] }
public struct TrackedInterface: Sendable, Hashable {
    public var name: String
    /// -253...253; 0 means the instance goes to FAULT when the interface is down.
    public var weight: Int = 0
    public var reverse = false
    public var location: SourceLocation

    public init(name: String, weight: Int = 0, reverse: Bool = false, location: SourceLocation) {
        self.name = name
        self.weight = weight
        self.reverse = reverse
        self.location = location
    }
}

/// keepalived.conf: track_script / track_file / track_process / track_bfd item:
/// `NAME [weight W [reverse|noreverse]]`, resolved against the tracker of that name.
public struct TrackedObject: Sendable, Hashable {
    public var name: String
    /// The weight written on the line; nil means the tracker's own `weight`.
    public var weight: Int?
    /// `reverse`/`noreverse` written on the line; nil means the tracker's own setting.
    public var reverse: Bool?
    public var location: SourceLocation

    public init(name: String, weight: Int? = nil, reverse: Bool? = nil, location: SourceLocation) {
        self.name = name
        self.weight = weight
        self.reverse = reverse
        self.location = location
    }
}

/// keepalived.conf: use_ipvlan [IFNAME] [ADDR] [bridge|private|vepa]
public enum IPVLANMode: String, Sendable, Hashable {
    case bridge, `private`, vepa
}

/// keepalived.conf: use_vmac / use_ipvlan and the keywords that refine them.
public struct VirtualMACSettings: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case macvlan, ipvlan }
    public var kind: Kind
    /// The interface name given on the line (otherwise keepalived picks vrrp.VRID, vrrp6.VRID...).
    public var interfaceName: String?
    /// use_vmac MAC: a fixed MAC address (six bytes), or five bytes followed by the VRID.
    public var macAddress: [UInt8]?
    /// The MAC address was given with five bytes: the last one is the VRID.
    public var macEndsWithVRID = false
    /// keepalived.conf: ipvlan type
    public var ipvlanMode: IPVLANMode?
    /// keepalived.conf: use_ipvlan ADDR
    public var ipvlanAddress: IPPrefix?

    public init(kind: Kind) { self.kind = kind }
}

/// keepalived.conf: old_unicast_checksum [never]
public enum UnicastChecksumCompatibility: Sendable, Hashable {
    /// The keyword alone: use the pre-1.3.6 checksum.
    case configured
    /// `never`.
    case never
}
