import Foundation
import Testing
import KeepalivedTestSupport

/// An instance whose interface has no IPv4 address (and no unicast_src_ip) cannot advertise:
/// keepalived 2.2.7 holds it in FAULT, logging why, until an address appears, and faults it again
/// when the last one goes. Ours and Debian's, each as the would-be master.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct SourceAddressTests {
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
}
