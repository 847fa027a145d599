/// The nft commands that lay out keepalived 2.2.7's VRRP firewall table (vrrp_nftables.c): per
/// family a table with `out` and `in` filter chains and a `vips` set whose members are dropped, so
/// a master without accept mode neither takes nor sends traffic for its virtual addresses, and the
/// `vmac_map` that sends a VMAC's multicast reports through its base interface.
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

    /// The table and its `out` chain: what both the drop sets and the VMAC rules need first.
    func base(ipv6: Bool) -> [String] {
        let family = Self.family(ipv6: ipv6)
        return ["add table \(family) \(table)", baseChain(family, "out", hook: "output")]
    }

    /// The `in` chain, the `vips` set and the drop rules, in keepalived's creation order (`nft
    /// list` shows chains in that order).
    func vips(ipv6: Bool) -> [String] {
        let family = Self.family(ipv6: ipv6)
        var lines = [baseChain(family, "in", hook: "input")]
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
        lines.append(rule(family, "in", "\(family) daddr @vips", "drop"))
        lines.append(rule(family, "out", "\(family) saddr @vips", "drop"))
        return lines
    }

    /// keepalived.conf: use_vmac: IGMP (IPv6: MLDv2) reports leaving through a VMAC are sent
    /// through its base interface instead, and IPv6 router solicitations from it are dropped.
    func vmac(ipv6: Bool) -> [String] {
        let family = Self.family(ipv6: ipv6)
        let macvlan = "meta oifkind \"macvlan\""
        var lines = ["add map \(family) \(table) vmac_map { type iface_index : iface_index; }"]
        if ipv6 {
            lines += [
                "add set ip6 \(table) vmac_set { type iface_index; }",
                rule(family, "out", "icmpv6 type mld2-listener-report \(macvlan) dup to ip6 daddr device oif map @vmac_map", "drop"),
                rule(family, "out", "icmpv6 type nd-router-solicit \(macvlan) oif @vmac_set", "drop"),
            ]
        } else {
            lines.append(rule(family, "out", "ip protocol igmp \(macvlan) dup to ip daddr device oif map @vmac_map", "drop"))
        }
        return lines
    }

    /// A VMAC's entries (by interface index: they can be removed after the link is gone).
    func vmacElements(add: Bool, ipv6: Bool, vmac: UInt32, base: UInt32) -> [String] {
        let verb = add ? "add" : "delete"
        let family = Self.family(ipv6: ipv6)
        return ["\(verb) element \(family) \(table) vmac_map { \(vmac) : \(base) }"]
            + (ipv6 ? ["\(verb) element ip6 \(table) vmac_set { \(vmac) }"] : [])
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
    /// The interface a link-local address lives on: by index (so its entry can go after the
    /// interface did), and by name for the dont_track_primary set.
    var interfaceIndex: UInt32 = 0
    var interfaceName: String?
    /// A link-local address keyed by interface name rather than index (dont_track_primary).
    var byName = false

    var isLinkLocal: Bool { address.count == 16 && address[0] == 0xfe && address[1] & 0xc0 == 0x80 }
    var setName: String { isLinkLocal ? (byName ? "vips_link_local_name" : "vips_link_local") : "vips" }
    var text: String {
        let address = IPAddressText.format(self.address)
        guard isLinkLocal else { return address }
        return byName ? "\(address) . \"\(interfaceName ?? "")\"" : "\(address) . \(interfaceIndex)"
    }
}
