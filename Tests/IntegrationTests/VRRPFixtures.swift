import Foundation
import KeepalivedTestSupport
import Testing

/// Shared pieces of the VRRP integration tests: our binary, Debian's keepalived, configurations,
/// and waiting for something to become true within a protocol bound.
enum VRRPFixtures {
    static let vip4 = "10.77.0.200"
    static let vip6 = "fd77::200"

    /// Our keepalived, built by `swift build` (the Makefile builds it before `swift test`).
    static var ourBinary: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(".build/debug/keepalived").path
    }

    static let debianBinary = "/usr/sbin/keepalived"

    /// One vrrp_instance on eth0 (v2 over IPv4 authenticates with `authType`, PASS by default).
    static func config(
        priority: Int, vrid: Int = 51, version: Int = 2, vip: String = vip4, prefix: Int = 24, auth: Bool = true,
        authType: String = "PASS", password: String = "lab-pass", unicast: (source: String, peers: [String])? = nil, extra: String = ""
    ) -> String {
        var text = "vrrp_instance VI_1 {\n  interface eth0\n  state BACKUP\n  virtual_router_id \(vrid)\n"
        text += "  priority \(priority)\n  advert_int 1\n"
        if vip.contains(":") == false { text += "  version \(version)\n" }
        if auth && version == 2 && !vip.contains(":") {
            text += "  authentication {\n    auth_type \(authType)\n    auth_pass \(password)\n  }\n"
        }
        if let unicast {
            text += "  unicast_src_ip \(unicast.source)\n  unicast_peer {\n"
            for peer in unicast.peers { text += "    \(peer)\n" }
            text += "  }\n"
        }
        text += extra
        text += "  virtual_ipaddress {\n    \(vip)/\(prefix)\n  }\n}\n"
        return text
    }

    enum Implementation: String, CustomStringConvertible {
        case ours, debian
        var description: String { rawValue }
    }

    /// Starts a keepalived (ours or Debian's) in `router` with `config`.
    static func start(
        _ implementation: Implementation, in router: LabNamespace, config: String, temporaryDirectory: String? = nil,
        arguments extra: [String] = []
    ) throws -> LabProcess {
        try router.startKeepalived(
            implementation == .ours ? ourBinary : debianBinary, label: implementation.rawValue, config: config,
            temporaryDirectory: temporaryDirectory, arguments: extra)
    }

    /// Whether `router` carries `address` on eth0.
    static func holds(_ router: LabNamespace, _ address: String) -> Bool {
        do {
            return try router.addresses(of: "eth0").contains { $0.address == address }
        } catch {
            print("holds(\(router.name)): \(error)")
            return false
        }
    }

    /// The MAC address of eth0 in `namespace`.
    static func mac(_ namespace: LabNamespace, interface: String = "eth0") throws -> String {
        try namespace.run(["cat", "/sys/class/net/\(interface)/address"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The link-layer address the client's neighbour table has for `address`, if any.
    static func neighbour(_ client: LabNamespace, _ address: String) throws -> String? {
        let output = try client.run(["ip", "neigh", "show", address]).standardOutput
        let words = output.split(separator: " ")
        guard let index = words.firstIndex(of: "lladdr"), index + 1 < words.count else { return nil }
        return String(words[index + 1])
    }

    /// Waits until `router` holds `address` (or no longer does, with `held: false`); how long it took.
    static func waitUntil(_ router: LabNamespace, holds address: String, _ held: Bool = true, atMost limit: Double) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(limit * 1000))
        while true {
            if holds(router, address) == held {
                let d = clock.now - start
                return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }
            if clock.now >= deadline { return nil }
            usleep(50_000)
        }
    }

    /// Polls `condition` every 50 ms until it holds or `limit` seconds pass; returns how long it
    /// took. Monotonic time: the wall clock of a test machine may be stepped.
    @discardableResult
    static func wait(atMost limit: Double, for condition: () -> Bool) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        while elapsed() < limit {
            if condition() { return elapsed() }
            usleep(50_000)
        }
        return condition() ? elapsed() : nil
    }

    /// VRRP's own bound for a backup to take over after the master vanishes silently:
    /// Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time (RFC 5798 §6.1).
    static func masterDownInterval(priority: Int, advertisementInterval: Double = 1) -> Double {
        3 * advertisementInterval + Double(256 - priority) / 256 * advertisementInterval
    }

    /// What every daemon suite needs: a lab, and our binary built. Records an issue for each missing.
    static func checkPrerequisites() {
        if let reason = Lab.availability.reason { Issue.record("lab unavailable: \(reason)") }
        #expect(FileManager.default.isExecutableFile(atPath: ourBinary), "build it first: swift build")
    }

    /// Writes `source` to `name` in the lab directory and runs it with python3 in `namespace`.
    static func runPython(_ source: String, named name: String, in namespace: LabNamespace, lab: Lab, arguments: [String]) throws -> CommandResult {
        let script = lab.directory + "/" + name
        try source.write(toFile: script, atomically: true, encoding: .utf8)
        return try namespace.run(["python3", script] + arguments)
    }

    /// Sends SIGUSR2 and reads keepalived.stats from `directory` (the daemon's TMPDIR) once it is whole.
    static func statistics(of daemon: LabProcess, in directory: String) -> String {
        daemon.send(SIGUSR2)
        var stats = ""
        for _ in 0..<40 where !stats.contains("Priority Zero") {
            usleep(50_000)
            stats = (try? String(contentsOfFile: directory + "/keepalived.stats", encoding: .utf8)) ?? ""
        }
        return stats
    }

    /// Slack for process start-up, polling and scheduling on a loaded 2-core machine.
    static let slack = 1.5
}
