// The table in the layout of `ipvsadm -Ln`'s service and destination lines (no header).
import IPVSModel

struct IPVSTableListing {
    let text: String

    init(_ table: IPVSTable) {
        var lines: [String] = []
        for server in table.virtualServers {
            var line = "\(server.service.key) \(server.service.scheduler)"
            if server.service.flags.contains(.persistent) { line += " persistent \(server.service.timeout)" }
            lines.append(line)
            for destination in server.destinations {
                lines.append("  -> \(destination.key) \(destination.forwarding.ipvsadmName) \(destination.weight)")
            }
        }
        text = lines.map { $0 + "\n" }.joined()
    }
}
