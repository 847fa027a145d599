import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// static_rules lines: options to model, keepalived's messages for the bad ones.
extension AddressSyntaxTests {
    struct RuleCase: Sendable, CustomTestStringConvertible {
        var line: String
        var check: @Sendable (Rule) -> Bool
        var testDescription: String { line }
    }

    static let validRules: [RuleCase] = [
        .init(line: "from 10.0.0.0/8 table 100 preference 100") {
            $0.from == .prefix(IPPrefix("10.0.0.0/8")!) && $0.action == .table(100) && $0.priority == 100 && $0.priorityGiven
                && $0.family == .inet && $0.ruleProtocol == Route.keepalivedProtocol
        },
        .init(line: "not to 192.168.0.0/16 lookup vpn priority 0x20 fwmark 0x10/0xff dev eth0 oif lo tos EF") {
            $0.invert && $0.action == .table(100) && $0.priority == 32 && $0.fwmark == 16 && $0.fwmask == 255
                && $0.inputInterface == "eth0" && $0.outputInterface == "lo" && $0.tos == 0xB8
        },
        .init(line: "from 2001:db8::/32 goto 300 preference 100") { $0.family == .inet6 && $0.action == .goto(300) },
        .init(line: "from all prohibit order 5") { $0.from == .any && $0.action == .prohibit && $0.family == .inet },
        .init(line: "type unreachable preference 6") { $0.action == .unreachable },
        .init(line: "from 10.0.0.0/8 table 100 sport 1000-2000 dport 53-53 uidrange 100-200 ipproto tcp preference 7") {
            $0.sourcePorts == 1000...2000 && $0.destinationPorts == 53...53 && $0.uidRange == 100...200 && $0.ipProtocol == 6
        },
        .init(line: "to 10.1.0.0/16 table main realms cosmos/3 suppress_prefixlength 8 sup_group default preference 8") {
            $0.realms == 3 && $0.suppressPrefixLength == 8 && $0.suppressInterfaceGroup == 0 && $0.action == .table(254)
        },
        .init(line: "fwmark 7 l3mdev tunnel-id 99 protocol 18 preference 9") {
            $0.action == .l3mdev && $0.tunnelID == 99 && $0.fwmark == 7 && $0.fwmask == nil
        },
        .init(line: "from default table 100 preference 11") { $0.from == .any && $0.family == .inet },
        .init(line: "from 10.0.0.0/8 nop protocol 4 no_track preference 10") { $0.action == .nop && $0.ruleProtocol == 4 && $0.noTrack },
    ]

    @Test(arguments: validRules)
    func validRule(_ item: RuleCase) throws {
        let loaded = Self.block("static_rules", item.line)
        #expect(Self.reported(loaded) == [])
        let rule = try #require(loaded.configuration.staticRules.first)
        #expect(item.check(rule))
        #expect(loaded.configTestExitCode == 0)
    }

    static let invalidRules: [InvalidCase] = [
        .init(line: "from 10.0.0.0/8 table 0 preference 101", messages: ["Table 0 is not valid"], kept: false),
        .init(line: "from 10.0.0.0/8 preference 102", messages: ["No action specified for rule - ignoring"], kept: false),
        .init(line: "from 10.0.0.0/8 goto 50 preference 103", messages: ["Invalid rule - preference 103 >= goto target 50"], kept: false),
        .init(line: "from 10.0.0.0/8 goto 500", messages: ["Invalid rule - goto target 500 specified without preference"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 blackhole preference 104", messages: [
            "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule"], kept: false),
        .init(line: "from 10.0.0.0/8 fwmark 0x10/zz table 100 preference 105", messages: ["Invalid rule fwmark 0x10/zz specified"], kept: false),
        .init(line: "from 10.0.0.0/8 realms 3 prohibit preference 106", messages: ["suppressor/realm specified for non table action - skipping"], kept: false),
        .init(line: "from 10.0.0.0/8 to fe80::/64 table 100 preference 107", messages: ["rule specification has mixed IPv4 and IPv6"], kept: false),
        .init(line: "from 10.0.0.0/8 frob table 100 preference 108", messages: ["Unknown rule option frob"], kept: false),
        .init(line: "from 10.0.0.0/8 local preference 109", messages: ["Invalid rule action local"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 protocol 4 preference 110", messages: [
            "Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol"], kept: true),
        .init(line: "from 10.0.0.0/8 table 100 ipproto tcp sport 80-90 dport x preference 111", messages: ["invalid dport range x"], kept: true),
        .init(line: "from 10.0.0.0/8 table 100 uidrange 5 preference 112", messages: ["Invalid uidrange uidrange specified"], kept: false),
        .init(line: "to ::/0 table 100", messages: ["Rule has no preference specified - setting to 16384. This is probably not what you want."], kept: true),
        .init(line: "from 10.0.0.0/8 preference abc table 100", messages: ["invalid number 'abc'", "Invalid rule preference preference specified"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 sport 80 preference 100", messages: ["invalid sport range 80"], kept: true),
        .init(line: "inet6 from 2001:db8::/32 table 100 preference 101", messages: ["Unknown rule option 2001:db8::/32"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 ipproto 200 preference 102", messages: ["Invalid ipproto 200"], kept: true),
        .init(line: "from 10.0.0.0/8 table 100 track_group foo preference 103", messages: ["track_group foo not found"], kept: true),
        .init(line: "from 10.0.0.0/8 table nosuch preference 1", messages: ["Routing table nosuch not found for rule"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 dev nosuch0 preference 1", messages: ["WARNING - interface nosuch0 for rule doesn't exist"], kept: false),
        .init(line: "from 10.0.0.0/8 l3mdev table 100 preference 1", messages: [
            "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 fwmark -1 preference 1", messages: ["Invalid rule fwmark -1 specified"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 realms 999 preference 1", messages: ["invalid realms 999 for rule"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 sup_group nosuch preference 1", messages: ["suppress_group nosuch is invalid"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 tunnel-id x preference 1", messages: ["invalid number 'x'", "Invalid tunnel-id tunnel-id specified"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 tunnel-id 18446744073709551616 preference 1", messages: [
            "number '18446744073709551616' outside unsigned 64 bit range", "Invalid tunnel-id tunnel-id specified"], kept: false),
        .init(line: "from 10.0.0.0/8 goto x preference 1", messages: ["invalid number 'x'", "Invalid target goto specified"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 protocol 300 preference 1", messages: [
            "number '300' outside range [0, 255]", "Invalid protocol 300"], kept: true),
        .init(line: "inet from default table 100 preference 1", messages: ["Unknown rule option default"], kept: false),
        .init(line: "from 10.0.0.0/8 table 100 type nop preference 1", messages: [
            "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule"], kept: false),
    ]

    @Test(arguments: invalidRules)
    func invalidRule(_ item: InvalidCase) {
        let loaded = Self.block("static_rules", item.line)
        #expect(Self.reported(loaded) == item.messages)
        #expect(loaded.diagnostics.filter { $0.keepalivedClass != nil }.allSatisfy { $0.location?.line == 2 && ($0.hint != nil || Self.isNumberReport($0)) })
        #expect(loaded.configuration.staticRules.count == (item.kept ? 1 : 0))
        #expect(loaded.configTestExitCode == 5)
    }

    /// keepalived numbers rules without a preference down from 16384, one counter per family.
    @Test func automaticPreferencesCountDownPerFamily() {
        let loaded = Self.load("""
            static_rules {
              from 10.0.0.0/8 table 100
              to ::/0 table 100
              from 10.1.0.0/16 table 100
              from 10.2.0.0/16 table 100 preference 5
            }
            """)
        #expect(loaded.configuration.staticRules.map(\.priority) == [16384, 16384, 16383, 5])
        #expect(loaded.configuration.staticRules.map(\.family) == [.inet, .inet6, .inet, .inet])
        #expect(Self.reported(loaded).count == 3)
    }

    @Test func blocksAcceptItemsOnTheBraceLine() {
        let loaded = Self.load("static_rules { from 10.0.0.0/8 table 100 preference 1 }\nstatic_ipaddress { 10.0.0.1 dev lo }\n")
        #expect(loaded.configuration.staticRules.count == 1)
        #expect(loaded.configuration.staticAddresses.count == 1)
        #expect(loaded.configTestExitCode == 0)
    }

    /// virtual_routes and virtual_rules take no track_group: keepalived reads it as a destination
    /// (routes) or an unknown option (rules). Same messages from `keepalived -t` with these lines
    /// in a vrrp_instance's virtual_routes / virtual_rules.
    @Test func trackGroupIsStaticOnly() {
        let (routeParser, routeLine) = Self.item("10.1.0.0/16 dev eth0 track_group TG")
        #expect(AddressKeywords.parseRoute(routeParser, routeLine, isStatic: false) == nil)
        #expect(routeParser.collectDiagnostics().map(\.message) == [
            "VRRP parsed invalid IP track_group. skipping IP...", "unknown route keyword track_group"])

        let (ruleParser, ruleLine) = Self.item("from 10.0.0.0/8 table 100 preference 1 track_group TG")
        #expect(AddressKeywords.parseRule(ruleParser, ruleLine, isStatic: false) == nil)
        #expect(ruleParser.collectDiagnostics().map(\.message) == ["Unknown rule option track_group"])
    }

    @Test func virtualLinesKeepTheirLocation() throws {
        let (parser, line) = Self.item("10.9.0.0/16 via 10.0.0.1 dev eth0")
        let route = try #require(AddressKeywords.parseRoute(parser, line, isStatic: false))
        #expect(route.location.line == 7)
        #expect(route.routeProtocol == Route.keepalivedProtocol)
        #expect(!route.noTrack)
    }
}
