import Foundation
import Testing
import KeepalivedTestSupport

/// virtual_ipaddress options (brd, label, scope, dev, noprefixroute, peer, IPv6 lifetimes and DAD):
/// the addresses a master installs read the same in `ip -o addr` under keepalived 2.2.7 and ours.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct VIPOptionsTests {
    typealias F = VRRPFixtures

    static let config = """
        vrrp_instance VI_1 {
          interface eth0
          state BACKUP
          virtual_router_id 51
          priority 150
          advert_int 1
          virtual_ipaddress {
            10.77.0.200/24 brd + label eth0:vip
            10.77.0.201/32 scope link
            10.77.0.202/24 dev side0
            10.77.0.203/24 noprefixroute
            10.77.0.204 peer 10.77.0.254
          }
          virtual_ipaddress_excluded {
            fd77::200/64
            fd77::201/128
            fd77::202/64 -nodad preferred_lft forever home
          }
        }

        """

    /// The VIP lines of `ip -o addr` (without lifetimes' counting) while `implementation` is master.
    static func addresses(_ implementation: F.Implementation, in lab: Lab) throws -> [String] {
        let router = lab.router(1)
        let daemon = try F.start(implementation, in: router, config: config)
        defer { _ = daemon.stop() }
        #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil, "\(daemon.output)")
        usleep(1_000_000)
        let output = try router.run(["ip", "-o", "addr", "show"]).standardOutput
        return output.split(separator: "\n").map(String.init)
            .filter { $0.contains("10.77.0.20") || $0.contains("fd77::20") }
            .map { line in
                // `2: eth0    inet ... \       valid_lft forever preferred_lft forever`: drop the index and tidy spaces.
                line.split(separator: " ").dropFirst().filter { !$0.isEmpty && $0 != "\\" }.joined(separator: " ")
                    .replacingOccurrences(of: "tentative ", with: "")
            }
            .sorted()
    }

    @Test func vipOptionsInstallAsKeepalivedInstallsThem() throws {
        let (theirs, ours) = try Lab.withLab(routers: 1) { lab in
            try lab.router(1).ip("link", "add", "side0", "type", "veth", "peer", "name", "side1")
            try lab.router(1).ip("link", "set", "side0", "up")
            try lab.router(1).ip("link", "set", "side1", "up")
            let theirs = try Self.addresses(.debian, in: lab)
            usleep(1_000_000)
            return (theirs, try Self.addresses(.ours, in: lab))
        }
        #expect(theirs.count == 8, "keepalived 2.2.7 installed: \(theirs)")
        #expect(ours == theirs, "keepalived 2.2.7:\n\(theirs.joined(separator: "\n"))\nours:\n\(ours.joined(separator: "\n"))")
    }
}
