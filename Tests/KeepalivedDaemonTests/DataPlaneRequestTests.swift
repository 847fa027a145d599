import KeepalivedConfig
import KeepalivedTestSupport
import NetlinkCodec
import Testing
@testable import KeepalivedDaemon

/// static_routes / static_rules lines become the very messages keepalived 2.2.7 sends: the fixtures
/// are its RTM_NEWROUTE/DELROUTE/NEWRULE/DELRULE payloads, captured with `strace -e write=all` while
/// it ran this configuration with eth0 as interface 3.
struct DataPlaneRequestTests {
    static let configuration = """
        static_routes {
          10.20.0.0/16 via 10.9.0.254 dev eth0
          10.21.0.0/16 dev eth0 table 100 metric 7 src 10.9.0.1
          blackhole 10.22.0.0/16 table 1000
          10.23.0.0/16 via 10.9.0.253 dev eth0 mtu lock 1400 advmss 1360 onlink no_track
          10.24.0.0/16 nexthop via 10.9.0.251 dev eth0 weight 2 nexthop via 10.9.0.252 dev eth0
          default via 10.9.0.250 dev eth0 table 101 protocol static no_track
          fd20::/64 via fd09::fe dev eth0 metric 100
          unreachable 10.25.0.0/16 append
        }
        static_rules {
          from 10.9.0.0/24 table 100 preference 100
          to 10.30.0.0/16 lookup 1000 priority 101
          from all fwmark 0x10/0xff table 101 preference 102 no_track
          iif eth0 prohibit preference 103
          from 10.9.0.7 goto 110 preference 104
          from fd09::/64 table 100 preference 105
          not from 10.9.0.8 oif eth0 suppress_prefixlength 0 table main preference 106
        }

        """

    static let routesAdded: [(flags: UInt16, payload: String)] = [
        (0x405, "02100000fe12000100000000080001000a140000080005000a0900fe0800040003000000"),
        (0x405, "021000006412000100000000080001000a150000080007000a09000108000400030000000800060007000000"),
        (0x605, "02100000001200060000000008000f00e8030000080001000a160000"),
        (0x405, "02100000fe12000104000000080001000a170000080005000a0900fd08000400030000001c000800080002007805000008000800500500000800010004000000"),
        (0x405, "02100000fe12000100000000080001000a180000240009001000000103000000080005000a0900fb1000000003000000080005000a0900fc"),
        (0x405, "0200000065040001000000000800010000000000080005000a0900fa0800040003000000"),
        (0x405, "0a400000fe1200010000000014000100fd20000000000000000000000000000014000500fd0900000000000000000000000000fe08000400030000000800060064000000"),
        (0xc05, "02100000fe12000700000000080001000a190000"),
    ]
    static let routesDeleted: [(flags: UInt16, payload: String)] = [
        (0x5, "02100000fe12ff0000000000080001000a140000080005000a0900fe0800040003000000"),
        (0x5, "021000006412ff0000000000080001000a150000080007000a09000108000400030000000800060007000000"),
        (0x5, "021000000012ff060000000008000f00e8030000080001000a160000"),
        (0x5, "02100000fe12ff0004000000080001000a170000080005000a0900fd08000400030000001c000800080002007805000008000800500500000800010004000000"),
        (0x5, "02100000fe12ff0000000000080001000a180000240009001000000103000000080005000a0900fb1000000003000000080005000a0900fc"),
        (0x5, "020000006504ff00000000000800010000000000080005000a0900fa0800040003000000"),
        (0x5, "0a400000fe12ff000000000014000100fd20000000000000000000000000000014000500fd0900000000000000000000000000fe08000400030000000800060064000000"),
        (0x5, "02100000fe12ff0000000000080001000a190000"),
    ]
    static let rulesAdded: [(flags: UInt16, payload: String)] = [
        (0x605, "020018006400000100000000080002000a09000008000600640000000500150012000000"),
        (0x605, "02100000000000010000000008000f00e8030000080001000a1e000008000600650000000500150012000000"),
        (0x605, "0200000065000001000000000800020000000000080006006600000008000a001000000008001000ff000000"),
        (0x605, "02000000000000080000000008000600670000000900030065746830000000000500150012000000"),
        (0x605, "020020000000000200000000080002000a09000708000600680000000500150012000000080004006e000000"),
        (0x605, "0a004000640000010000000014000200fd09000000000000000000000000000008000600690000000500150012000000"),
        (0x605, "02002000fe00000102000000080002000a090008080006006a00000008000e00000000000900110065746830000000000500150012000000"),
    ]
    static let rulesDeleted: [(flags: UInt16, payload: String)] = [
        (0x5, "020018006400000100000000080002000a09000008000600640000000500150012000000"),
        (0x5, "02100000000000010000000008000f00e8030000080001000a1e000008000600650000000500150012000000"),
        (0x5, "0200000065000001000000000800020000000000080006006600000008000a001000000008001000ff000000"),
        (0x5, "02000000000000080000000008000600670000000900030065746830000000000500150012000000"),
        (0x5, "020020000000000200000000080002000a09000708000600680000000500150012000000080004006e000000"),
        (0x5, "0a004000640000010000000014000200fd09000000000000000000000000000008000600690000000500150012000000"),
        (0x5, "02002000fe00000102000000080002000a090008080006006a00000008000e00000000000900110065746830000000000500150012000000"),
    ]


    static func loaded() -> Configuration {
        let host = InMemoryHost(files: ["/etc/keepalived/keepalived.conf": configuration])
        return ConfigLoader.load(.init(configFile: "/etc/keepalived/keepalived.conf", configID: "test"), host: host).configuration
    }

    static func hex(_ message: NetlinkMessage) -> String {
        message.payload.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func routesAreSentAsKeepalivedSendsThem() {
        let routes = Self.loaded().staticRoutes
        #expect(routes.count == Self.routesAdded.count)
        for (route, (added, deleted)) in zip(routes, zip(Self.routesAdded, Self.routesDeleted)) {
            let add = route.request(delete: false) { $0 == "eth0" ? 3 : nil }.message(sequence: 1)
            let delete = route.request(delete: true) { $0 == "eth0" ? 3 : nil }.message(sequence: 1)
            #expect(add.type == NetlinkConstants.RTM_NEWROUTE && add.flags == added.flags, "\(route.destination)")
            #expect(Self.hex(add) == added.payload, "\(route.destination)")
            #expect(delete.type == NetlinkConstants.RTM_DELROUTE && delete.flags == deleted.flags, "\(route.destination)")
            #expect(Self.hex(delete) == deleted.payload, "\(route.destination)")
        }
    }

    @Test func rulesAreSentAsKeepalivedSendsThem() {
        let rules = Self.loaded().staticRules
        #expect(rules.count == Self.rulesAdded.count)
        for (rule, (added, deleted)) in zip(rules, zip(Self.rulesAdded, Self.rulesDeleted)) {
            let add = rule.request(delete: false).message(sequence: 1)
            let delete = rule.request(delete: true).message(sequence: 1)
            #expect(add.type == NetlinkConstants.RTM_NEWRULE && add.flags == added.flags, "\(rule.priority)")
            #expect(Self.hex(add) == added.payload, "\(rule.priority)")
            #expect(delete.type == NetlinkConstants.RTM_DELRULE && delete.flags == deleted.flags, "\(rule.priority)")
            #expect(Self.hex(delete) == deleted.payload, "\(rule.priority)")
        }
    }
}
