import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// static_ipaddress / static_routes / static_rules and the address, route and rule line syntax,
/// checked against keepalived 2.2.7's alloc_ipaddress, alloc_route and alloc_rule.
///
/// Every valid and invalid line in these tables was run through Debian's `keepalived -t` 2.2.7
/// inside the same block (table `vpn` written as 100 there): the valid ones exit 0 with no
/// message, the invalid ones exit 5 with exactly the messages listed, in that order.
@Suite struct AddressSyntaxTests {
    /// Debian bookworm's /etc/iproute2 files (what `keepalived -t` read when the verdicts below
    /// were taken), plus a table name of our own.
    static let iproute2: [String: String] = [
        "/etc/iproute2/rt_tables": "255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n#1\tinr.ruhep\n100 vpn\n",
        "/etc/iproute2/rt_protos": "0\tunspec\n2\tkernel\n3\tboot\n4\tstatic\n12\tbird\n18\tkeepalived\n186\tbgp\n",
        "/etc/iproute2/rt_protos.d/frr.conf": "190  ripng\n",
        "/etc/iproute2/rt_scopes": "0\tglobal\n255\tnowhere\n254\thost\n253\tlink\n200\tsite\n",
        "/etc/iproute2/rt_realms": "0\tcosmos\n# 1 inr.ac\n",
        "/etc/iproute2/rt_dsfield": "0x0\tdefault\n0x28\tAF11\n0xB8\tEF\n",
        "/etc/iproute2/group": "0\tdefault\n",
        "/etc/protocols": "ip\t0\tIP\ntcp\t6\tTCP\nudp\t17\tUDP\nospf\t89\tOSPFIGP\n",
    ]

    static func load(_ text: String) -> LoadedConfiguration {
        var files = iproute2
        files["/etc/keepalived/keepalived.conf"] = text
        return ConfigLoader.load(
            .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false),
            host: InMemoryHost(files: files))
    }

    static func block(_ keyword: String, _ item: String) -> LoadedConfiguration {
        load("\(keyword) {\n  \(item)\n}\n")
    }

    /// The messages of the diagnostics keepalived would print (those with a class).
    static func reported(_ loaded: LoadedConfiguration) -> [String] {
        loaded.diagnostics.filter { $0.keepalivedClass != nil }.map(\.message)
    }

    /// The shared number readers' own reports (not all carry a hint).
    static func isNumberReport(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.keepalivedClass == .invalidNumber
    }

    // MARK: - Addresses

    struct AddressCase: Sendable, CustomTestStringConvertible {
        var line: String
        var check: @Sendable (VirtualAddress) -> Bool
        var testDescription: String { line }
    }

    static let validAddresses: [AddressCase] = [
        .init(line: "10.0.0.1/24 dev eth0") { $0.prefix.description == "10.0.0.1/24" && $0.interface == "eth0" && $0.preferredLifetime == nil },
        .init(line: "10.0.0.2") { $0.prefix.length == 32 && $0.interface == nil },
        .init(line: "10.0.0.3/24 dev eth0 brd + label eth0:1 scope link") {
            $0.broadcastAddress == IPAddress("10.0.0.255") && $0.label == "eth0:1" && $0.scope == 253
        },
        .init(line: "10.0.0.4/24 dev lo broadcast -") { $0.broadcastAddress == IPAddress("10.0.0.0") && $0.interface == "lo" },
        .init(line: "10.0.0.4/24 brd 10.0.0.127") { $0.broadcastAddress == IPAddress("10.0.0.127") },
        .init(line: "10.0.0.5 peer 10.0.0.6 dev eth0") { $0.peer == IPAddress("10.0.0.6") && $0.prefix.length == 32 },
        .init(line: "10.0.0.6/24 scope site preferred_lft 30 no_track") { $0.scope == 200 && $0.preferredLifetime == 30 && $0.noTrack },
        .init(line: "10.0.0.7/24 scope 17 preferred_lft forever") { $0.scope == 17 && $0.preferredLifetime == VirtualAddress.foreverLifetime },
        .init(line: "2001:db8::1/64 dev eth0 -nodad mngtmpaddr noprefixroute autojoin home") {
            $0.duplicateAddressDetection && $0.manageTemporaryAddresses && $0.noPrefixRoute && $0.autoJoin && $0.home
                && $0.preferredLifetime == VirtualAddress.foreverLifetime
        },
        .init(line: "2001:db8::2 dev eth0") { $0.preferredLifetime == 0 && !$0.duplicateAddressDetection },
        .init(line: "2001:db8::3/64 scope global") { $0.scope == 0 },
    ]

    @Test(arguments: validAddresses)
    func validAddress(_ item: AddressCase) throws {
        let loaded = Self.block("static_ipaddress", item.line)
        #expect(Self.reported(loaded) == [])
        let address = try #require(loaded.configuration.staticAddresses.first)
        #expect(item.check(address))
        #expect(address.location.line == 2)
        #expect(loaded.configTestExitCode == 0)
    }

    /// An invalid address line, keepalived's messages for it, and whether the address survives.
    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var line: String
        var messages: [String]
        var kept: Bool
        var testDescription: String { line }
    }

    static let invalidAddresses: [InvalidCase] = [
        .init(line: "10.0.0.3/33 dev lo", messages: ["number '33' outside range [0, 32]", "Invalid address prefix len 33 for address 10.0.0.3/33 - using 32"], kept: true),
        .init(line: "10.0.0.x dev lo", messages: ["VRRP parsed invalid IP 10.0.0.x. skipping IP..."], kept: false),
        .init(line: "fe80::1/64 dev lo brd +", messages: ["VRRP is trying to assign a broadcast brd to the IPv6 address fe80::1/64 !!?? WTF... skipping VIP..."], kept: false),
        .init(line: "10.0.0.4/24 dev lo brd + peer 10.0.0.9", messages: [
            "Cannot specify address prefix when specifying peer address - ignoring",
            "Cannot specify broadcast and peer addresses - ignoring broadcast address"], kept: true),
        .init(line: "10.0.0.1/24 dev nosuch0", messages: ["WARNING - interface nosuch0 for ip address 10.0.0.1/24 doesn't exist"], kept: false),
        .init(line: "10.0.0.5/24 dev lo scope bogus", messages: ["Invalid scope 'bogus' specified for 10.0.0.5/24 - ignoring"], kept: true),
        .init(line: "10.0.0.6/24 dev lo label averyveryverylonglabel", messages: ["Address label averyveryverylonglabel is longer than maximum length 15 - removing address"], kept: false),
        .init(line: "10.0.0.7/24 dev lo foo", messages: ["Unknown configuration entry 'foo' for ip address - ignoring"], kept: true),
        .init(line: "10.0.0.8/24 dev lo preferred_lft abc", messages: ["invalid number 'abc'", "preferred_lft abc is invalid"], kept: true),
        .init(line: "10.0.0.9/31 dev lo brd +", messages: ["Address prefix length 31 too long for broadcast"], kept: true),
        .init(line: "fe80::2/64 dev lo scope link label x", messages: [
            "Cannot specify scope for IPv6 addresses (fe80::2/64) - ignoring scope",
            "Cannot specify label for IPv6 addresses (fe80::2/64) - ignoring label"], kept: true),
        .init(line: "10.0.0.10/24 dev lo track_group nosuch", messages: ["track_group nosuch not found"], kept: true),
        .init(line: "10.0.0.11/24 dev lo label", messages: ["No label parameter specified for 10.0.0.11/24"], kept: false),
        .init(line: "10.0.0.12/24 dev lo use_vmac", messages: ["Unknown configuration entry 'use_vmac' for ip address - ignoring"], kept: true),
        .init(line: "10.0.0.13/24 dev lo peer fe80::1", messages: ["Peer address fe80::1 does not match address family"], kept: true),
        .init(line: "10.0.0.14 dev lo dev eth0", messages: ["Cannot specify ipaddress device more than once for 10.0.0.14"], kept: false),
        .init(line: "10.0.0.15 dev lo brd 10.0.0.300", messages: ["VRRP is trying to assign invalid broadcast 10.0.0.300. skipping VIP..."], kept: false),
        .init(line: "10.0.0.16 dev lo peer 10.0.0.1 peer 10.0.0.2", messages: [
            "Peer 10.0.0.2 - another peer has already been specified", "Unknown configuration entry '10.0.0.2' for ip address - ignoring"], kept: true),
        .init(line: "10.0.0.1/abc dev lo", messages: ["invalid number 'abc'", "Invalid address prefix len abc for address 10.0.0.1/abc - using 32"], kept: true),
        .init(line: "10.0.0.2/24 dev", messages: ["No dev parameter specified for 10.0.0.2/24"], kept: false),
        .init(line: "2001:db8::1/64 dev lo preferred_lft 5000000000", messages: [
            "number '5000000000' outside unsigned integer range", "preferred_lft 5000000000 is invalid"], kept: true),
    ]

    @Test(arguments: invalidAddresses)
    func invalidAddress(_ item: InvalidCase) {
        let loaded = Self.block("static_ipaddress", item.line)
        #expect(Self.reported(loaded) == item.messages)
        #expect(loaded.diagnostics.filter { $0.keepalivedClass != nil }.allSatisfy { $0.location?.line == 2 && ($0.hint != nil || Self.isNumberReport($0)) })
        #expect(loaded.configuration.staticAddresses.count == (item.kept ? 1 : 0))
        #expect(loaded.configTestExitCode == 5)
    }

    @Test func unknownInterfaceIsNotedOnceOutsideTheVerdict() {
        let loaded = Self.load("static_ipaddress {\n 10.0.0.1 dev nosuch0\n 10.0.0.2 dev nosuch1\n}\n")
        let notes = loaded.diagnostics.filter { $0.message == "Non-existent interface specified in configuration" }
        #expect(notes.count == 1)
        #expect(notes.first?.keepalivedClass == nil)
        #expect(loaded.configTestExitCode == 5)
    }

    @Test func staticAddressWithoutDefaultInterfaceIsFatal() {
        var files = Self.iproute2
        files["/etc/keepalived/keepalived.conf"] = "static_ipaddress {\n 10.0.0.1/24\n}\n"
        let loaded = ConfigLoader.load(
            .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false),
            host: InMemoryHost(files: files, interfaces: [HostInterface(name: "lo", index: 1, isLoopback: true)]))
        #expect(Self.reported(loaded) == ["Static address 10.0.0.1/24 requires either an interface or default interface must exist"])
        #expect(loaded.configTestExitCode == 4)
        #expect(loaded.configuration.staticAddresses.isEmpty)
    }

    /// A parser over the test host and one item line, for calling the line parsers directly.
    static func item(_ text: String) -> (ConfigParser, KeywordLine) {
        let parser = ConfigParser(host: InMemoryHost(files: iproute2), configID: "lab1", includeCheck: [])
        var column = 1
        var tokens: [Token] = []
        for word in text.split(separator: " ") {
            tokens.append(Token(String(word), column: column))
            column += word.count + 1
        }
        return (parser, KeywordLine(tokens: tokens, location: SourceLocation(file: "k.conf", line: 7), raw: text))
    }

    @Test func useVMACOnlyForVirtualAddresses() throws {
        let (parser, line) = Self.item("10.0.0.1/24 use_vmac")
        let address = try #require(AddressKeywords.parseAddress(parser, line, context: .virtualAddress))
        #expect(address.useVMAC)
        #expect(address.interface == nil)
        #expect(parser.collectDiagnostics().isEmpty)
    }

    @Test func trackGroupMustBeDefinedEarlier() throws {
        let (parser, line) = Self.item("10.0.0.1 dev eth0 track_group TG")
        parser.config.trackGroups = [TrackGroup(name: "TG", location: SourceLocation(file: "k.conf", line: 1))]
        let address = try #require(AddressKeywords.parseAddress(parser, line, context: .staticAddress))
        #expect(address.trackGroup == "TG")
        #expect(parser.collectDiagnostics().isEmpty)

        let (virtualParser, virtualLine) = Self.item("10.0.0.1 dev eth0 track_group TG")
        _ = AddressKeywords.parseAddress(virtualParser, virtualLine, context: .virtualAddress)
        #expect(virtualParser.collectDiagnostics().map(\.message) == [
            "Unknown configuration entry 'track_group' for ip address - ignoring",
            "Unknown configuration entry 'TG' for ip address - ignoring"])
    }
}
