import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// static_routes lines: options to model, keepalived's messages for the bad ones.
extension AddressSyntaxTests {
    struct RouteCase: Sendable, CustomTestStringConvertible {
        var line: String
        var check: @Sendable (Route) -> Bool
        var testDescription: String { line }
    }

    static let validRoutes: [RouteCase] = [
        .init(line: "10.1.0.0/16 via 10.0.0.254 dev eth0 table vpn metric 5 protocol static no_track") {
            $0.destination == .prefix(IPPrefix("10.1.0.0/16")!) && $0.gateway == IPAddress("10.0.0.254") && $0.interface == "eth0"
                && $0.table == 100 && $0.metric == 5 && $0.routeProtocol == 4 && $0.noTrack && $0.family == .inet
        },
        .init(line: "default via 10.0.0.1 dev eth0") {
            $0.destination == .any && $0.family == .inet && $0.routeProtocol == Route.keepalivedProtocol && !$0.noTrack && $0.table == 254
        },
        .init(line: "to 10.7.0.0/16 dev eth0 src 10.0.0.2 scope link tos AF11 onlink realms cosmos/7 append") {
            $0.preferredSource == IPAddress("10.0.0.2") && $0.scope == 253 && $0.tos == 0x28 && $0.onLink
                && $0.realms == 7 && $0.installMode == .append
        },
        .init(line: "unreachable 10.8.0.0/16 dev eth0 table 0x10") { $0.type == .unreachable && $0.table == 16 },
        .init(line: "2001:db8:1::/48 via 2001:db8::1 dev eth0 from 2001:db8:2::/48 pref high expires 30") {
            $0.family == .inet6 && $0.sourcePrefix == .prefix(IPPrefix("2001:db8:2::/48")!) && $0.preference == 1 && $0.expires == 30
        },
        .init(line: "inet6 any default6 dev eth0") { $0.family == .inet6 && $0.destination == .any },
        .init(line: "10.2.0.0/16 dev eth0 mtu lock 1400 rtt 500ms rttvar 2s rto_min 300ms congctl lock cubic features ecn hoplimit 9") {
            $0.metrics.mtu == 1400 && $0.metrics.rtt == 4000 && $0.metrics.rttvar == 8000 && $0.metrics.rtoMin == 300
                && $0.metrics.congestionControl == "cubic" && $0.metrics.ecn && $0.metrics.hopLimit == 9
                && $0.metrics.locked == [.mtu, .congctl]
        },
        .init(line: "10.2.1.0/24 dev eth0 advmss 1300 reordering 3 window 10 cwnd lock 4 ssthresh 5 initcwnd 6 initrwnd 7 quickack 1 fastopen_no_cookie 0 ttl-propagate disabled") {
            $0.metrics.advmss == 1300 && $0.metrics.reordering == 3 && $0.metrics.window == 10 && $0.metrics.cwnd == 4
                && $0.metrics.ssthresh == 5 && $0.metrics.initcwnd == 6 && $0.metrics.initrwnd == 7 && $0.metrics.quickAck == true
                && $0.metrics.fastOpenNoCookie == false && $0.ttlPropagate == false && $0.metrics.locked == [.cwnd]
        },
        .init(line: "10.3.0.0/16 dev eth0 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via inet 10.0.0.2 onlink realms 3") {
            $0.nexthops == [
                { var hop = RouteNexthop(gateway: IPAddress("10.0.0.1")); hop.interface = "eth0"; hop.weight = 2; return hop }(),
                { var hop = RouteNexthop(gateway: IPAddress("10.0.0.2")); hop.onLink = true; hop.realms = 3; return hop }(),
            ]
        },
        .init(line: "10.4.0.0/16 dev eth0 encap ip id 5 dst 10.9.9.9 ttl 3 table 100") {
            var tunnel = RouteEncap.IPTunnel()
            tunnel.id = 5
            tunnel.destination = IPAddress("10.9.9.9")
            tunnel.ttl = 3
            return $0.encap == .ip(tunnel) && $0.table == 100
        },
        .init(line: "10.5.0.0/16 dev eth0 encap mpls 100/200") { $0.encap == .mpls(labels: [100, 200]) },
        .init(line: "10.5.1.0/24 dev eth0 encap ila 1:2:3:4") { $0.encap == .ila(locator: 0x0001_0002_0003_0004) },
        .init(line: "10.1.0.0/16 dev eth0 table -1") { $0.table == UInt32.max },
        .init(line: "5 10.14.0.0/16 dev eth0") { $0.type == RouteType(rawValue: 5) && $0.destination == .prefix(IPPrefix("10.14.0.0/16")!) },
    ]

    @Test(arguments: validRoutes)
    func validRoute(_ item: RouteCase) throws {
        let loaded = Self.block("static_routes", item.line)
        #expect(Self.reported(loaded) == [])
        let route = try #require(loaded.configuration.staticRoutes.first)
        #expect(item.check(route))
        #expect(loaded.configTestExitCode == 0)
    }

    static let invalidRoutes: [InvalidCase] = [
        .init(line: "10.1.0.0/16 via 10.0.0.254 dev lo table bogus", messages: ["Routing table bogus not found for route"], kept: false),
        .init(line: "10.2.0.0/16 gw 10.0.0.254 dev lo", messages: ["\"gw\" for routes is deprecated. Please use \"via\""], kept: true),
        .init(line: "10.3.0.0/16 via fe80::1 dev lo", messages: ["Cannot mix IPv4 and IPv6 addresses for route"], kept: false),
        .init(line: "from 10.0.0.0/8 10.4.0.0/16 dev lo", messages: ["route from address only supported with IPv6 (10.0.0.0/8)"], kept: false),
        .init(line: "10.5.0.0/16 dev lo metric x", messages: ["invalid number 'x'", "Invalid metric x specified for route"], kept: false),
        .init(line: "10.8.0.0/16 dev lo frobnicate", messages: ["VRRP parsed invalid IP frobnicate. skipping IP...", "unknown route keyword frobnicate"], kept: false),
        .init(line: "10.9.0.0/16 via 10.0.0.1 dev lo nexthop via 10.0.0.2 weight 0", messages: ["Invalid weight 0 specified for route"], kept: true),
        .init(line: "dev lo", messages: ["Route must have a destination"], kept: false),
        .init(line: "10.10.0.0/16 via 10.0.0.1", messages: ["Warning - cannot track route 10.10.0.0/16 with no interface specified, not tracking"], kept: true),
        .init(line: "10.11.0.0/16 dev lo protocol bird", messages: ["Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol"], kept: true),
        .init(line: "10.12.0.0/16 dev lo encap ip id 5 ttl 3000", messages: [
            "number '3000' outside range [0, 255]", "ttl 3000 is not valid for ip encapsulation",
            "VRRP parsed invalid IP ttl. skipping IP...", "unknown route keyword ttl"], kept: false),
        .init(line: "blackhole 10.13.0.0/16", messages: ["Warning - cannot track route 10.13.0.0/16 with no interface specified, not tracking"], kept: true),
        .init(line: "10.14.0.0/16 dev lo nexthop via 10.0.0.2 dev lo bogus", messages: ["Route has trailing nonsense after nexthops - bogus"], kept: true),
        .init(line: "10.1.0.0/16 via 10.0.0.254 dev lo protocol ripng", messages: ["Protocol ripng not found or invalid for route"], kept: false),
        .init(line: "inet6 2001:db8::/32 dev lo", messages: ["Route must have a destination"], kept: false),
        .init(line: "via 10.0.0.1 default dev lo", messages: ["Cannot mix IPv4 and IPv6 addresses for route (default)"], kept: false),
        .init(line: "10.20.0.0/16 dev lo rtt 1.5e3s", messages: ["Invalid rtt 1.5e3s for route"], kept: false),
        .init(line: "10.7.0.0/16 dev lo rttvar 500s", messages: ["number '500' outside range [0.000, 480.000]", "Invalid rttvar 500s for route"], kept: false),
        .init(line: "10.21.0.0/16 dev lo nexthop via 10.0.0.1 dev lo nexthop via 10.0.0.2 weight 300", messages: [
            "number '300' outside range [0, 256]", "Invalid weight 300 specified for route"], kept: true),
        .init(line: "10.22.0.0/16 dev lo encap mpls 100/200/300", messages: ["invalid mpls address 100/200/300 for encapsulation"], kept: true),
        .init(line: "10.23.0.0/16 dev lo encap foo bar", messages: ["Unknown encap type - foo"], kept: true),
        .init(line: "10.25.0.0/16 dev lo mtu lock 1400 congctl lock cubic quickack 2", messages: [
            "number '2' outside range [0, 1]", "Invalid quickack value 2 specified for route"], kept: false),
        .init(line: "10.26.0.0/16 dev lo expires 5", messages: ["expires is only valid for IPv6"], kept: false),
        .init(line: "10.27.0.0/16 dev nosuch0", messages: ["WARNING - interface nosuch0 for VROUTE nexthop doesn't exist"], kept: false),
        .init(line: "10.28.0.0/16 dev lo trailing", messages: ["VRRP parsed invalid IP trailing. skipping IP...", "unknown route keyword trailing"], kept: false),
        .init(line: "10.29.0.0/16 via 10.0.0.1 or 10.0.0.2 dev lo", messages: ["\"or\" for routes is deprecated. Please use \"nexthop\""], kept: true),
        .init(line: "2001:db8::/32 dev lo encap ip6 tc bogus", messages: [
            "tc value tc is invalid for ip6 encapsulation", "VRRP parsed invalid IP tc. skipping IP...", "unknown route keyword tc"], kept: false),
        .init(line: "10.3.0.0/16 dev lo encap ip6 dst 10.0.0.1", messages: [
            "IPv4 address 10.0.0.1 not valid for ip6 encapsulation", "VRRP parsed invalid IP dst. skipping IP...", "unknown route keyword dst"], kept: false),
        .init(line: "10.4.0.0/16 dev lo encap ip src 10.0.0.1", messages: ["address or id missing for ip encapsulation"], kept: true),
        .init(line: "10.5.0.0/16 dev lo as to 10.0.0.1", messages: ["\"as to\" for MPLS only - ignoring"], kept: true),
        .init(line: "10.6.0.0/16 dev lo pref high", messages: ["pref is only valid for IPv6"], kept: false),
        .init(line: "2001:db8:1::/48 dev lo realms 5", messages: ["realms are only valid for IPv4"], kept: false),
        .init(line: "10.7.0.0/16 dev lo features sack", messages: ["feature sack not supported"], kept: true),
        .init(line: "10.8.0.0/16 dev lo ttl-propagate maybe", messages: ["ttl-propagate value maybe not recognised"], kept: true),
        .init(line: "10.9.0.0/16 dev lo nexthop via 2001:db8::1", messages: ["Address family mismatch for next hop"], kept: true),
        .init(line: "10.10.0.0/16 dev lo nexthop dev nosuch0", messages: ["WARNING - interface nosuch0 for VROUTE nexthop doesn't exist"], kept: true),
        .init(line: "10.12.0.0/16 dev lo scope 300", messages: ["Scope 300 not found or invalid for route"], kept: false),
        .init(line: "10.13.0.0/16 dev lo vrf nosuch0", messages: ["VRF nosuch0 not found for route"], kept: false),
        .init(line: "10.15.0.0/16 dev lo encap mpls", messages: ["missing address for MPLS encapsulation"], kept: true),
        .init(line: "to blackhole 10.16.0.0/16 dev lo", messages: ["VRRP parsed invalid IP blackhole. skipping IP...", "unknown route keyword blackhole"], kept: false),
    ]

    @Test(arguments: invalidRoutes)
    func invalidRoute(_ item: InvalidCase) {
        let loaded = Self.block("static_routes", item.line)
        #expect(Self.reported(loaded) == item.messages)
        #expect(loaded.diagnostics.filter { $0.keepalivedClass != nil }.allSatisfy { $0.location?.line == 2 && ($0.hint != nil || Self.isNumberReport($0)) })
        #expect(loaded.configuration.staticRoutes.count == (item.kept ? 1 : 0))
        #expect(loaded.configTestExitCode == 5)
    }

    @Test func orMovesTheGatewayIntoNexthops() throws {
        let loaded = Self.block("static_routes", "10.29.0.0/16 via 10.0.0.1 or 10.0.0.2 dev lo")
        let route = try #require(loaded.configuration.staticRoutes.first)
        #expect(route.gateway == nil)
        #expect(route.nexthops.map(\.gateway) == [IPAddress("10.0.0.1"), IPAddress("10.0.0.2")])
    }

    @Test func rttTimesAreClampedLikeKeepalived() throws {
        let loaded = Self.block("static_routes", "10.6.0.0/16 dev eth0 rtt 5 rttvar 130s")
        let route = try #require(loaded.configuration.staticRoutes.first)
        #expect(route.metrics.rtt == 1600)
        #expect(route.metrics.rttvar == 480_000)
        #expect(loaded.configTestExitCode == 0)
        #expect(loaded.diagnostics.map(\.message) == [
            "rtt value 5 below minimum 200ms, resetting", "rtt value 130s exceeds maximum 120s, resetting"])
    }

    @Test func missingWordStopsLikeKeepalived() {
        let loaded = Self.block("static_routes", "10.1.0.0/16 via")
        #expect(loaded.configTestExitCode == 2)
        #expect(loaded.configuration.staticRoutes.isEmpty)
    }

    @Test func namesComeFromTheFilesNotTheDirectories() {
        let host = InMemoryHost(files: Self.iproute2)
        #expect(RoutingNameTable.lookup("vpn", .table, host: host) == 100)
        #expect(RoutingNameTable.lookup("main", .table, host: host) == 254)
        #expect(RoutingNameTable.lookup("keepalived", .routeProtocol, host: host) == 18)
        #expect(RoutingNameTable.lookup("dhcp", .routeProtocol, host: host) == 16)
        #expect(RoutingNameTable.lookup("inr.ruhep", .table, host: host) == nil)
        #expect(RoutingNameTable.lookup("256", .scope, host: host) == nil)
        #expect(RoutingNameTable.lookup("0xff", .scope, host: host) == 255)
        #expect(RoutingNameTable.lookup("ripng", .routeProtocol, host: host) == nil)
        #expect(RoutingNameTable(.routeProtocol, host: host, includeDirectories: true).id(for: "ripng") == 190)
        #expect(RoutingNameTable(.scope, host: InMemoryHost()).name(for: 253) == "link")
    }
}
