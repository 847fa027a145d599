// Where the demo finds conf/, Debian's keepalived and our keepalived binary.
import Foundation
import KeepalivedTestSupport

/// Paths the demo needs, found from the working directory and this executable's location.
struct ProjectPaths {
    /// The package root (holds Package.swift and conf/).
    let packageRoot: String
    /// The sample configurations directory (conf/).
    let confDirectory: String
    /// Our keepalived: the binary next to keepalived-lab.
    let ourKeepalived: String
    /// Debian's keepalived 2.2.7.
    let referenceKeepalived: String?

    /// The running executable (/proc/self/exe).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func locate(confDirectory: String?) throws -> ProjectPaths {
        let binDirectory = (executable as NSString).deletingLastPathComponent
        let starts = [FileManager.default.currentDirectoryPath, binDirectory]
        guard let root = starts.lazy.compactMap(packageRoot(above:)).first else {
            throw DemoError("cannot find the package root (a directory with Package.swift and conf/); run from the checkout")
        }
        let ours = binDirectory + "/keepalived"
        guard FileManager.default.isExecutableFile(atPath: ours) else {
            throw DemoError("\(ours) not found: run `swift build --product keepalived` first (make demo does)")
        }
        let reference = ["/usr/sbin/keepalived", "/sbin/keepalived"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return ProjectPaths(
            packageRoot: root, confDirectory: confDirectory ?? root + "/conf", ourKeepalived: ours, referenceKeepalived: reference
        )
    }

    private static func packageRoot(above start: String) -> String? {
        var directory = start
        while true {
            let fileManager = FileManager.default
            if fileManager.fileExists(atPath: directory + "/Package.swift"), fileManager.fileExists(atPath: directory + "/conf") {
                return directory
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }
}

/// A demo failure with a message for the operator.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
