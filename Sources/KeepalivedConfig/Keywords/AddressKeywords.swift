/// static_ipaddress, static_routes, static_rules, and the address/route/rule line syntax shared
/// with virtual_ipaddress, virtual_ipaddress_excluded, virtual_routes and virtual_rules.
enum AddressKeywords {
    static let rootEntries: [KeywordTable.Entry] = []

    /// Where an address line appears: the rules differ slightly (use_vmac only for VIPs, track_group
    /// only for static addresses).
    enum AddressContext { case staticAddress, virtualAddress, excludedAddress }

    /// Parses one address line (keepalived's parse_ipaddress / alloc_ipaddress).
    static func parseAddress(_ parser: ConfigParser, _ line: KeywordLine, context: AddressContext) -> VirtualAddress? {
        nil
    }

    /// Parses one route line (keepalived's alloc_route).
    static func parseRoute(_ parser: ConfigParser, _ line: KeywordLine, isStatic: Bool) -> Route? {
        nil
    }

    /// Parses one rule line (keepalived's alloc_rule).
    static func parseRule(_ parser: ConfigParser, _ line: KeywordLine, isStatic: Bool) -> Rule? {
        nil
    }
}
