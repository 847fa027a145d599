/// Reading the counters a service or destination dump entry carries.
import IPVSModel

extension IPVSReply {
    /// The counters of a GET_SERVICE dump entry: IPVS_SVC_ATTR_STATS64, else the older IPVS_SVC_ATTR_STATS.
    public static func serviceStatistics(_ message: NetlinkMessage) throws(IPVSDecodeError) -> IPVSStatistics {
        let nested = try nestedAttributes(message, command: IPVSConstants.IPVS_CMD_NEW_SERVICE, attribute: IPVSConstants.IPVS_CMD_ATTR_SERVICE, name: "IPVS_CMD_ATTR_SERVICE")
        return statistics(nested, wide: IPVSConstants.IPVS_SVC_ATTR_STATS64, narrow: IPVSConstants.IPVS_SVC_ATTR_STATS)
    }

    /// The counters of a GET_DEST dump entry: IPVS_DEST_ATTR_STATS64, else IPVS_DEST_ATTR_STATS.
    public static func destinationStatistics(_ message: NetlinkMessage) throws(IPVSDecodeError) -> IPVSStatistics {
        let nested = try nestedAttributes(message, command: IPVSConstants.IPVS_CMD_NEW_DEST, attribute: IPVSConstants.IPVS_CMD_ATTR_DEST, name: "IPVS_CMD_ATTR_DEST")
        return statistics(nested, wide: IPVSConstants.IPVS_DEST_ATTR_STATS64, narrow: IPVSConstants.IPVS_DEST_ATTR_STATS)
    }

    /// Each field as wide as the kernel sent it (4 or 8 bytes); a missing field or block reads 0.
    static func statistics(_ attributes: [RouteAttribute], wide: UInt16, narrow: UInt16) -> IPVSStatistics {
        let block = attributes.first { $0.type == wide } ?? attributes.first { $0.type == narrow }
        let fields = block?.children ?? []
        func read(_ type: UInt16) -> UInt64 {
            guard let field = fields.first(where: { $0.type == type }) else { return 0 }
            if field.value.count >= 8 { return field.value.readHost(UInt64.self, at: 0) }
            return field.uint32Value.map(UInt64.init) ?? 0
        }
        var s = IPVSStatistics()
        s.connections = read(IPVSConstants.IPVS_STATS_ATTR_CONNS)
        s.inPackets = read(IPVSConstants.IPVS_STATS_ATTR_INPKTS)
        s.outPackets = read(IPVSConstants.IPVS_STATS_ATTR_OUTPKTS)
        s.inBytes = read(IPVSConstants.IPVS_STATS_ATTR_INBYTES)
        s.outBytes = read(IPVSConstants.IPVS_STATS_ATTR_OUTBYTES)
        s.connectionRate = read(IPVSConstants.IPVS_STATS_ATTR_CPS)
        s.inPacketRate = read(IPVSConstants.IPVS_STATS_ATTR_INPPS)
        s.outPacketRate = read(IPVSConstants.IPVS_STATS_ATTR_OUTPPS)
        s.inByteRate = read(IPVSConstants.IPVS_STATS_ATTR_INBPS)
        s.outByteRate = read(IPVSConstants.IPVS_STATS_ATTR_OUTBPS)
        return s
    }
}
