// A throwaway network of namespaces: routers and a client joined by a Linux bridge.
//
//                   kl<pid>-<n>-sw  (bridge br0)
//          vr1 ─────────┬──────────┬───────── vc
//           │          vr2         │           │
//   eth0 10.77.0.11   eth0 10.77.0.12   ...   eth0 10.77.0.100
//        fd77::11          fd77::12                fd77::100
//   kl<pid>-<n>-r1    kl<pid>-<n>-r2          kl<pid>-<n>-c
//
// Each lab has its own bridge, so every lab can use the same addresses.
import Foundation

/// A lab: N router namespaces and one client namespace, each with `eth0` on one bridge.
/// Needs root and iproute2 (`Lab.availability`). Always torn down: by `withLab` when its body
/// returns or throws, by an exit/SIGINT/SIGTERM hook otherwise, and by the next lab's sweep if this
/// process died.
public final class Lab: @unchecked Sendable {
    /// The IPv4 network of every lab.
    public static let ipv4Network = "10.77.0.0"
    public static let ipv4PrefixLength = 24
    /// The IPv6 network of every lab (a ULA prefix).
    public static let ipv6Network = "fd77::"
    public static let ipv6PrefixLength = 64

    /// Whether this machine can host a lab.
    public static var availability: LabAvailability { .current }

    /// IPv4 address of router `n` (1-based): 10.77.0.11, 10.77.0.12, ...
    public static func ipv4(router n: Int) -> String { "10.77.0.\(10 + n)" }
    /// IPv6 address of router `n`: fd77::11, fd77::12, ...
    public static func ipv6(router n: Int) -> String { "fd77::\(10 + n)" }
    /// IPv4 address of the client.
    public static let clientIPv4 = "10.77.0.100"
    /// IPv6 address of the client.
    public static let clientIPv6 = "fd77::100"

    /// The namespace prefix of this lab: `kl<pid>-<n>-`.
    public let prefix: String
    /// The namespace holding the bridge.
    public let bridge: LabNamespace
    /// Router namespaces, router 1 first.
    public let routers: [LabNamespace]
    /// The client namespace.
    public let client: LabNamespace
    /// Scratch directory for logs and files of this lab (removed on teardown).
    public let directory: String

    /// Every namespace of the lab, the bridge first.
    public var namespaces: [LabNamespace] { [bridge] + routers + [client] }

    private let ipPath: String
    private let processes: LabProcessTable
    private let lock = NSLock()
    private var tornDown = false

    /// Builds a lab with `routers` routers and one client, after sweeping labs of dead processes.
    public init(routers count: Int = 2) throws {
        let availability = Lab.availability
        guard availability.isAvailable, let ipPath = availability.ipPath else {
            throw LabError.unavailable(availability.reason ?? "unknown")
        }
        guard (1...89).contains(count) else { throw LabError.invalidRequest("\(count) routers (1...89 supported)") }
        self.ipPath = ipPath
        LabRegistry.sweep(LabRegistry.staleNames(), ipPath: ipPath)

        let prefix = "kl\(getpid())-\(LabRegistry.shared.nextLabNumber())-"
        let logs = FileManager.default.temporaryDirectory.path + "/" + String(prefix.dropLast())
        let table = LabProcessTable()
        func namespace(_ suffix: String, _ role: LabNamespace.Role, port: String?, v4: String?, v6: String?) -> LabNamespace {
            LabNamespace(
                name: prefix + suffix, role: role, interface: port == nil ? "br0" : "eth0", bridgePort: port,
                ipv4: v4, ipv6: v6, logDirectory: logs, ipPath: ipPath, processes: table
            )
        }
        bridge = namespace("sw", .bridge, port: nil, v4: nil, v6: nil)
        self.routers = (1...count).map { n in
            namespace("r\(n)", .router(n), port: "vr\(n)", v4: Lab.ipv4(router: n), v6: Lab.ipv6(router: n))
        }
        client = namespace("c", .client, port: "vc", v4: Lab.clientIPv4, v6: Lab.clientIPv6)
        self.prefix = prefix
        directory = logs
        processes = table

        LabRegistry.shared.register(self)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try build()
        } catch {
            teardown()
            throw error
        }
    }

    deinit { teardown() }

    /// Runs `body` with a fresh lab and tears the lab down afterwards, also when `body` throws.
    public static func withLab<T>(routers: Int = 2, _ body: (Lab) throws -> T) throws -> T {
        let lab = try Lab(routers: routers)
        defer { lab.teardown() }
        return try body(lab)
    }

    /// Runs `body` with a fresh lab and tears the lab down afterwards, also when `body` throws.
    public static func withLab<T>(
        routers: Int = 2, isolation: isolated (any Actor)? = #isolation, _ body: (Lab) async throws -> T
    ) async throws -> T {
        let lab = try Lab(routers: routers)
        defer { lab.teardown() }
        return try await body(lab)
    }

    /// Router `n` (1-based).
    public func router(_ n: Int) -> LabNamespace { routers[n - 1] }

    /// The namespace with the given role.
    public func namespace(_ role: LabNamespace.Role) -> LabNamespace? { namespaces.first { $0.role == role } }

    // MARK: - Building

    private func build() throws {
        try batch(nil, namespaces.map { "netns add \($0.name)" })
        // The bridge forwards frames only: no IPv6 of its own, no STP or snooping delaying VRRP.
        try bridge.shell("echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6").check()
        // Endpoints skip duplicate address detection so link-local addresses are usable at once.
        for host in routers + [client] {
            try host.shell("echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad; echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad").check()
        }
        var bridgeCommands = [
            "link set lo up",
            "link add br0 type bridge stp_state 0 forward_delay 0 mcast_snooping 0",
            "link set br0 up",
        ]
        for host in routers + [client] {
            guard let port = host.bridgePort else { continue }
            bridgeCommands += [
                "link add \(port) type veth peer name eth0 netns \(host.name)",
                "link set \(port) master br0",
                "link set \(port) up",
            ]
        }
        try batch(bridge.name, bridgeCommands)
        for host in routers + [client] {
            try batch(host.name, [
                "link set lo up",
                "address add \(host.ipv4!)/\(Lab.ipv4PrefixLength) dev eth0",
                "address add \(host.ipv6!)/\(Lab.ipv6PrefixLength) dev eth0 nodad",
                "link set eth0 up",
            ])
        }
        try waitUntilReady()
    }

    /// Runs `ip -batch` commands, in `namespace` when given.
    private func batch(_ namespace: String?, _ commands: [String]) throws {
        let arguments = [ipPath] + (namespace.map { ["-n", $0] } ?? []) + ["-batch", "-"]
        try CommandRunner.run(arguments, timeout: .seconds(30), input: commands.joined(separator: "\n") + "\n").check()
    }

    /// Waits until every endpoint has carrier and a usable IPv6 link-local address.
    private func waitUntilReady(timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        for host in routers + [client] {
            while true {
                let status = try host.status()
                let linkLocal = status.addresses.contains { $0.family == .ipv6 && $0.isLinkLocal && !$0.isTentative }
                if status.hasCarrier && linkLocal { break }
                guard ContinuousClock.now < deadline else {
                    throw LabError.timeout("\(host.name) eth0 not ready: flags \(status.flags), addresses \(status.addresses)")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    // MARK: - Link faults

    /// How `cutLink` breaks a router's connection.
    public enum LinkCut: Sendable {
        /// The bridge end goes down: the router's `eth0` loses carrier (keepalived sees a fault).
        case carrierLoss
        /// The bridge end leaves the bridge: `eth0` stays up but nothing gets through (a silent
        /// partition, as when a switch drops traffic: both sides may become MASTER).
        case silentDrop
    }

    /// Cuts router `n` off the lab network.
    public func cutLink(router n: Int, _ mode: LinkCut = .carrierLoss) throws {
        guard let port = router(n).bridgePort else { return }
        switch mode {
        case .carrierLoss: try bridge.ip("link", "set", port, "down")
        case .silentDrop: try bridge.ip("link", "set", port, "nomaster")
        }
    }

    /// Reconnects router `n` after `cutLink`.
    public func restoreLink(router n: Int) throws {
        guard let port = router(n).bridgePort else { return }
        try bridge.ip("link", "set", port, "master", "br0")
        try bridge.ip("link", "set", port, "up")
    }

    // MARK: - Teardown

    /// Stops every process started in the lab, kills anything else left in its namespaces, deletes
    /// the namespaces, their /etc/netns directories and the scratch directory. Safe to call twice
    /// and from several threads: a second caller waits until the first has finished (so a process
    /// exiting while a signal handler tears down still leaves nothing behind).
    public func teardown() {
        lock.lock()
        defer { lock.unlock() }
        guard !tornDown else { return }
        tornDown = true
        processes.stopAll(grace: .seconds(5))
        for namespace in namespaces.reversed() {
            LabRegistry.killProcesses(inNamespace: namespace.name, ipPath: ipPath, grace: .seconds(2))
            _ = try? CommandRunner.run([ipPath, "netns", "delete", namespace.name], timeout: .seconds(10))
            try? FileManager.default.removeItem(atPath: namespace.etcDirectory)
        }
        try? FileManager.default.removeItem(atPath: directory)
        LabRegistry.shared.unregister(self)
    }

    /// Names of every lab namespace on the machine (`ip netns list`), for checks and `cleanup`.
    public static func existingNamespaces() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/run/netns")) ?? []).filter { LabRegistry.ownerPID(of: $0) != nil }.sorted()
    }

    /// Deletes labs left behind by processes that are gone (with `includeLive`, every lab but this
    /// process's own). Returns the namespace names removed.
    @discardableResult
    public static func sweepStale(includeLive: Bool = false) -> [String] {
        guard let ipPath = availability.ipPath else { return [] }
        let names = LabRegistry.staleNames(includeLive: includeLive)
        LabRegistry.sweep(names, ipPath: ipPath)
        return names
    }
}
