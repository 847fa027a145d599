import KeepalivedConfig
import NetworkTypes

/// keepalived's format_iproute for the fields most routes use: the text it logs when it restores
/// a deleted static route, e.g. `prepend 10.1.0.0/16 via inet 10.77.0.1 dev eth0 metric 5`.
/// Nexthops, metrics, realms and encapsulation are left out.
enum RouteText {
    static func keepalived(_ route: Route) -> String {
        // keepalived's add bit is its type bit too: a typed route reads "add" unless appended.
        let add = route.installMode == .add || (route.installMode == .prepend && route.type != .unicast)
        var text = add ? "add " : route.installMode == .append ? "append " : "prepend "
        if route.type != .unicast { text += (typeNames[route.type.rawValue] ?? String(route.type.rawValue)) + " " }
        text += destination(route.destination)
        if let source = route.sourcePrefix { text += " from " + destination(source) }
        if let preferred = route.preferredSource { text += " src \(preferred)" }
        if let tos = route.tos { text += " tos \(tos)" }
        if let gateway = route.gateway { text += " via \(gateway.bytes.count == 16 ? "inet6" : "inet") \(gateway)" }
        if let interface = route.interface { text += " dev \(interface)" }
        if route.table != 254 { text += " table \(route.table)" }
        if let routeProtocol = route.routeProtocol { text += " proto \(routeProtocol)" }
        if let scope = route.scope { text += " scope \(scope)" }
        if let metric = route.metric { text += " metric \(metric)" }
        if route.family == .inet && route.onLink { text += " onlink" }
        return text
    }

    /// ipaddresstos: the prefix length is left out for a single address.
    private static func destination(_ destination: RouteDestination) -> String {
        switch destination {
        case .any: return "default"
        case let .prefix(prefix):
            return prefix.length == prefix.address.bytes.count * 8 ? prefix.address.description : prefix.description
        }
    }

    /// keepalived's get_rttables_rtntype names.
    private static let typeNames: [UInt8: String] = [
        2: "local", 3: "broadcast", 4: "anycast", 5: "multicast", 6: "blackhole", 7: "unreachable", 8: "prohibit",
        9: "throw", 10: "nat", 11: "xresolve",
    ]
}
