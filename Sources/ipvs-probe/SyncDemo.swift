// Two tables for `ipvs-probe sync-demo`: the second keeps, edits, drops and adds parts of the first.
import IPVSModel
import NetworkTypes

enum SyncDemo {
    static let web = IPVSServiceKey.address(.tcp, IPAddress("10.1.0.1")!, port: 80)

    static func server(_ address: String, _ weight: Int32) -> IPVSDestination {
        IPVSDestination(address: IPAddress(address)!, port: 80, forwarding: .masquerade, weight: weight)
    }

    static let first = IPVSTable([
        IPVSVirtualServer(service: IPVSService(key: web, scheduler: "rr"), destinations: [server("10.1.1.2", 1), server("10.1.2.2", 1)]),
    ])

    static let second = IPVSTable([
        IPVSVirtualServer(service: IPVSService(key: web, scheduler: "wrr"), destinations: [server("10.1.2.2", 0), server("10.1.3.2", 4)]),
        IPVSVirtualServer(
            service: IPVSService(key: .firewallMark(5, family: .inet), scheduler: "sh", flags: .persistent, timeout: 60),
            destinations: [IPVSDestination(address: IPAddress("10.1.4.2")!, port: 0, forwarding: .directRoute, weight: 1)]),
    ])

    /// In order: build the first (3 changes), again (none), move to the second (6).
    static let tables: [(String, IPVSTable)] = [("first", first), ("again", first), ("second", second)]
}
