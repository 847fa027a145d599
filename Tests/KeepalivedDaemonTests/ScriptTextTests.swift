import Foundation
import Testing
@testable import KeepalivedDaemon

/// A script's command line as keepalived's cmd_str shows it, after its security check resolved the program.
@Suite struct ScriptTextTests {
    /// keepalived's check_script_secure: the real path, but with the given file name when that
    /// names the same file there (busybox applets stay `/bin/true`, not `/bin/busybox`).
    @Test func aLinkKeepsItsNameWhenTheRealDirectoryHasIt() throws {
        let root = FileManager.default.temporaryDirectory.path + "/script-text-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for directory in ["/bin", "/other"] {
            try FileManager.default.createDirectory(atPath: root + directory, withIntermediateDirectories: true)
        }
        #expect(FileManager.default.createFile(atPath: root + "/bin/multi", contents: Data("#!/bin/sh\n".utf8),
                                               attributes: [.posixPermissions: 0o755]))
        try FileManager.default.createSymbolicLink(atPath: root + "/bin/applet", withDestinationPath: "multi")
        try FileManager.default.createSymbolicLink(atPath: root + "/other/elsewhere", withDestinationPath: root + "/bin/multi")
        #expect(ScriptText.keepalived([root + "/bin/applet", "up"]) == "'\(root)/bin/applet' 'up'")
        // The real directory has no such name: the real path.
        #expect(ScriptText.keepalived([root + "/other/elsewhere"]) == "'\(root)/bin/multi'")
        #expect(ScriptText.keepalived([">/dev/null"]) == ">/dev/null")
    }
}
