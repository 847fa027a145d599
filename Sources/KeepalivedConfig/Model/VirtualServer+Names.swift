/// How keepalived names virtual and real servers in its log lines, mails and FIFO lines.

extension VirtualServer {
    /// keepalived's FMT_VS: `[address]:protocol:port`, `FWM n` or `[group]:0`.
    public var keepalivedName: String {
        switch service {
        case let .group(name): "[\(name)]:0"
        case let .fwmark(mark): "FWM \(mark)"
        case let .address(address, port): "[\(address)]:\(VirtualServer.protocolName(serviceProtocol)):\(port ?? 0)"
        }
    }

    /// keepalived's FMT_RS for a destination of this service: `[address]:protocol:port`, with the
    /// service's protocol (`none` for a fwmark service without one).
    public func keepalivedName(destination address: IPAddress, port: UInt16?) -> String {
        "[\(address)]:\(VirtualServer.protocolName(serviceProtocol)):\(port ?? 0)"
    }

    static func protocolName(_ proto: ServiceProtocol?) -> String {
        proto.map { $0.rawValue.lowercased() } ?? "none"
    }
}
