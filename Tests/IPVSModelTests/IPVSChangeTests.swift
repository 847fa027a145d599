import IPVSModel
import NetworkTypes
import Testing

@Suite struct IPVSChangeTests {
    let web = IPVSServiceKey.address(.tcp, IPAddress("10.0.0.1")!, port: 80)
    let dns = IPVSServiceKey.address(.udp, IPAddress("2001:db8::1")!, port: 53)
    let mark = IPVSServiceKey.firewallMark(7, family: .inet)

    func server(_ address: String, weight: Int32 = 1, _ method: IPVSForwardingMethod = .masquerade) -> IPVSDestination {
        IPVSDestination(address: IPAddress(address)!, port: 80, forwarding: method, weight: weight)
    }

    var table: IPVSTable {
        IPVSTable([
            IPVSVirtualServer(service: IPVSService(key: web, scheduler: "rr"), destinations: [server("10.0.1.2"), server("10.0.2.2")]),
            IPVSVirtualServer(service: IPVSService(key: dns, scheduler: "wlc"), destinations: []),
        ])
    }

    @Test func anIdenticalTableNeedsNothing() {
        #expect(table.changes(to: table).isEmpty)
        #expect(IPVSTable().changes(to: IPVSTable()).isEmpty)
    }

    @Test func kernelBookkeepingIsNoChange() {
        var kernel = table.virtualServers
        kernel[0].service.flags.insert(.hashed)
        kernel[0].destinations[0].activeConnections = 12
        kernel[0].destinations[1].inactiveConnections = 3
        #expect(IPVSTable(kernel).changes(to: table).isEmpty)
    }

    @Test func onlyWhatChangedIsSent() {
        var wanted = table.virtualServers
        wanted[0].destinations[1].weight = 0
        wanted[0].destinations.remove(at: 0)
        wanted[0].destinations.append(server("10.0.3.2", .directRoute))
        wanted[1].service.flags = .persistent
        wanted[1].service.timeout = 300
        let changes = table.changes(to: IPVSTable(wanted))
        #expect(changes == [
            .removeDestination(web, IPVSDestinationKey(address: IPAddress("10.0.1.2")!, port: 80)),
            .updateDestination(web, server("10.0.2.2", weight: 0)),
            .addDestination(web, server("10.0.3.2", .directRoute)),
            .updateService(wanted[1].service),
        ])
    }

    @Test func servicesComeAndGoWithTheirDestinations() {
        let wanted = IPVSTable([
            table.virtualServers[1],
            IPVSVirtualServer(service: IPVSService(key: mark, scheduler: "sh"), destinations: [server("10.0.9.2", .tunnel)]),
        ])
        #expect(table.changes(to: wanted) == [
            .removeService(web),
            .addService(IPVSService(key: mark, scheduler: "sh")),
            .addDestination(mark, server("10.0.9.2", .tunnel)),
        ])
    }

    @Test(arguments: 0..<40) func applyingTheChangesReachesTheWantedTable(seed: Int) {
        // Small pseudo-random tables over a fixed universe of keys: whatever the start and the goal,
        // the changes lead from one to the other, and then nothing is left to do.
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        func randomTable() -> IPVSTable {
            IPVSTable([web, dns, mark].filter { _ in next(3) > 0 }.map { key in
                let addresses = key.family == .inet ? ["10.0.1.2", "10.0.2.2", "10.0.3.2"] : ["2001:db8::2", "2001:db8::3"]
                let destinations = addresses.filter { _ in next(2) == 0 }.map {
                    server($0, weight: Int32(next(3)), [.masquerade, .directRoute, .tunnel][next(3)])
                }
                return IPVSVirtualServer(service: IPVSService(key: key, scheduler: ["rr", "wlc"][next(2)]), destinations: destinations)
            })
        }
        let start = randomTable(), goal = randomTable()
        let reached = start.changes(to: goal).reduce(start) { $0.applying($1) }
        #expect(reached == goal)
        #expect(reached.changes(to: goal).isEmpty)
    }
}
