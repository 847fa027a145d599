import Foundation
import Testing
import KeepalivedTestSupport

/// use_vmac: the instance runs on a private macvlan `vrrp.VRID` carrying 00:00:5e:00:01:VRID, so the
/// VIP answers ARP with the same MAC whichever router is master. Mixed with keepalived 2.2.7
/// doing the same on the other router.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct VirtualMACTests {
    typealias F = VRRPFixtures
    static let vmac = "00:00:5e:00:01:33"

    /// Asks who has the address (an ARP request from the client's eth0) and prints the MAC that
    /// answers. A ping would not do: the router's own ARP request for the reply's way back, sent from
    /// eth0 with the VIP as sender, updates the client's neighbour entry with eth0's MAC (with
    /// keepalived 2.2.7 just the same).
    static let arpProbe = #"""
    import socket, struct, sys, time
    target = socket.inet_aton(sys.argv[1]); sender_ip = socket.inet_aton(sys.argv[2])
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0806))
    s.bind(("eth0", 0)); mine = s.getsockname()[4]
    frame = bytes.fromhex("ffffffffffff") + mine + bytes.fromhex("0806") + struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mine + sender_ip + bytes(6) + target
    s.send(frame); s.settimeout(0.5); end = time.time() + 3
    while time.time() < end:
        try: data = s.recv(100)
        except socket.timeout: s.send(frame); continue
        if data[12:14] == bytes.fromhex("0806") and struct.unpack("!H", data[20:22])[0] == 2 and data[28:32] == target:
            print(":".join("%02x" % b for b in data[22:28])); break
    """#

    static func answeringMAC(_ lab: Lab) throws -> String {
        try F.runPython(arpProbe, named: "arp-probe.py", in: lab.client, lab: lab, arguments: [F.vip4, "10.77.0.100"])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [(F.Implementation.ours, F.Implementation.debian), (.debian, .ours)])
    func theVIPKeepsItsMACAcrossAFailover(master: F.Implementation, backup: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let (r1, r2) = (lab.router(1), lab.router(2))
            let first = try F.start(master, in: r1, config: F.config(priority: 150, extra: "  use_vmac\n"))
            let second = try F.start(backup, in: r2, config: F.config(priority: 100, extra: "  use_vmac\n"))
            let held = SNMPStation.waitFor(atMost: F.masterDownInterval(priority: 150) + F.slack) {
                ((try? r1.addresses(of: "vrrp.51")) ?? []).contains { $0.address == F.vip4 }
            }
            #expect(held != nil, "router 1 (\(master)) never put the VIP on vrrp.51:\n\(first.output)")
            #expect(try F.mac(r1, interface: "vrrp.51") == Self.vmac)
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP")
            #expect(try Self.answeringMAC(lab) == Self.vmac)

            first.send(SIGTERM)
            #expect(first.waitForExit(timeout: .seconds(5)))
            let moved = SNMPStation.waitFor(atMost: 2 + F.slack) {
                ((try? r2.addresses(of: "vrrp.51")) ?? []).contains { $0.address == F.vip4 }
            }
            #expect(moved != nil, "router 2 (\(backup)) never took the VIP:\n\(second.output)")
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP after the failover")
            #expect(try Self.answeringMAC(lab) == Self.vmac, "another MAC answers for the VIP after the failover")
            // The stopped router removed its VMAC.
            #expect(SNMPStation.waitFor(atMost: 2) { (try? r1.run(["ip", "link", "show", "vrrp.51"]).status) != 0 } != nil)
        }
    }

    /// vmac_xmit_base: the adverts leave from the base interface's MAC while the VIP stays on the
    /// VMAC and answers with the virtual MAC; a failover still works, both ways mixed.
    @Test(arguments: [(F.Implementation.ours, F.Implementation.debian), (.debian, .ours)])
    func withXmitBaseTheAdvertsLeaveFromTheBaseMAC(master: F.Implementation, backup: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let (r1, r2) = (lab.router(1), lab.router(2))
            let extra = "  use_vmac\n  vmac_xmit_base\n"
            let first = try F.start(master, in: r1, config: F.config(priority: 150, extra: extra))
            let second = try F.start(backup, in: r2, config: F.config(priority: 100, extra: extra))
            let held = SNMPStation.waitFor(atMost: F.masterDownInterval(priority: 150) + F.slack) {
                ((try? r1.addresses(of: "vrrp.51")) ?? []).contains { $0.address == F.vip4 }
            }
            #expect(held != nil, "router 1 (\(master)) never put the VIP on vrrp.51:\n\(first.output)")
            let capture = try lab.client.run(["timeout", "3", "tcpdump", "-i", "eth0", "-e", "-n", "-c", "2", "ip proto 112"])
            let base = try F.mac(r1, interface: "eth0")
            let adverts = capture.standardOutput.split(separator: "\n").filter { $0.contains("VRRP") }
            #expect(!adverts.isEmpty && adverts.allSatisfy { $0.contains("\(base) > ") }, "adverts: \(adverts)")
            #expect(try Self.answeringMAC(lab) == Self.vmac)

            first.send(SIGTERM)
            #expect(first.waitForExit(timeout: .seconds(5)))
            let moved = SNMPStation.waitFor(atMost: 2 + F.slack) {
                ((try? r2.addresses(of: "vrrp.51")) ?? []).contains { $0.address == F.vip4 }
            }
            #expect(moved != nil, "router 2 (\(backup)) never took the VIP:\n\(second.output)")
            #expect(try Self.answeringMAC(lab) == Self.vmac, "another MAC answers for the VIP after the failover")
        }
    }
}
