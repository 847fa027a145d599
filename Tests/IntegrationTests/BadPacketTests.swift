import Foundation
import Testing
import KeepalivedTestSupport

/// A peer namespace sends malformed adverts (each claiming priority 254, so accepting any of them
/// would make our master yield): every one is dropped with its reason, the daemon keeps running
/// and stays master.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct BadPacketTests {
    typealias F = VRRPFixtures

    /// Builds and sends the variants with a raw IP socket (IP_HDRINCL), three times each; with the
    /// argument `lower`, a valid advert with priority 50 instead.
    static let sender = #"""
    import socket, struct, sys

    SRC, DST = sys.argv[1], "224.0.0.18"
    VIP = socket.inet_aton("10.77.0.200")

    def csum(data):
        if len(data) % 2: data += b"\0"
        s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
        while s >> 16: s = (s & 0xffff) + (s >> 16)
        return (~s) & 0xffff

    def vrrp(version=2, type_=1, vrid=51, prio=254, addrs=(VIP,), auth=1, password=b"lab-pass", interval=1, bad_sum=False):
        if version == 2:
            body = struct.pack("!BBBBBBH", (version << 4) | type_, vrid, prio, len(addrs), auth, interval, 0)
            body += b"".join(addrs) + password.ljust(8, b"\0")[:8]
        else:
            body = struct.pack("!BBBBHH", (version << 4) | type_, vrid, prio, len(addrs), interval * 100, 0)
            body += b"".join(addrs)
        c = csum(body) ^ (0xffff if bad_sum else 0)
        return body[:6] + struct.pack("!H", c) + body[8:]

    def ip(payload, ttl=255, total=None):
        length = total if total is not None else 20 + len(payload)
        header = struct.pack("!BBHHHBBH4s4s", 0x45, 0xc0, length, 1, 0, ttl, 112, 0,
                             socket.inet_aton(SRC), socket.inet_aton(DST))
        return header + payload

    variants = {"lower priority": ip(vrrp(prio=50))} if sys.argv[2:] == ["lower"] else {
        "ttl": ip(vrrp(), ttl=254),
        "checksum": ip(vrrp(bad_sum=True)),
        "version": ip(vrrp(version=3)),
        "password": ip(vrrp(password=b"wrong")),
        "type": ip(vrrp(type_=2)),
        "length": ip(vrrp() + b"\0\0\0\0"),
        "addresses": ip(vrrp(addrs=(socket.inet_aton("10.77.0.201"),))),
        "auth type": ip(vrrp(auth=7)),
        "garbage": ip(bytes(range(7, 47))),
        "truncated": ip(b"\x21\x33"),
        "other vrid": ip(vrrp(vrid=52)),
    }
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
    s.setsockopt(socket.SOL_SOCKET, 25, b"eth0\0")  # SO_BINDTODEVICE
    for _ in range(3):
        for name, packet in variants.items():
            s.sendto(packet, (DST, 0))
    print("sent", len(variants) * 3)
    """#

    @Test func malformedAdvertsAreDroppedAndCounted() throws {
        try Lab.withLab(routers: 2) { lab in
            let ours = try F.start(.ours, in: lab.router(2), config: F.config(priority: 150), temporaryDirectory: lab.directory)
            #expect(F.waitUntil(lab.router(2), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "ours never became master:\n\(ours.output)")
            let sent = try F.runPython(
                BadPacketTests.sender, named: "send-bad-adverts.py", in: lab.router(1), lab: lab, arguments: [Lab.ipv4(router: 1)])
            #expect(sent.succeeded, "sender failed: \(sent.combinedOutput)")
            usleep(1_500_000)

            #expect(ours.isRunning, "the daemon died:\n\(ours.output)")
            #expect(F.holds(lab.router(2), F.vip4), "a bad packet moved mastership:\n\(ours.output)")
            #expect(!ours.output.contains("Entering BACKUP STATE\n"), "ours left MASTER:\n\(ours.output)")
            let expectedLines = [
                "invalid TTL/HL. Received 254", "Invalid VRRPv2 checksum", "wrong version", "received an invalid passwd!",
                "Invalid packet type", "vrrp packet has the wrong length", "received an unexpected ip address list",
                "Invalid auth type",
            ]
            for line in expectedLines {
                #expect(ours.output.contains(line), "no '\(line)' in the log:\n\(ours.output)")
            }

            // SIGUSR2: keepalived.stats in keepalived's layout, with every drop counted under its reason.
            let stats = F.statistics(of: ours, in: lab.directory)
            #expect(stats.hasPrefix("VRRP Instance: VI_1\n  Advertisements:\n"), "stats file:\n\(stats)")
            for counter in ["    TTL: 3\n", "    Invalid Type: 3\n", "    Address List: 3\n", "    Failure: 3\n"] {
                #expect(stats.contains(counter), "no '\(counter)' in:\n\(stats)")
            }

            // The JSON signal (SIGRTMIN+2): keepalived.json with keepalived's keys.
            ours.send(__libc_current_sigrtmin() + 2)
            let jsonPath = lab.directory + "/keepalived.json"
            var json: [[String: Any]] = []
            for _ in 0..<40 where json.isEmpty {
                usleep(50_000)
                if let data = FileManager.default.contents(atPath: jsonPath) {
                    json = (try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
                }
            }
            let data = json.first?["data"] as? [String: Any]
            let counters = json.first?["stats"] as? [String: Any]
            #expect(data?["iname"] as? String == "VI_1" && data?["vrid"] as? Int == 51 && data?["state"] as? Int == 2,
                    "keepalived.json: \(json)")
            #expect(data?["effective_priority"] as? Int == 150 && (data?["vips"] as? [String])?.first?.hasPrefix("10.77.0.200/24") == true)
            #expect(counters?["ip_ttl_err"] as? Int == 3 && counters?["auth_failure"] as? Int == 3, "keepalived.json: \(json)")
        }
    }

    /// A master hearing a lower-priority advert answers it and raises keepalived's
    /// MASTER_RX_LOWER_PRI event: notify_master_rx_lower_pri runs and the FIFO gets a line. Same
    /// expectations for keepalived 2.2.7.
    @Test(arguments: [F.Implementation.ours, .debian])
    func aLowerPriorityAdvertToAMasterIsAnEvent(_ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let router = lab.router(2)
            let record = lab.directory + "/lower.log"
            try router.installFile("/etc/keepalived/lower.sh", contents: "#!/bin/sh\necho \"lower $*\" >> \(record)\n", mode: 0o755)
            let fifo = lab.directory + "/events.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            let config = "global_defs {\n  notify_fifo \(fifo)\n}\n"
                + F.config(priority: 150, extra: "  notify_master_rx_lower_pri /etc/keepalived/lower.sh\n")
            let master = try F.start(implementation, in: router, config: config)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "never became master:\n\(master.output)")
            let sent = try F.runPython(
                BadPacketTests.sender, named: "send-adverts.py", in: lab.router(1), lab: lab, arguments: [Lab.ipv4(router: 1), "lower"])
            #expect(sent.succeeded, "sender failed: \(sent.combinedOutput)")
            usleep(1_000_000)

            #expect(F.holds(router, F.vip4), "a lower-priority advert moved mastership:\n\(master.output)")
            let logLine = "(VI_1) Received advert from \(Lab.ipv4(router: 1)) with lower priority 50, ours 150, forcing new election"
            #expect(master.output.contains(logLine), "no '\(logLine)':\n\(master.output)")
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let lines = (count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : "").split(separator: "\n")
            #expect(lines.filter { $0.contains("MASTER_RX_LOWER_PRI") } == Array(repeating: "INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150", count: 3),
                    "\(lines)")
            let runs = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n")
            #expect(runs == ["lower ", "lower ", "lower "], "\(runs)\n\(master.output)")
        }
    }
}
