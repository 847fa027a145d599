import KeepalivedConfig

/// static_ipaddress, static_routes and static_rules: installed once when the VRRP service starts,
/// whatever the instances' states, and removed when it stops (as keepalived does, -V or not).
public struct StaticDataPlane: Sendable {
    /// Each address with the interface it goes on (its `dev`, else default_interface, else eth0).
    public var addresses: [(interface: String, address: VirtualAddress)] = []
    public var routes: [Route] = []
    public var rules: [Rule] = []

    public init() {}

    public init(_ configuration: Configuration) {
        let fallback = configuration.global.vrrp.defaultInterface ?? VirtualAddress.defaultInterface
        addresses = configuration.staticAddresses.map { ($0.interface ?? fallback, $0) }
        routes = configuration.staticRoutes
        rules = configuration.staticRules
    }

    public var isEmpty: Bool { addresses.isEmpty && routes.isEmpty && rules.isEmpty }

    /// Which entries (by position) were added successfully, so only those are removed.
    struct Installed {
        var addresses = Set<Int>()
        var routes = Set<Int>()
        var rules = Set<Int>()
    }
}
