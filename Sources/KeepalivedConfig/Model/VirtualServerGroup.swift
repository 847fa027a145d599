/// A named set of addresses, ranges and firewall marks one virtual_server can stand for.

/// keepalived.conf: virtual_server_group NAME { ... }
public struct VirtualServerGroup: Sendable, Hashable {
    /// One line of the group.
    public enum Entry: Sendable, Hashable {
        /// `IP [PORT]`, `IP-LASTOCTET [PORT]`, `IP-IP [PORT]`, `IP/PREFIX [PORT]`: the addresses
        /// `first...last` (equal for a single address); port nil means "no port" (persistence only).
        case addresses(first: IPAddress, last: IPAddress, port: UInt16?)
        /// `fwmark N [inet|inet6]`
        case fwmark(UInt32, family: IPAddress.Family?)
    }

    /// The group's name.
    public var name: String
    /// The accepted entries, in file order (keepalived keeps address ranges and fwmarks apart).
    public var entries: [Entry] = []
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// Whether any entry is IPv4 (an address range or an `inet` fwmark).
    public var hasIPv4: Bool { entries.contains { $0.family == .inet } }
    /// Whether any entry is IPv6 (an address range or an `inet6` fwmark).
    public var hasIPv6: Bool { entries.contains { $0.family == .inet6 } }
    /// Whether a fwmark entry was given without a family.
    public var hasFwmarkWithoutFamily: Bool {
        entries.contains { if case .fwmark(_, nil) = $0 { return true }; return false }
    }
    public var addressEntries: [Entry] { entries.filter { if case .addresses = $0 { return true }; return false } }
    public var fwmarkEntries: [Entry] { entries.filter { if case .fwmark = $0 { return true }; return false } }
}

extension VirtualServerGroup.Entry {
    /// The entry's address family, if it has one.
    public var family: IPAddress.Family? {
        switch self {
        case let .addresses(first, _, _): first.family
        case let .fwmark(_, family): family
        }
    }

    /// The port of an address entry (nil for none or for a fwmark).
    public var port: UInt16? {
        if case let .addresses(_, _, port) = self { return port }
        return nil
    }

    /// keepalived's format_vsge: `FWM n`, `addr,port` or `first-last,port`.
    var keepalivedDescription: String {
        switch self {
        case let .fwmark(mark, _): return "FWM \(mark)"
        case let .addresses(first, last, port):
            return first == last ? "\(first),\(port ?? 0)" : "\(first)-\(last),\(port ?? 0)"
        }
    }
}
