/// An address line of static_ipaddress, virtual_ipaddress or virtual_ipaddress_excluded.
///
/// `ADDR[/PREFIX] [dev DEV] [scope SCOPE] [brd|broadcast ADDR|+|-] [label LABEL] [peer ADDR] [home]
/// [-nodad] [mngtmpaddr] [noprefixroute] [autojoin] [preferred_lft SECONDS|forever] [no_track]
/// [use_vmac] [track_group GROUP]`
public struct VirtualAddress: Sendable, Hashable {
    /// keepalived.conf: ADDR[/PREFIX] (with `peer`, the prefix is the peer's full length)
    public var prefix: IPPrefix
    public var location: SourceLocation
    /// keepalived.conf: dev DEV; nil means the instance's interface (or the default interface for
    /// static addresses, see `VirtualAddress.defaultInterface`).
    public var interface: String?
    /// keepalived.conf: scope SCOPE (rt_scopes name or number); 0 (global) unless given. IPv4 only.
    public var scope: UInt8 = 0
    /// keepalived.conf: brd / broadcast ADDR | + | -
    public var broadcast: Broadcast?
    /// keepalived.conf: label LABEL (IPv4 only, at most 15 characters)
    public var label: String?
    /// keepalived.conf: peer ADDR
    public var peer: IPAddress?
    /// keepalived.conf: home (IFA_F_HOMEADDRESS)
    public var home = false
    /// keepalived.conf: -nodad. keepalived adds IPv6 addresses with IFA_F_NODAD unless this is given.
    public var duplicateAddressDetection = false
    /// keepalived.conf: mngtmpaddr (IFA_F_MANAGETEMPADDR)
    public var manageTemporaryAddresses = false
    /// keepalived.conf: noprefixroute (IFA_F_NOPREFIXROUTE)
    public var noPrefixRoute = false
    /// keepalived.conf: autojoin (IFA_F_MCAUTOJOIN)
    public var autoJoin = false
    /// keepalived.conf: preferred_lft SECONDS | forever. nil for IPv4 addresses without it; IPv6
    /// addresses default to 0 for a /128 and `forever` otherwise (keepalived's old defaults).
    public var preferredLifetime: UInt32?
    /// keepalived.conf: no_track
    public var noTrack = false
    /// keepalived.conf: use_vmac (virtual_ipaddress and virtual_ipaddress_excluded only)
    public var useVMAC = false
    /// keepalived.conf: track_group GROUP (static_ipaddress only)
    public var trackGroup: String?

    public init(prefix: IPPrefix, location: SourceLocation) { self.prefix = prefix; self.location = location }

    /// `preferred_lft forever` (INFINITY_LIFE_TIME).
    public static let foreverLifetime = UInt32.max
    /// The interface keepalived gives a static address without `dev` when global_defs has no
    /// default_interface (DFLT_INT).
    public static let defaultInterface = "eth0"

    /// The broadcast request of `brd`.
    public enum Broadcast: Sendable, Hashable {
        /// `brd +`: host bits set.
        case hostBitsSet
        /// `brd -`: host bits cleared.
        case hostBitsCleared
        /// `brd ADDR`
        case address(IPAddress)
    }

    /// The broadcast address keepalived installs: `+`/`-` worked out from the address (or the
    /// peer) and the prefix; nil with a peer or when the prefix is longer than /30.
    public var broadcastAddress: IPAddress? {
        guard peer == nil, let broadcast else { return nil }
        switch broadcast {
        case let .address(address): return address
        case .hostBitsSet, .hostBitsCleared:
            guard case let .v4(base) = prefix.address, prefix.length <= 30 else { return nil }
            let mask: UInt32 = prefix.length == 0 ? UInt32.max : UInt32.max >> UInt32(prefix.length)
            return .v4(broadcast == .hostBitsSet ? base | mask : base & ~mask)
        }
    }
}
