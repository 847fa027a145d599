import KeepalivedConfig
import KeepalivedTestSupport
import Testing
@testable import KeepalivedDaemon

/// Which instances drop traffic to their addresses (keepalived's accept-mode defaults under
/// vrrp_strict / strict_mode) and the nft commands that lay out keepalived 2.2.7's table.
struct NFTablesScriptTests {
    static func loaded(_ text: String) -> Configuration {
        let host = InMemoryHost(files: ["/etc/keepalived/keepalived.conf": text])
        return ConfigLoader.load(.init(configFile: "/etc/keepalived/keepalived.conf", configID: "test"), host: host).configuration
    }

    static func instance(_ name: String, vrid: Int, priority: Int = 100, _ extra: String = "") -> String {
        "vrrp_instance \(name) {\n interface eth0\n virtual_router_id \(vrid)\n priority \(priority)\n\(extra)"
            + " virtual_ipaddress {\n  10.0.0.\(vrid)/24\n }\n}\n"
    }

    @Test(arguments: [
        // (global_defs, instance lines, drops?)
        ("vrrp_strict", "", true),
        ("vrrp_strict", " priority 255\n", false),                       // the address owner always accepts
        ("vrrp_strict", " version 3\n accept\n", false),
        ("vrrp_strict", " accept\n", true),                               // v2 strict resets accept
        ("", "", false),
        ("", " no_accept\n", true),
        ("", " strict_mode\n", true),
        ("vrrp_strict", " strict_mode false\n", false),
    ])
    func acceptModeDecidesTheDropSet(global: String, lines: String, drops: Bool) {
        let configuration = Self.loaded("global_defs {\n \(global)\n}\n" + Self.instance("VI_1", vrid: 1, lines))
        let runtimes = VRRPAssembly.runtimes(configuration)
        #expect(runtimes.map(\.firewallDrop) == [drops])
        #expect((VRRPAssembly.firewall(configuration, runtimes: runtimes) { _ in } != nil) == drops)
    }

    @Test func defaultTableIsAnnouncedLikeKeepalived() {
        let configuration = Self.loaded(Self.instance("VI_1", vrid: 1, " no_accept\n"))
        var lines: [String] = []
        let script = VRRPAssembly.firewall(configuration, runtimes: VRRPAssembly.runtimes(configuration)) { lines.append($0) }
        #expect(script == NFTablesScript(table: "keepalived"))
        #expect(lines == ["use_vmac or no_accept/strict specified, but no firewall configured - using nftables"])
    }

    /// Debian's keepalived is built without iptables: vrrp_iptables turns on the nftables table.
    @Test func vrrpIptablesMeansTheDefaultNftablesTable() {
        let configuration = Self.loaded("global_defs {\n vrrp_iptables IN OUT\n}\n" + Self.instance("VI_1", vrid: 1, " no_accept\n"))
        var lines: [String] = []
        let script = VRRPAssembly.firewall(configuration, runtimes: VRRPAssembly.runtimes(configuration)) { lines.append($0) }
        #expect(script == NFTablesScript(table: "keepalived"))
        #expect(lines.isEmpty)
    }

    @Test func namedTablePriorityAndCounters() {
        let configuration = Self.loaded("global_defs {\n vrrp_strict\n nftables fw\n nftables_priority -5\n nftables_counters\n}\n"
            + Self.instance("VI_1", vrid: 1))
        var lines: [String] = []
        let script = VRRPAssembly.firewall(configuration, runtimes: VRRPAssembly.runtimes(configuration)) { lines.append($0) }
        #expect(script == NFTablesScript(table: "fw", priority: -5, counters: true))
        #expect(lines.isEmpty)
        #expect(script?.vips(ipv6: false).last == "add rule ip fw out ip saddr @vips counter drop")
        #expect(script?.vmac(ipv6: false).last
            == "add rule ip fw out ip protocol igmp meta oifkind \"macvlan\" dup to ip daddr device oif map @vmac_map counter drop")
    }

    @Test func ipv4Layout() {
        let script = NFTablesScript(table: "keepalived")
        #expect(script.base(ipv6: false) + script.vips(ipv6: false) == [
            "add table ip keepalived",
            "add chain ip keepalived out { type filter hook output priority -1; policy accept; }",
            "add chain ip keepalived in { type filter hook input priority -1; policy accept; }",
            "add set ip keepalived vips { type ipv4_addr; }",
            "add rule ip keepalived in ip daddr @vips drop",
            "add rule ip keepalived out ip saddr @vips drop",
        ])
    }

    @Test func vmacEntriesMoveMulticastReportsToTheBaseInterface() {
        let script = NFTablesScript(table: "keepalived")
        #expect(script.vmac(ipv6: true) == [
            "add map ip6 keepalived vmac_map { type iface_index : iface_index; }",
            "add set ip6 keepalived vmac_set { type iface_index; }",
            "add rule ip6 keepalived out icmpv6 type mld2-listener-report meta oifkind \"macvlan\" dup to ip6 daddr device oif map @vmac_map drop",
            "add rule ip6 keepalived out icmpv6 type nd-router-solicit meta oifkind \"macvlan\" oif @vmac_set drop",
        ])
        #expect(script.vmacElements(add: true, ipv6: true, vmac: 7, base: 2)
            == ["add element ip6 keepalived vmac_map { 7 : 2 }", "add element ip6 keepalived vmac_set { 7 }"])
        #expect(script.vmacElements(add: false, ipv6: false, vmac: 7, base: 2) == ["delete element ip keepalived vmac_map { 7 : 2 }"])
    }

    @Test func ipv6LayoutSendsLinkLocalAddressesToTheirOwnChains() {
        let script = NFTablesScript(table: "keepalived")
        let setup = script.base(ipv6: true) + script.vips(ipv6: true)
        #expect(setup.prefix(5) == [
            "add table ip6 keepalived",
            "add chain ip6 keepalived out { type filter hook output priority -1; policy accept; }",
            "add chain ip6 keepalived in { type filter hook input priority -1; policy accept; }",
            "add chain ip6 keepalived in_link_local",
            "add chain ip6 keepalived out_link_local",
        ])
        #expect(setup.contains("add rule ip6 keepalived in ip6 daddr fe80::/10 goto in_link_local"))
        #expect(setup.last == "add rule ip6 keepalived out ip6 saddr @vips drop")
        #expect(script.setupLinkLocal(byName: false).first == "add set ip6 keepalived vips_link_local { type ipv6_addr . iface_index; }")
        #expect(script.setupLinkLocal(byName: true) == [
            "add set ip6 keepalived vips_link_local_name { type ipv6_addr . ifname; }",
            "add rule ip6 keepalived in_link_local ip6 daddr . iifname @vips_link_local_name drop",
            "add rule ip6 keepalived out_link_local ip6 saddr . oifname @vips_link_local_name drop",
        ])
    }

    @Test func elementsGoToTheirSets() {
        let script = NFTablesScript(table: "keepalived")
        let global = NFTablesElement(address: [0xfd, 0x77] + Array(repeating: 0, count: 13) + [1], interfaceName: "eth0")
        let linkLocal = NFTablesElement(address: [0xfe, 0x80] + Array(repeating: 0, count: 13) + [0x52], interfaceIndex: 3, interfaceName: "eth0")
        let v4 = NFTablesElement(address: [10, 0, 0, 1], interfaceName: "eth0")
        #expect(!global.isLinkLocal && linkLocal.isLinkLocal)
        #expect(script.elements(add: true, [v4]) == ["add element ip keepalived vips { 10.0.0.1 }"])
        #expect(script.elements(add: false, [global]) == ["delete element ip6 keepalived vips { fd77::1 }"])
        #expect(script.elements(add: true, [linkLocal]) == ["add element ip6 keepalived vips_link_local { fe80::52 . 3 }"])
        var byName = linkLocal
        byName.byName = true
        #expect(script.elements(add: false, [byName]) == ["delete element ip6 keepalived vips_link_local_name { fe80::52 . \"eth0\" }"])
        #expect(script.elements(add: true, []).isEmpty)
        #expect(script.teardown(ipv6: true) == "delete table ip6 keepalived")
    }
}
