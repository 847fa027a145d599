import Testing
@testable import NetlinkCodec

/// RouteRequest and RuleRequest against payloads keepalived 2.2.7 sent (captured with strace), with
/// eth0 as interface 3. The daemon's tests check the same bytes from configuration lines.
struct RouteCodecTests {
    static func hex(_ message: NetlinkMessage) -> String {
        message.payload.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test func tablePast255GoesInRTATable() {
        var request = RouteRequest(operation: .add, family: NetlinkConstants.AF_INET)
        request.type = 6
        request.table = 1000
        request.destination = [10, 22, 0, 0]
        request.destinationLength = 16
        let message = request.message(sequence: 9)
        #expect(message.type == NetlinkConstants.RTM_NEWROUTE)
        #expect(message.flags == 0x605)
        #expect(Self.hex(message) == "02100000001200060000000008000f00e8030000080001000a160000")
        #expect(message.encoded().count == 16 + 28)
    }

    @Test func metricsCarryTheirLockLast() {
        var request = RouteRequest(operation: .prepend, family: NetlinkConstants.AF_INET)
        request.destination = [10, 23, 0, 0]
        request.destinationLength = 16
        request.gateway = [10, 9, 0, 253]
        request.outputInterface = 3
        request.flags = NetlinkConstants.RTNH_F_ONLINK
        request.metrics = [.init(NetlinkConstants.RTAX_MTU, 1400), .init(NetlinkConstants.RTAX_ADVMSS, 1360)]
        request.lockedMetrics = 1 << UInt32(NetlinkConstants.RTAX_MTU)
        #expect(request.message(sequence: 1).flags == 0x405)
        #expect(Self.hex(request.message(sequence: 1)) == "02100000fe12000104000000080001000a170000080005000a0900fd08000400030000001c000800080002007805000008000800500500000800010004000000")
        request.operation = .delete
        #expect(Self.hex(request.message(sequence: 1)) == "02100000fe12ff0004000000080001000a170000080005000a0900fd08000400030000001c000800080002007805000008000800500500000800010004000000")
    }

    @Test func multipathNexthopsCarryWeightAsHops() {
        var request = RouteRequest(operation: .prepend, family: NetlinkConstants.AF_INET)
        request.destination = [10, 24, 0, 0]
        request.destinationLength = 16
        var first = RouteRequest.Nexthop(gateway: [10, 9, 0, 251])
        first.interfaceIndex = 3
        first.hops = 1
        var second = RouteRequest.Nexthop(gateway: [10, 9, 0, 252])
        second.interfaceIndex = 3
        request.nexthops = [first, second]
        #expect(Self.hex(request.message(sequence: 1)) == "02100000fe12000100000000080001000a180000240009001000000103000000080005000a0900fb1000000003000000080005000a0900fc")
    }

    @Test func gatewayOfTheOtherFamilyIsRTAVia() {
        var request = RouteRequest(operation: .prepend, family: NetlinkConstants.AF_INET)
        request.gateway = Array(repeating: 0, count: 15) + [1]
        let attributes = RouteAttribute.decodeAll(request.message(sequence: 1).payload[12...])
        #expect(attributes.map(\.type) == [NetlinkConstants.RTA_VIA])
        #expect(attributes[0].value.count == 18 && attributes[0].uint16Value == UInt16(NetlinkConstants.AF_INET6))
    }

    @Test func gotoRulesNameTheirTargetLast() {
        var request = RuleRequest(operation: .add, family: NetlinkConstants.AF_INET)
        request.action = .goto
        request.gotoTarget = 110
        request.source = [10, 9, 0, 7]
        request.sourceLength = 32
        request.priority = 104
        request.ruleProtocol = 18
        let message = request.message(sequence: 1)
        #expect(message.type == NetlinkConstants.RTM_NEWRULE && message.flags == 0x605)
        #expect(Self.hex(message) == "020020000000000200000000080002000a09000708000600680000000500150012000000080004006e000000")
    }

    @Test func invertedRulesWithOutputInterfaceAndSuppressor() {
        var request = RuleRequest(operation: .delete, family: NetlinkConstants.AF_INET)
        request.table = 254
        request.invert = true
        request.source = [10, 9, 0, 8]
        request.sourceLength = 32
        request.priority = 106
        request.suppressPrefixLength = 0
        request.outputInterface = "eth0"
        request.ruleProtocol = 18
        let message = request.message(sequence: 1)
        #expect(message.type == NetlinkConstants.RTM_DELRULE && message.flags == 0x5)
        #expect(Self.hex(message) == "02002000fe00000102000000080002000a090008080006006a00000008000e00000000000900110065746830000000000500150012000000")
    }

    @Test func tablesPast255AndL3mdevLeaveTheHeaderTableUnspecified() {
        var request = RuleRequest(operation: .add, family: NetlinkConstants.AF_INET)
        request.table = 1000
        #expect(Array(request.message(sequence: 1).payload[4...4]) == [0])
        #expect(RouteAttribute.decodeAll(request.message(sequence: 1).payload[12...]).first?.uint32Value == 1000)
        request.l3mdev = true
        let attributes = RouteAttribute.decodeAll(request.message(sequence: 1).payload[12...])
        #expect(attributes.map(\.type) == [NetlinkConstants.FRA_L3MDEV])
    }

    /// encap ip id 42 dst 10.77.0.99 ttl 9: RTA_ENCAP {ID big-endian, DST, TTL} then RTA_ENCAP_TYPE 2,
    /// between the gateway and RTA_OIF as keepalived's add_encap places them.
    @Test func encapFollowsTheGatewayAndPrecedesTheInterface() {
        var request = RouteRequest(operation: .prepend, family: NetlinkConstants.AF_INET)
        request.destination = [10, 65, 0, 0]
        request.destinationLength = 16
        var tunnel = RouteEncapsulation.Tunnel()
        tunnel.id = 42
        tunnel.destination = [10, 77, 0, 99]
        tunnel.ttl = 9
        request.encap = .ip(tunnel)
        request.outputInterface = 3
        let hex = Self.hex(request.message(sequence: 1))
        let encap = "2000" + "1600" + "0c000100000000000000002a" + "08000200" + "0a4d0063" + "0500040009000000" + "060015000200" + "0000"
        #expect(hex.contains(encap + "08000400" + "03000000"), "\(hex)")
    }
}
