/// `lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]` (keepalived's
/// svr_forwarding_handler), shared by virtual, real and sorry servers.
extension CheckerKeywords {
    /// The method on `line`, or nil after reporting an unknown method. Like keepalived, a bad
    /// tunnel option is reported but the method itself is still taken, with `current`'s tunnel settings.
    static func readForwarding(_ parser: ConfigParser, _ line: KeywordLine, current: ForwardingMethod?, server: String) -> ForwardingMethod? {
        guard let word = parser.argument(line, 1) else { return nil }
        guard let kind = ForwardingMethod.Kind(rawValue: word) else {
            parser.error("PARSER : unknown [\(word)] routing method for \(server) server.", line, word: 1, hint: "use NAT, DR or TUN")
            return nil
        }
        var method = current ?? ForwardingMethod(kind: kind)
        method.kind = kind
        // keepalived sets the method first: a bad tunnel option keeps the old tunnel settings.
        var tunnelType = ForwardingMethod.TunnelType.ipip
        var port: UInt64 = 0
        var checksum = ForwardingMethod.TunnelChecksum.none
        var i = 2
        while i < line.count {
            let option = line[i]!
            switch option {
            case "type":
                guard let typeWord = line[i + 1] else {
                    parser.error("Missing tunnel type for \(server) server.", line, word: i, hint: "give ipip, gue or gre")
                    return method
                }
                guard let type = ForwardingMethod.TunnelType(rawValue: typeWord) else {
                    parser.error("Unknown tunnel type \(typeWord) for \(server) server.", line, word: i + 1, hint: "give ipip, gue or gre")
                    return method
                }
                tunnelType = type
                i += 1
            case "port":
                guard line[i + 1] != nil else {
                    parser.error("Missing port for \(server) server gue tunnel.", line, word: i, hint: "give the GUE port")
                    return method
                }
                guard let value = parser.readUnsigned(line, i + 1, 1...65535) else {
                    parser.error("Invalid gue tunnel port \(line[i + 1]!) for \(server) server.", line, word: i + 1, hint: "give a port 1-65535")
                    return method
                }
                port = value
                i += 1
            case "nocsum": checksum = .none
            case "csum": checksum = .checksum
            case "remcsum": checksum = .remote
            default:
                parser.error("Invalid tunnel option \(option) for \(server) server.", line, word: i,
                             hint: "use type, port, nocsum, csum or remcsum")
                return method
            }
            i += 1
        }
        if (tunnelType == .gue) != (port != 0) {
            parser.error("gue tunnels require port, otherwise cannot have port.", line, hint: "give port with type gue only")
            return method
        }
        if tunnelType == .ipip && checksum != .none {
            parser.error("ipip tunnels do not support checksum option.", line, hint: "remove csum/remcsum or use gue/gre")
            return method
        }
        if tunnelType == .gre && checksum == .remote {
            parser.error("gre tunnels do not support remote checksum option.", line, hint: "use csum or nocsum")
            return method
        }
        method.tunnelType = tunnelType
        method.tunnelPort = port == 0 ? nil : UInt16(port)
        method.tunnelChecksum = checksum
        return method
    }
}
