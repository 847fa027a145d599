/// An RTM_NEWROUTE/RTM_DELROUTE message read back (struct rtmsg + attributes): the fields keepalived
/// compares to recognise one of its own routes (its route_is_ours).
public struct RouteMessage: Sendable, Hashable {
    /// The fields that identify a route in its table.
    public struct Key: Sendable, Hashable {
        public var family: UInt8
        public var destination: [UInt8]
        public var destinationLength: UInt8
        public var table: UInt32
        public var metric: UInt32
        public var tos: UInt8
        /// RTA_OIF (nil: not compared, the route names no interface).
        public var outputInterface: UInt32?

        public init(family: UInt8, destination: [UInt8], destinationLength: UInt8, table: UInt32, metric: UInt32, tos: UInt8,
                    outputInterface: UInt32?) {
            self.family = family
            self.destination = destination
            self.destinationLength = destinationLength
            self.table = table
            self.metric = metric
            self.tos = tos
            self.outputInterface = outputInterface
        }

        /// Whether a route sent as `request` is this one (keepalived's route_is_ours).
        public func matches(_ request: RouteRequest) -> Bool {
            let length = family == NetlinkConstants.AF_INET ? 4 : 16
            return request.family == family && request.destinationLength == destinationLength
                && (request.destination ?? Array(repeating: 0, count: length)) == destination
                && request.table == table && (request.metric ?? 0) == metric && request.tos == tos
                && (request.outputInterface == nil || request.outputInterface == outputInterface)
        }
    }

    public var key: Key
    public var routeProtocol: UInt8
    public var deleted: Bool

    public init?(_ message: NetlinkMessage) {
        guard message.type == NetlinkConstants.RTM_NEWROUTE || message.type == NetlinkConstants.RTM_DELROUTE,
              message.payload.count >= 12 else { return nil }
        let payload = message.payload
        let family = payload[0]
        guard family == NetlinkConstants.AF_INET || family == NetlinkConstants.AF_INET6 else { return nil }
        var destination = Array(repeating: UInt8(0), count: family == NetlinkConstants.AF_INET ? 4 : 16)
        var table = UInt32(payload[4]), metric: UInt32 = 0
        var outputInterface: UInt32?
        for attribute in RouteAttribute.decodeAll(payload[12...]) {
            switch attribute.type {
            case NetlinkConstants.RTA_DST where attribute.value.count == destination.count: destination = attribute.value
            case NetlinkConstants.RTA_TABLE where attribute.value.count == 4: table = attribute.value.readHost(UInt32.self, at: 0)
            case NetlinkConstants.RTA_PRIORITY where attribute.value.count == 4: metric = attribute.value.readHost(UInt32.self, at: 0)
            case NetlinkConstants.RTA_OIF where attribute.value.count == 4: outputInterface = attribute.value.readHost(UInt32.self, at: 0)
            default: break
            }
        }
        key = Key(family: family, destination: destination, destinationLength: payload[1], table: table, metric: metric,
                  tos: payload[3], outputInterface: outputInterface)
        routeProtocol = payload[5]
        deleted = message.type == NetlinkConstants.RTM_DELROUTE
    }
}
