import Foundation
import Testing
import KeepalivedTestSupport

/// auth_type AH (VRRPv2 over IPv4 inside an IPsec AH header, HMAC-MD5-96): elections and failover
/// between routers of ours and with keepalived 2.2.7, and forged or replayed adverts dropped and
/// counted without a state change (the same expectations hold for keepalived 2.2.7).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct IPsecAHTests {
    typealias F = VRRPFixtures

    init() throws { F.checkPrerequisites() }

    static func config(priority: Int, password: String = "lab-pass", unicast: (source: String, peers: [String])? = nil) -> String {
        F.config(priority: priority, authType: "AH", password: password, unicast: unicast)
    }

    /// True when, over `seconds`, `router` keeps the VIP and `other` never has it.
    static func onlyMaster(_ router: LabNamespace, not other: LabNamespace, for seconds: Double = 2) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + .milliseconds(Int(seconds * 1000))
        while clock.now < end {
            guard F.holds(router, F.vip4), !F.holds(other, F.vip4) else { return false }
            usleep(100_000)
        }
        return true
    }

    /// Router 2 (priority 150) is elected over router 1 (100); stopping it hands the VIP to router
    /// 1; restarting it (its AH counter back at 0) takes the VIP back. No advert of the pair ever
    /// fails its ICV, so both sides seal and check AH alike.
    @Test(arguments: [(F.Implementation.ours, F.Implementation.ours), (.debian, .ours), (.ours, .debian)])
    func electionAndFailoverBothWays(low: F.Implementation, high: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let r1 = lab.router(1), r2 = lab.router(2)
            let backup = try F.start(low, in: r1, config: IPsecAHTests.config(priority: 100))
            var master = try F.start(high, in: r2, config: IPsecAHTests.config(priority: 150))
            func logs() -> String { "router 1 (\(low)):\n\(backup.output)\nrouter 2 (\(high)):\n\(master.output)" }

            // AH starts every non-owner as BACKUP; the first to time out may be either router.
            #expect(F.waitUntil(r2, holds: F.vip4, atMost: 2 * F.masterDownInterval(priority: 100) + F.slack) != nil,
                    "router 2 never took the VIP:\n\(logs())")
            #expect(F.waitUntil(r1, holds: F.vip4, false, atMost: 3) != nil, "router 1 kept the VIP:\n\(logs())")
            // Longer than router 1's Master_Down_Interval: a router 1 deaf to router 2 would take over.
            #expect(IPsecAHTests.onlyMaster(r2, not: r1, for: F.masterDownInterval(priority: 100) + 1), "no steady single master:\n\(logs())")
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP")

            master.send(SIGTERM)
            #expect(F.waitUntil(r1, holds: F.vip4, atMost: 1 + F.slack) != nil, "no failover to router 1:\n\(logs())")
            #expect(master.waitForExit(timeout: .seconds(5)))
            #expect(IPsecAHTests.onlyMaster(r1, not: r2), "router 1 is not the only master:\n\(logs())")

            master = try F.start(high, in: r2, config: IPsecAHTests.config(priority: 150))
            #expect(F.waitUntil(r2, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil,
                    "restarted router 2 never took the VIP back:\n\(logs())")
            #expect(F.waitUntil(r1, holds: F.vip4, false, atMost: 3) != nil, "router 1 kept the VIP:\n\(logs())")
            #expect(IPsecAHTests.onlyMaster(r2, not: r1), "no steady single master after failing back:\n\(logs())")
            #expect(try lab.client.ping(F.vip4), "the client cannot reach the VIP after failing back")
            for output in [backup.output, master.output] {
                #expect(!output.contains("invalid IPSEC HMAC-MD5"), "an ICV failed between the routers:\n\(logs())")
            }
        }
    }

    /// Unicast AH with keepalived 2.2.7: the ICV then leaves the TTL out as well, on both sides.
    @Test(arguments: [(F.Implementation.debian, F.Implementation.ours), (.ours, .debian)])
    func unicastWithKeepalived(low: F.Implementation, high: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let r1 = Lab.ipv4(router: 1), r2 = Lab.ipv4(router: 2)
            let backup = try F.start(low, in: lab.router(1), config: IPsecAHTests.config(priority: 100, unicast: (r1, [r2])))
            let master = try F.start(high, in: lab.router(2), config: IPsecAHTests.config(priority: 150, unicast: (r2, [r1])))
            func logs() -> String { "router 1 (\(low)):\n\(backup.output)\nrouter 2 (\(high)):\n\(master.output)" }
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: 2 * F.masterDownInterval(priority: 100) + F.slack) != nil,
                    "router 2 never took the VIP over unicast:\n\(logs())")
            #expect(IPsecAHTests.onlyMaster(lab.router(2), not: lab.router(1), for: F.masterDownInterval(priority: 100) + 1),
                    "no steady single master:\n\(logs())")
            master.send(SIGTERM)
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: 1 + F.slack) != nil, "no handover:\n\(logs())")
            for output in [backup.output, master.output] {
                #expect(!output.contains("invalid IPSEC HMAC-MD5"), "an ICV failed between the routers:\n\(logs())")
            }
        }
    }

    /// Builds AH adverts claiming priority 254 with a raw IP socket and sends each variant three
    /// times: another password, an SPI that is not the source, a replayed sequence number, and
    /// (ignored, uncounted) an AH header for another protocol. With the argument `lower`, one valid
    /// advert with priority 50 instead, proving the sender's packets are otherwise well formed.
    static let sender = #"""
    import hmac, socket, struct, sys

    SRC, DST = sys.argv[1], "224.0.0.18"
    VIP = socket.inet_aton("10.77.0.200")

    def csum(data):
        s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
        while s >> 16: s = (s & 0xffff) + (s >> 16)
        return (~s) & 0xffff

    def vrrp(prio):
        body = struct.pack("!BBBBBBH", 0x21, 51, prio, 1, 2, 1, 0) + VIP + bytes(8)
        return body[:6] + struct.pack("!H", csum(body)) + body[8:]

    def packet(prio, password=b"lab-pass", spi=None, seq=0x10000, next_header=112):
        payload = vrrp(prio)
        header = struct.pack("!BBHHHBBH4s4s", 0x45, 0xc0, 20 + 24 + len(payload), 7, 0, 255, 51, 0,
                             socket.inet_aton(SRC), socket.inet_aton(DST))
        ah = struct.pack("!BBH4sI", next_header, 4, 0, socket.inet_aton(spi or SRC), seq)
        mutable_zeroed = header[:1] + b"\0" + header[2:6] + b"\0\0" + header[8:10] + b"\0\0" + header[12:]
        icv = hmac.new(password.ljust(8, b"\0")[:8], mutable_zeroed + ah + bytes(12) + payload, "md5").digest()[:12]
        return header + ah + icv + payload

    variants = {"lower priority": packet(50, seq=0x7fffffff)} if sys.argv[2:] == ["lower"] else {
        "password": packet(254, password=b"wrong-pw"),
        "spi": packet(254, spi="10.77.0.99"),
        "replay": packet(254, seq=1),
        "other protocol": packet(254, next_header=6),
    }
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
    s.setsockopt(socket.SOL_SOCKET, 25, b"eth0\0")  # SO_BINDTODEVICE
    for _ in range(1 if sys.argv[2:] == ["lower"] else 3):
        for name, p in variants.items():
            s.sendto(p, (DST, 0))
    print("sent")
    """#

    @Test(arguments: [F.Implementation.ours, .debian])
    func forgedAndReplayedAdvertsAreDroppedAndCounted(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            let daemon = try F.start(implementation, in: router, config: IPsecAHTests.config(priority: 150), temporaryDirectory: lab.directory)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "never became master:\n\(daemon.output)")
            usleep(1_200_000)  // at least one advert sent, so sequence number 1 is a replay
            let sent = try F.runPython(
                IPsecAHTests.sender, named: "send-ah-adverts.py", in: lab.router(1), lab: lab, arguments: [Lab.ipv4(router: 1)])
            #expect(sent.succeeded, "sender failed: \(sent.combinedOutput)")
            usleep(1_500_000)

            #expect(daemon.isRunning, "the daemon died:\n\(daemon.output)")
            #expect(F.holds(router, F.vip4), "a forged advert moved mastership:\n\(daemon.output)")
            #expect(!daemon.output.contains("Entering BACKUP STATE\n"), "left MASTER:\n\(daemon.output)")
            for line in ["IPSEC-AH : invalid IPSEC HMAC-MD5 value", "IPSEC AH : invalid IPSEC SPI value", "already processed. Packet dropped"] {
                #expect(daemon.output.contains(line), "no '\(line)' in the log:\n\(daemon.output)")
            }

            let stats = F.statistics(of: daemon, in: lab.directory)
            for counter in ["    Failure: 9\n", "    Type Mismatch: 0\n", "    Invalid Type: 0\n"] {
                #expect(stats.contains(counter), "no '\(counter)' in:\n\(stats)")
            }

            // The control: a well-formed AH advert from a lower priority is accepted and answered.
            let lower = try F.runPython(
                IPsecAHTests.sender, named: "send-ah-adverts.py", in: lab.router(1), lab: lab, arguments: [Lab.ipv4(router: 1), "lower"])
            #expect(lower.succeeded, "sender failed: \(lower.combinedOutput)")
            let accepted = "(VI_1) Received advert from \(Lab.ipv4(router: 1)) with lower priority 50"
            #expect(daemon.waitForOutput(containing: accepted, timeout: .seconds(3)), "the valid advert was not accepted:\n\(daemon.output)")
            #expect(daemon.waitForOutput(containing: "(VI_1) IPSEC-AH : Syncing seq_num - Increment seq", timeout: .seconds(1)))
            #expect(F.holds(router, F.vip4))
        }
    }
}
