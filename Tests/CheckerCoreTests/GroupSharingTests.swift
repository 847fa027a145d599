import CheckerCore
import Testing

/// A virtual_server_group used by several virtual servers: a kernel service they share (a fwmark
/// entry has no protocol, so a TCP and a UDP virtual server over one group share it) is added once
/// and removed with its last user, at stop and at a reload (keepalived counts a group entry's users,
/// ipvswrapper.c ipvs_change_needed).
@Suite struct GroupSharingTests {
    static let group = """
        virtual_server_group both {
          10.77.0.100 53
          fwmark 7
        }

        """
    static func server(_ proto: String, address: String = "10.77.0.21") -> String {
        """
        virtual_server group both {
          lvs_sched rr
          lvs_method DR
          protocol \(proto)
          real_server \(address) 53 {
            TCP_CHECK { connect_port 53 }
          }
        }

        """
    }

    @Test func aSharedServiceIsAddedOnceAndRemovedWithItsLastUser() {
        var driver = Driver(Self.group + Self.server("TCP") + Self.server("UDP", address: "10.77.0.22"))
        let start = driver.start().filter { $0.hasPrefix("ipvs") }
        #expect(start == [
            "ipvs add service TCP  10.77.0.100:53 rr",
            "ipvs add service FWM  7 rr",
            "ipvs add TCP  10.77.0.100:53 -> 10.77.0.21:53 Route 1",
            "ipvs add FWM  7 -> 10.77.0.21:0 Route 1",
            "ipvs add service UDP  10.77.0.100:53 rr",
            "ipvs add UDP  10.77.0.100:53 -> 10.77.0.22:53 Route 1",
            "ipvs add FWM  7 -> 10.77.0.22:0 Route 1",
        ])
        #expect(render(driver.checker.stop()).filter { $0.hasPrefix("ipvs") } == [
            "ipvs delete TCP  10.77.0.100:53 -> 10.77.0.21:53",
            "ipvs delete FWM  7 -> 10.77.0.21:0",
            "ipvs delete service TCP  10.77.0.100:53",
            "ipvs delete UDP  10.77.0.100:53 -> 10.77.0.22:53",
            "ipvs delete FWM  7 -> 10.77.0.22:0",
            "ipvs delete service UDP  10.77.0.100:53",
            "ipvs delete service FWM  7",
        ])
        #expect(driver.checker.desiredTable.virtualServers.isEmpty)
    }

    /// A reload that drops one user keeps the shared service (and the other user's destination).
    @Test func aReloadDroppingOneUserKeepsTheSharedService() {
        var driver = Driver(Self.group + Self.server("TCP") + Self.server("UDP", address: "10.77.0.22"))
        _ = driver.start()
        let reload = driver.checker.reloaded(to: engine(Self.group + Self.server("UDP", address: "10.77.0.22"))) { _ in 0 }
        #expect(render(reload.actions).filter { $0.hasPrefix("ipvs") || $0.hasPrefix("Removing") } == [
            "Removing Virtual Server Group [both]",
            "Removing service [10.77.0.21]:tcp:53 from VS [both]:0",
            "ipvs delete TCP  10.77.0.100:53 -> 10.77.0.21:53",
            "ipvs delete FWM  7 -> 10.77.0.21:0",
            "ipvs delete service TCP  10.77.0.100:53",
        ])
        #expect(reload.engine.desiredTable.virtualServer(.firewallMark(7, family: .inet))?.destinations.map(\.summary) == ["10.77.0.22:0 Route 1"])
    }

    /// A group's entries follow the new group: a gone address loses its service, a new one gets it
    /// with the servers already in, with keepalived's log lines.
    @Test func groupEntriesFollowTheNewGroup() {
        var driver = Driver(Self.group + Self.server("TCP"))
        _ = driver.start()
        let regrouped = Self.group.replacingOccurrences(of: "10.77.0.100 53", with: "10.77.0.101 53") + Self.server("TCP")
        let reload = driver.checker.reloaded(to: engine(regrouped)) { _ in 0 }
        #expect(render(reload.actions) == [
            "VS [[10.77.0.100]:tcp:53] in group both no longer exists",
            "ipvs delete TCP  10.77.0.100:53 -> 10.77.0.21:53",
            "ipvs delete service TCP  10.77.0.100:53",
            "VS [[10.77.0.101]:tcp:53] added into group both",
            "ipvs add service TCP  10.77.0.101:53 rr",
            "ipvs add TCP  10.77.0.101:53 -> 10.77.0.21:53 Route 1",
        ])
        #expect(reload.continuing.count == 1)
    }
}
