/// How a change reads in logs and test transcripts (the service and destination as `ipvsadm -Ln`
/// prints them).

extension IPVSChange: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .addService(service): "add service \(service.summary)"
        case let .updateService(service): "edit service \(service.summary)"
        case let .removeService(key): "delete service \(key)"
        case let .addDestination(key, destination): "add \(key) -> \(destination.summary)"
        case let .updateDestination(key, destination): "edit \(key) -> \(destination.summary)"
        case let .removeDestination(key, destination): "delete \(key) -> \(destination)"
        case .flush: "flush"
        }
    }
}

extension IPVSService {
    /// `TCP  10.0.0.1:80 rr persistent 300 mask 255.255.255.0`, the way ipvsadm -Ln words a service line.
    public var summary: String {
        var text = "\(key) \(scheduler)"
        if flags.contains(.persistent) { text += " persistent \(timeout)" }
        if netmask != IPVSService.hostNetmask(key.family) {
            text += key.family == .inet
                ? " mask \(netmask >> 24).\(netmask >> 16 & 0xff).\(netmask >> 8 & 0xff).\(netmask & 0xff)"
                : " mask \(netmask)"
        }
        if let engine = persistenceEngine { text += " pe \(engine)" }
        if flags.contains(.onePacket) { text += " ops" }
        return text
    }
}

extension IPVSDestination {
    /// `10.0.1.2:80 Masq 1`: address, forwarding method and weight; a tunnel other than plain ipip
    /// adds its encapsulation (`10.0.1.2:80 Tunnel 1 gue 6080 csum`).
    public var summary: String {
        let text = "\(key) \(forwarding.ipvsadmName) \(weight)"
        guard forwarding == .tunnel, tunnel != .ipip else { return text }
        var encapsulation = " \(tunnel.type.ipvsadmName)"
        if tunnel.type == .gue { encapsulation += " \(tunnel.port)" }
        if tunnel.flags.contains(.checksum) { encapsulation += " csum" }
        if tunnel.flags.contains(.remoteChecksum) { encapsulation += " remcsum" }
        return text + encapsulation
    }
}
