// Can this machine host a network-namespace lab? (root and iproute2)
import Foundation

/// What a lab needs from the machine, and whether missing pieces are fatal (CI) or a reason to skip.
public struct LabAvailability: Sendable, CustomStringConvertible {
    /// Effective user id is 0 (namespaces, veths and bridges need CAP_NET_ADMIN and CAP_SYS_ADMIN).
    public let isRoot: Bool
    /// Path of iproute2's `ip`, if installed.
    public let ipPath: String?
    /// `CI` is set to `true` or `1`: a missing prerequisite must fail the tests, not skip them.
    public let isCI: Bool

    /// Everything a lab needs is present.
    public var isAvailable: Bool { isRoot && ipPath != nil }

    /// Why a lab cannot be built here, with what to do about it; nil when it can.
    public var reason: String? {
        var problems: [String] = []
        if !isRoot { problems.append("not running as root (uid \(geteuid())); run the tests with sudo") }
        if ipPath == nil { problems.append("iproute2's `ip` not found; run scripts/bootstrap") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Integration tests run when the lab is available, and also in CI where they must then fail loudly.
    public var testsShouldRun: Bool { isAvailable || isCI }

    public var description: String { reason.map { "unavailable: \($0)" } ?? "available" }

    /// The machine this process runs on.
    public static var current: LabAvailability {
        let ci = ProcessInfo.processInfo.environment["CI"].map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
        return LabAvailability(isRoot: geteuid() == 0, ipPath: CommandRunner.findExecutable("ip"), isCI: ci)
    }

    public init(isRoot: Bool, ipPath: String?, isCI: Bool) {
        self.isRoot = isRoot
        self.ipPath = ipPath
        self.isCI = isCI
    }
}
