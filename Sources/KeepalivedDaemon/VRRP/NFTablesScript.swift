/// The nft commands that lay out keepalived 2.2.7's VRRP firewall table (vrrp_nftables.c): per
/// family a table with `out` and `in` filter chains and a `vips` set whose members are dropped, so
/// a master without accept mode neither takes nor sends traffic for its virtual addresses.
/// Pure text: `NFTablesFirewall` feeds it to `nft -f -`.
///
///     table ip keepalived                         table ip6 keepalived
///       set vips (ipv4_addr)                        set vips (ipv6_addr), neighbor-discovery,
///       chain out: ip saddr @vips drop                  vips_link_local (ipv6_addr . iface_index)
///       chain in:  ip daddr @vips drop              chain out/in: ND accepted, fe80::/10 to the
///                                                     *_link_local chains, @vips dropped
struct NFTablesScript: Sendable, Equatable {
    /// keepalived.conf: nftables [TABLE] (keepalived's default "keepalived").
    var table: String
    /// keepalived.conf: nftables_priority (keepalived's default -1: just before the filter hooks).
    var priority: Int32 = -1
    /// keepalived.conf: nftables_counters (a counter on every rule).
    var counters = false
    /// keepalived.conf: nftables_ifindex (link-local VIPs of dont_track_primary instances keyed by
    /// interface index too, not by name).
    var useIfindex = false

    /// The nftables family keyword for 4- or 16-byte addresses.
    static func family(ipv6: Bool) -> String { ipv6 ? "ip6" : "ip" }

    private var verdictPrefix: String { counters ? "counter " : "" }

    private func baseChain(_ family: String, _ name: String, hook: String) -> String {
        "add chain \(family) \(table) \(name) { type filter hook \(hook) priority \(priority); policy accept; }"
    }

    private func rule(_ family: String, _ chain: String, _ match: String, _ verdict: String) -> String {
        "add rule \(family) \(table) \(chain) \(match) \(verdictPrefix)\(verdict)"
    }

    /// The table, its chains, the `vips` set and the drop rules, in keepalived's creation order
    /// (`nft list` shows chains in that order).
    func setup(ipv6: Bool) -> [String] {
        let family = Self.family(ipv6: ipv6)
        let ip = ipv6 ? "ip6" : "ip"
        var lines = ["add table \(family) \(table)", baseChain(family, "out", hook: "output"), baseChain(family, "in", hook: "input")]
        if ipv6 {
            lines += [
                "add chain ip6 \(table) in_link_local",
                "add chain ip6 \(table) out_link_local",
                "add set ip6 \(table) vips { type ipv6_addr; }",
                "add set ip6 \(table) neighbor-discovery { type icmpv6_type; flags constant; "
                    + "elements = { nd-neighbor-solicit, nd-neighbor-advert }; }",
                rule(family, "in", "icmpv6 type @neighbor-discovery", "accept"),
                rule(family, "in", "ip6 daddr fe80::/10", "goto in_link_local"),
                rule(family, "out", "icmpv6 type @neighbor-discovery", "accept"),
                rule(family, "out", "ip6 saddr fe80::/10", "goto out_link_local"),
            ]
        } else {
            lines.append("add set ip \(table) vips { type ipv4_addr; }")
        }
        lines.append(rule(family, "in", "\(ip) daddr @vips", "drop"))
        lines.append(rule(family, "out", "\(ip) saddr @vips", "drop"))
        return lines
    }

    /// keepalived adds a link-local set and its two rules when its first VIP comes: keyed by
    /// interface index, or by name (`byName`) for dont_track_primary instances.
    func setupLinkLocal(byName: Bool) -> [String] {
        let set = byName ? "vips_link_local_name" : "vips_link_local"
        let (type, input, output) = byName ? ("ifname", "iifname", "oifname") : ("iface_index", "iif", "oif")
        return [
            "add set ip6 \(table) \(set) { type ipv6_addr . \(type); }",
            rule("ip6", "in_link_local", "ip6 daddr . \(input) @\(set)", "drop"),
            rule("ip6", "out_link_local", "ip6 saddr . \(output) @\(set)", "drop"),
        ]
    }

    /// `add element` / `delete element` for one set.
    func elements(add: Bool, _ elements: [NFTablesElement]) -> [String] {
        guard let first = elements.first else { return [] }
        let list = elements.map(\.text).joined(separator: ", ")
        return ["\(add ? "add" : "delete") element \(Self.family(ipv6: first.address.count == 16)) \(table) \(first.setName) { \(list) }"]
    }

    /// What `nft_end` leaves: nothing.
    func teardown(ipv6: Bool) -> String { "delete table \(Self.family(ipv6: ipv6)) \(table)" }
}

/// One member of the drop sets: a virtual address, and for an IPv6 link-local one its interface.
struct NFTablesElement: Sendable, Hashable {
    var address: [UInt8]
    /// The interface a link-local address lives on.
    var interfaceName: String?
    /// A link-local address keyed by interface name rather than index (dont_track_primary).
    var byName = false

    var isLinkLocal: Bool { address.count == 16 && address[0] == 0xfe && address[1] & 0xc0 == 0x80 }
    var setName: String { isLinkLocal ? (byName ? "vips_link_local_name" : "vips_link_local") : "vips" }
    var text: String {
        let address = IPAddressText.format(self.address)
        guard isLinkLocal, let interfaceName else { return address }
        return "\(address) . \"\(interfaceName)\""
    }
}
