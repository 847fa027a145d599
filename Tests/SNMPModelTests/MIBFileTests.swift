import Foundation
import Testing

/// mibs/*.txt against the MIB modules monitoring tools already load (Debian's, under /usr/share/snmp/mibs):
/// every object must resolve to the same OID, syntax, access and index. Runs check-mibs.sh beside this file.
@Suite struct MIBFileTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("check-mibs.sh").path
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let toolsPresent = ["/usr/bin/snmptranslate", "/usr/local/bin/snmptranslate"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        && FileManager.default.fileExists(atPath: "/usr/share/snmp/mibs/KEEPALIVED-MIB.txt")

    /// Skipped, visibly, on a machine without snmptranslate (package snmp) or Debian's keepalived MIB; never skipped with CI=true.
    @Test(.enabled(if: toolsPresent || isCI, "needs snmptranslate (Debian package snmp) and /usr/share/snmp/mibs/KEEPALIVED-MIB.txt (package keepalived)"))
    func ourMIBsMatchDebiansObjectForObject() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("KEEPALIVED-MIB: ") && output.contains("VRRPV3-MIB: "), "\(output)")
    }
}
