// When the namespace tests run: with root and iproute2; in CI always (and fail there if they cannot).
import Foundation
import KeepalivedTestSupport
import Testing

/// The gate of every suite that needs a namespace lab.
enum LabGate {
    /// Run when the lab is available, and in CI even when it is not (so the tests fail loudly there).
    /// On a developer machine without root the suites show as skipped, and the reason is printed once.
    static let shouldRun: Bool = {
        let availability = Lab.availability
        if !availability.testsShouldRun {
            print("IntegrationTests skipped: \(availability.reason ?? "lab unavailable") (CI=true makes this a failure)")
        }
        return availability.testsShouldRun
    }()
}

/// Where the package's build products are.
enum PackagePaths {
    /// The package root: the nearest directory above this file holding Package.swift.
    static let root: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { return directory.path }
            directory.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// Our keepalived executable from the debug build (`KEEPALIVED_BINARY` overrides), or nil when not built.
    static var keepalived: String? {
        if let path = ProcessInfo.processInfo.environment["KEEPALIVED_BINARY"] { return path }
        let candidates = [root + "/.build/debug/keepalived"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: root + "/.build")) ?? []).map { root + "/.build/\($0)/debug/keepalived" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// conf/ of the package.
    static var conf: String { root + "/conf" }
}
