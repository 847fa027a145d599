import IPVSModel
import NetworkTypes
@testable import NetlinkCodec
import Testing

/// The counters in service and destination dump entries (IPVS_*_ATTR_STATS64, else IPVS_*_ATTR_STATS).
@Suite struct IPVSStatisticsTests {
    func reply(_ command: UInt8, _ nest: UInt16, _ attributes: [RouteAttribute]) -> NetlinkMessage {
        NetlinkMessage(type: 0x20, flags: 2, sequence: 1,
                       payload: [command, 1, 0, 0] + RouteAttribute.nested(nest, attributes).encoded())
    }

    static func u32(_ type: UInt16, _ value: UInt32) -> RouteAttribute {
        var bytes: [UInt8] = []
        bytes.appendHost(value)
        return RouteAttribute(type: type, value: bytes)
    }

    static func u64(_ type: UInt16, _ value: UInt64) -> RouteAttribute {
        var bytes: [UInt8] = []
        bytes.appendHost(value)
        return RouteAttribute(type: type, value: bytes)
    }

    @Test func theCapturedDumpsCarryZeroCounters() throws {
        let zero = IPVSStatistics()
        #expect(try IPVSReply.serviceStatistics(NetlinkMessage(type: 0x20, flags: 2, sequence: 1, payload: IPVSFixtures.serviceTCP4)) == zero)
        #expect(try IPVSReply.destinationStatistics(NetlinkMessage(type: 0x20, flags: 2, sequence: 1, payload: IPVSFixtures.destination4)) == zero)
    }

    @Test func the64BitBlockWinsOverThe32BitOne() throws {
        let narrow = RouteAttribute.nested(IPVSConstants.IPVS_SVC_ATTR_STATS, [Self.u32(1, 7), Self.u32(2, 8)])
        let wide = RouteAttribute.nested(IPVSConstants.IPVS_SVC_ATTR_STATS64, [
            Self.u64(1, 1 << 33), Self.u64(2, 28), Self.u64(3, 20), Self.u64(4, 1572), Self.u64(5, 1816),
            Self.u64(6, 1), Self.u64(7, 3), Self.u64(8, 2), Self.u64(9, 160), Self.u64(10, 184),
        ])
        let s = try IPVSReply.serviceStatistics(reply(IPVSConstants.IPVS_CMD_NEW_SERVICE, IPVSConstants.IPVS_CMD_ATTR_SERVICE, [narrow, wide]))
        #expect(s.connections == 1 << 33)
        #expect([s.inPackets, s.outPackets, s.inBytes, s.outBytes] == [28, 20, 1572, 1816])
        #expect([s.connectionRate, s.inPacketRate, s.outPacketRate, s.inByteRate, s.outByteRate] == [1, 3, 2, 160, 184])
    }

    /// Older kernels: 32-bit counters with 64-bit byte counts.
    @Test func the32BitBlockAlone() throws {
        let narrow = RouteAttribute.nested(IPVSConstants.IPVS_DEST_ATTR_STATS, [
            Self.u32(1, 4), Self.u32(2, 14), Self.u64(4, 1 << 40), Self.u32(10, 99),
        ])
        let s = try IPVSReply.destinationStatistics(reply(IPVSConstants.IPVS_CMD_NEW_DEST, IPVSConstants.IPVS_CMD_ATTR_DEST, [narrow]))
        #expect([s.connections, s.inPackets, s.inBytes, s.outByteRate] == [4, 14, 1 << 40, 99])
        #expect(s.outPackets == 0)
    }

    @Test func sumsAddFieldByField() {
        var a = IPVSStatistics(), b = IPVSStatistics()
        a.connections = 2; a.inByteRate = 5
        b.connections = 3; b.outBytes = 7
        let sum = a + b
        #expect([sum.connections, sum.inByteRate, sum.outBytes] == [5, 5, 7])
    }
}
