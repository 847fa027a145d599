// Demo step: every router reaches the other router and the client over IPv4 and IPv6.
import KeepalivedTestSupport

/// Pings across the bridge (IPv4, IPv6 ULA and link-local) and prints a table of the results.
struct ReachabilityStep: DemoStep {
    var title: String { "Reachability across the bridge (ping)" }

    func run(_ context: DemoContext) throws -> [String] {
        let lab = context.lab
        var table = TextTable("from", "to", "IPv4", "IPv6", "IPv6 link-local")
        var problems: [String] = []
        for source in lab.routers {
            for target in lab.routers + [lab.client] where target.name != source.name {
                var cells: [String] = []
                for address in [target.ipv4, target.ipv6, try target.linkLocalAddress()] {
                    guard let address else {
                        cells.append("no address")
                        problems.append("\(target.name) has no address to ping")
                        continue
                    }
                    let ok = try source.ping(address)
                    cells.append(ok ? "ok  \(address)" : "FAIL \(address)")
                    if !ok { problems.append("\(source.name) cannot ping \(address)") }
                }
                table.add(label(source, lab), label(target, lab), cells[0], cells[1], cells[2])
            }
        }
        context.say(table.render())
        return problems
    }

    private func label(_ host: LabNamespace, _ lab: Lab) -> String {
        switch host.role {
        case .router(let n): "router \(n)"
        case .client: "client"
        case .bridge: "switch"
        }
    }
}
