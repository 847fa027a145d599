import Foundation
import Testing
import KeepalivedTestSupport

/// Address events from netlink, ours and Debian's keepalived 2.2.7 each as the would-be master.
/// An instance whose interface has no IPv4 address (and no unicast_src_ip) cannot advertise: it is
/// held in FAULT, with the reason logged, until an address appears, and faults again when the last
/// one goes. A master whose VIP someone deletes steps down and takes it back after Skew_Time.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct InterfaceAddressEventTests {
    typealias F = VRRPFixtures

    @Test(arguments: [F.Implementation.ours, .debian])
    func anInstanceWaitsInFaultForAnInterfaceAddress(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            let address = Lab.ipv4(router: 2) + "/24"
            try router.ip("-4", "address", "flush", "dev", "eth0")
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let daemon = try F.start(implementation, in: router, config: F.config(priority: 150))
            #expect(daemon.waitForOutput(containing: "(VI_1) entering FAULT state (no IPv4 address for interface)"),
                    "no start-up fault:\n\(daemon.output)")
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack) != nil,
                    "router 1 never became master:\n\(backup.output)")
            #expect(!F.holds(router, F.vip4))

            // An address arrives: the instance starts as a backup and preempts with priority 150.
            try router.ip("address", "add", address, "dev", "eth0")
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never took over once it had an address:\n\(daemon.output)")

            // The last address goes: FAULT again, and router 1 takes the VIP back.
            try router.ip("address", "del", address, "dev", "eth0")
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 100) + F.slack) != nil,
                    "router 1 never took the VIP back:\n\(backup.output)")
            #expect(daemon.waitForOutput(containing: "(VI_1) Entering FAULT STATE"), "no fault:\n\(daemon.output)")
        }
    }

    @Test(arguments: [F.Implementation.ours, .debian])
    func aMasterWhoseVIPIsDeletedTakesItBack(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            let backup = try F.start(.ours, in: lab.router(1), config: F.config(priority: 100))
            let daemon = try F.start(implementation, in: router, config: F.config(priority: 150))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 2 never became master:\n\(daemon.output)")
            try router.ip("address", "del", F.vip4 + "/24", "dev", "eth0")
            #expect(daemon.waitForOutput(containing: "(VI_1) Entering BACKUP STATE"), "no step-down:\n\(daemon.output)")
            // Its priority 0 advert sends router 1's timer to its own Skew_Time (0.61 s); router 2's
            // is 0.41 s, so router 2 is master again first.
            #expect(F.waitUntil(router, holds: F.vip4, atMost: 0.61 + F.slack) != nil,
                    "router 2 never took its VIP back:\n\(daemon.output)\nrouter 1:\n\(backup.output)")
            #expect(daemon.output.components(separatedBy: "(VI_1) Entering MASTER STATE").count == 3, "\(daemon.output)")
        }
    }

    /// promote_secondaries: the interface's sysctl is on while the daemon runs and off again after.
    @Test(arguments: [F.Implementation.ours, .debian])
    func promoteSecondariesIsOnWhileRunning(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let sysctl = "/proc/sys/net/ipv4/conf/eth0/promote_secondaries"
            func value() throws -> String { try router.shell("cat \(sysctl)").standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(try value() == "0")
            let daemon = try F.start(implementation, in: router, config: F.config(priority: 150, extra: "  promote_secondaries\n"))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            #expect(try value() == "1", "\(daemon.output)")
            _ = daemon.stop()
            #expect(try value() == "0", "\(daemon.output)")
        }
    }

    /// A static_ipaddress someone deletes is added back with keepalived's line; a no_track one is not.
    @Test(arguments: [F.Implementation.ours, .debian])
    func aDeletedStaticAddressIsRestored(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let statics = "static_ipaddress {\n  10.77.0.50/24 dev eth0\n  10.77.0.51/24 dev eth0 no_track\n}\n"
            let daemon = try F.start(implementation, in: router, config: statics + F.config(priority: 150))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            try router.ip("address", "del", "10.77.0.50/24", "dev", "eth0")
            try router.ip("address", "del", "10.77.0.51/24", "dev", "eth0")
            #expect(daemon.waitForOutput(containing: "Restoring deleted static address 10.77.0.50/24 dev eth0 scope global set"),
                    "no restore line:\n\(daemon.output)")
            #expect(F.waitUntil(router, holds: "10.77.0.50", atMost: 1) != nil)
            #expect(!F.holds(router, "10.77.0.51"))
            #expect(!daemon.output.contains("Restoring deleted static address 10.77.0.51"), "\(daemon.output)")
        }
    }

    /// Routes someone deletes: a static route is added back with keepalived's line; a master's
    /// virtual route moves it to BACKUP for Skew_Time, as a deleted VIP does, and it comes back.
    @Test(arguments: [F.Implementation.ours, .debian])
    func deletedRoutesAsKeepalived(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let gateway = Lab.ipv4(router: 1)
            let statics = "static_routes {\n  10.99.0.0/16 via \(gateway) dev eth0\n}\n"
            let daemon = try F.start(implementation, in: router, config: statics + F.config(
                priority: 150, extra: "  virtual_routes {\n    10.98.0.0/16 via \(gateway) dev eth0\n  }\n"))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
            try router.ip("route", "del", "10.99.0.0/16")
            #expect(daemon.waitForOutput(containing: "Restoring deleted static route prepend 10.99.0.0/16 via inet \(gateway) dev eth0"),
                    "no restore line:\n\(daemon.output)")
            try router.ip("route", "del", "10.98.0.0/16")
            #expect(daemon.waitForOutput(containing: "(VI_1) Entering BACKUP STATE"), "no step-down:\n\(daemon.output)")
            let back = SNMPStation.waitFor(atMost: 0.41 + F.slack) {
                ((try? router.run(["ip", "route", "show", "10.98.0.0/16"]).standardOutput) ?? "").contains("via")
            }
            #expect(back != nil, "the virtual route never came back:\n\(daemon.output)")
        }
    }
}
