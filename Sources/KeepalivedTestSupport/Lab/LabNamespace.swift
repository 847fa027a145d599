// One network namespace of a lab (switch, router or client) and what can be done inside it.
import Foundation

/// A namespace of a lab. Routers and the client reach the switch through `eth0`; the switch holds
/// the bridge `br0` and the other end of each veth (`bridgePort`).
public struct LabNamespace: Sendable, CustomStringConvertible {
    /// Its part in the lab.
    public enum Role: Sendable, Hashable {
        /// The namespace holding the bridge.
        case bridge
        /// Router number `n` (1-based).
        case router(Int)
        /// The client host.
        case client
    }

    /// The namespace name (`kl<pid>-<lab>-r1`), as `ip netns` knows it.
    public let name: String
    public let role: Role
    /// The interface joined to the lab network: `eth0`, or `br0` in the bridge namespace.
    public let interface: String
    /// The bridge port (in the bridge namespace) at the other end of `eth0`; nil for the bridge itself.
    public let bridgePort: String?
    /// The IPv4 address on `interface`, e.g. `10.77.0.11` (prefix `Lab.ipv4PrefixLength`).
    public let ipv4: String?
    /// The IPv6 ULA address on `interface`, e.g. `fd77::11` (prefix `Lab.ipv6PrefixLength`).
    public let ipv6: String?
    /// Where its long-running processes write their logs.
    public let logDirectory: String

    let ipPath: String
    let processes: LabProcessTable

    public var description: String { name }

    /// The directory that `ip netns exec` bind-mounts over `/etc` entries inside this namespace:
    /// `<etcDirectory>/keepalived` is seen as `/etc/keepalived` by commands run in it.
    public var etcDirectory: String { "/etc/netns/\(name)" }

    /// Runs `arguments` inside the namespace and waits for it.
    public func run(_ arguments: [String], timeout: Duration = .seconds(30), input: String? = nil) throws -> CommandResult {
        try CommandRunner.run([ipPath, "netns", "exec", name] + arguments, timeout: timeout, input: input)
    }

    /// Runs a `/bin/sh -c` script inside the namespace.
    public func shell(_ script: String, timeout: Duration = .seconds(30)) throws -> CommandResult {
        try run(["/bin/sh", "-c", script], timeout: timeout)
    }

    /// Runs `ip <arguments>` for this namespace (`ip -n NAME ...`), throwing when it fails.
    @discardableResult
    public func ip(_ arguments: String...) throws -> CommandResult {
        try CommandRunner.run([ipPath, "-n", name] + arguments, timeout: .seconds(10)).check()
    }

    /// Starts a long-running program inside the namespace. The lab stops it on teardown.
    public func start(_ arguments: [String], name processName: String? = nil) throws -> LabProcess {
        let label = processName ?? (arguments.first.map { ($0 as NSString).lastPathComponent } ?? "process")
        let logPath = logDirectory + "/\(self.name)-\(label)-\(processes.nextSerial()).log"
        let process = try LabProcess(name: label, namespace: name, arguments: arguments, ipPath: ipPath, logPath: logPath)
        processes.add(process)
        return process
    }

    /// Link state and addresses of `interface` (default: the lab interface).
    public func status(of interface: String? = nil) throws -> InterfaceStatus {
        let result = try CommandRunner.run([ipPath, "-n", name, "-json", "address", "show", "dev", interface ?? self.interface]).check()
        guard let status = try IPAddressJSON.decode(result.standardOutput).first else {
            throw LabError.invalidRequest("no interface \(interface ?? self.interface) in \(name)")
        }
        return status
    }

    /// Addresses on `interface` (default: the lab interface).
    public func addresses(of interface: String? = nil) throws -> [InterfaceAddress] {
        try status(of: interface).addresses
    }

    /// The IPv6 link-local address of the lab interface, once it has one.
    public func linkLocalAddress() throws -> String? {
        try addresses().first { $0.family == .ipv6 && $0.isLinkLocal && !$0.isTentative }?.address
    }

    /// True when `address` answers `count` pings from this namespace. Link-local IPv6 addresses are
    /// pinged through the lab interface.
    public func ping(_ address: String, count: Int = 1, timeout: Duration = .seconds(2)) throws -> Bool {
        var target = address
        if address.lowercased().hasPrefix("fe80:"), !address.contains("%") { target += "%\(interface)" }
        let seconds = max(1, Int(timeout.components.seconds))
        let family = address.contains(":") ? "-6" : "-4"
        let result = try run(
            ["ping", family, "-n", "-q", "-c", "\(count)", "-i", "0.2", "-W", "\(seconds)", target],
            timeout: timeout * count + .seconds(2)
        )
        return result.succeeded
    }

    /// Writes `contents` to `path` as seen inside this namespace. `path` must be under `/etc/<dir>/`
    /// (for example `/etc/keepalived/keepalived.conf`): the file really lives under `etcDirectory`, so
    /// each namespace has its own copy. Returns the real path.
    @discardableResult
    public func installFile(_ path: String, contents: String, mode: Int = 0o644) throws -> String {
        let real = try realPath(of: path)
        let directory = (real as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try Data(contents.utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: real)
        return real
    }

    /// Copies a file of the host to `path` inside this namespace, keeping its permission bits.
    @discardableResult
    public func installFile(_ path: String, copying source: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: source)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        return try installFile(path, contents: String(contentsOfFile: source, encoding: .utf8), mode: mode)
    }

    /// Removes a file installed with `installFile`.
    public func removeFile(_ path: String) throws {
        try FileManager.default.removeItem(atPath: realPath(of: path))
    }

    /// The host path backing `path` (under `/etc/<dir>/`) in this namespace.
    public func realPath(of path: String) throws -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard path.hasPrefix("/etc/"), parts.count >= 3, !parts.contains(".."), !parts.contains(".") else {
            throw LabError.invalidRequest("\(path): namespace files must be under /etc/<directory>/")
        }
        // ip netns exec only bind-mounts entries whose /etc counterpart exists.
        let hostDirectory = "/etc/" + parts[1]
        if !FileManager.default.fileExists(atPath: hostDirectory) {
            try FileManager.default.createDirectory(atPath: hostDirectory, withIntermediateDirectories: true)
        }
        return etcDirectory + "/" + parts.dropFirst().joined(separator: "/")
    }
}
