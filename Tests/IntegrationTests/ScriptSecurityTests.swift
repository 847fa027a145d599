import Foundation
import KeepalivedTestSupport
import Testing

/// enable_script_security: with the same scripts — one set in a world-writable directory, one in a
/// safe one — keepalived 2.2.7 and ours run the same scripts and print keepalived's lines.
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct ScriptSecurityTests {
    typealias F = VRRPFixtures

    /// What one daemon did: the scripts that ran (name and arguments, once each) and its output.
    struct Run {
        var scripts: Set<String>
        var output: String
        /// The lab directory the scripts were in.
        var directory: String

        /// keepalived's lines about the unsafe scripts, which `security` decides.
        func expectedLines(security: Bool) -> [String] {
            let suffix = security ? " - disabling." : "."
            return ["check", "master"].map { "Unsafe permissions found for script '\(directory)/unsafe/\($0).sh'\(suffix)" }
                + [security ? "Disabling track script chk_unsafe due to insecure"
                            : "SECURITY VIOLATION - scripts are being executed but script_security not enabled. There are insecure scripts."]
        }
    }

    static func run(_ implementation: F.Implementation, security: Bool) throws -> Run {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let record = lab.directory + "/scripts.log"
            for (directory, mode) in [("unsafe", 0o777), ("safe", 0o755)] {
                let path = lab.directory + "/" + directory
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                chmod(path, mode_t(mode))
                for name in ["check", "master", "backup"] {
                    let file = path + "/\(name).sh"
                    try "#!/bin/sh\necho \"\(directory)-\(name) $*\" >> \(record)\n".write(toFile: file, atomically: false, encoding: .utf8)
                    chmod(file, 0o755)
                }
            }
            let directory = lab.directory
            let config = """
                global_defs {
                  script_user root
                \(security ? "  enable_script_security\n" : "")}
                vrrp_script chk_unsafe {
                  script \(directory)/unsafe/check.sh
                  interval 1
                }
                vrrp_script chk_safe {
                  script \(directory)/safe/check.sh
                  interval 1
                }

                """ + F.config(priority: 150, extra: """
                  track_script {
                    chk_unsafe
                    chk_safe
                  }
                  notify_master \(directory)/unsafe/master.sh
                  notify_backup \(directory)/safe/backup.sh
                  notify \(directory)/safe/master.sh

                """)
            let daemon = try F.start(implementation, in: router, config: config)
            #expect(F.waitUntil(router, holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + 2 * F.slack) != nil, "\(daemon.output)")
            usleep(1_500_000)
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(300_000)
            let text = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
            return Run(scripts: Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }), output: daemon.output, directory: directory)
        }
    }

    @Test(arguments: [false, true])
    func theSameScriptsRunAsUnderKeepalived(security: Bool) throws {
        F.checkPrerequisites()
        let theirs = try Self.run(.debian, security: security)
        let ours = try Self.run(.ours, security: security)
        #expect(ours.scripts == theirs.scripts, "keepalived 2.2.7 ran \(theirs.scripts.sorted())\nours ran \(ours.scripts.sorted())")
        let unsafe = ["unsafe-check", "unsafe-master"]
        #expect(unsafe.allSatisfy(ours.scripts.contains) == !security, "ours ran \(ours.scripts.sorted())")
        #expect(ours.scripts.contains("safe-check") && ours.scripts.contains("safe-master INSTANCE VI_1 MASTER 150"))

        for line in theirs.expectedLines(security: security) {
            #expect(theirs.output.contains(line), "keepalived 2.2.7 should print \(line):\n\(theirs.output)")
        }
        for line in ours.expectedLines(security: security) {
            #expect(ours.output.contains(line), "ours should print \(line):\n\(ours.output)")
        }
        #expect(!ours.output.contains("SECURITY VIOLATION") == security)
    }
}
