// Demo step: show the namespaces and addresses of the lab just built.
import KeepalivedTestSupport

/// Prints each namespace of the lab with its interface and addresses.
struct LabTopologyStep: DemoStep {
    var title: String { "The lab: a bridge, two routers and a client in network namespaces" }

    func run(_ context: DemoContext) throws -> [String] {
        var table = TextTable("namespace", "role", "interface", "addresses")
        table.add(context.lab.bridge.name, "switch", "br0", "(bridge only)")
        for host in context.lab.routers + [context.lab.client] {
            let role = host.role == .client ? "client" : "router"
            let addresses = try host.addresses().map { "\($0.address)/\($0.prefixLength)" }
            table.add(host.name, role, host.interface, addresses.joined(separator: "  "))
        }
        context.say(table.render())
        context.say("  Enter one yourself with: ip netns exec \(context.lab.router(1).name) bash")
        return []
    }
}
