import Foundation
import KeepalivedConfig
import KeepalivedTestSupport
import Testing
@testable import KeepalivedDaemon

/// Which FIFOs the VRRP side and the checker write to, opened once each in a temporary directory,
/// with keepalived 2.2.7's rules (global_data.c) for FIFOs that name the same path.
@Suite(.serialized) struct NotifyFIFOAssemblyTests {
    static func fifos(_ global: (String) -> String, checker: Bool = true) throws -> (NotificationAssembly.FIFOs, [String], String) {
        let directory = NSTemporaryDirectory() + "fifos-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var host = InMemoryHost(files: ["/k.conf": "global_defs {\n" + global(directory) + "\n}\n", "/bin/reader": "#!/bin/sh\n"])
        host.modes["/bin/reader"] = 0o755
        let loaded = ConfigLoader.load(.init(configFile: "/k.conf", configID: "lab1", reportUnsupported: false), host: host)
        var lines: [String] = []
        let fifos = NotificationAssembly.fifos(loaded.configuration, checker: checker) { lines.append($0) }
        return (fifos, lines, directory)
    }

    @Test func theGlobalFIFOIsSharedAndEachSideHasItsOwn() throws {
        let (fifos, lines, directory) = try Self.fifos { "notify_fifo \($0)/all\nvrrp_notify_fifo \($0)/vrrp\nlvs_notify_fifo \($0)/lvs" }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(fifos.vrrp.map(\.path) == ["\(directory)/all", "\(directory)/vrrp"])
        #expect(fifos.checker.map(\.path) == ["\(directory)/all", "\(directory)/lvs"])
        #expect(fifos.vrrp[0] === fifos.checker[0])
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func anLVSFIFONamingTheGlobalOneIsIgnored() throws {
        let (fifos, lines, directory) = try Self.fifos { "notify_fifo \($0)/all\nlvs_notify_fifo \($0)/all" }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(fifos.checker.map(\.path) == ["\(directory)/all"])
        #expect(lines == ["notify FIFO \(directory)/all has been specified for global and LVS FIFO - ignoring LVS FIFO"])
    }

    @Test func vrrpAndLVSShareOneFIFOAndOnlyTheVRRPScriptRuns() throws {
        let (fifos, lines, directory) = try Self.fifos {
            "vrrp_notify_fifo \($0)/both\nvrrp_notify_fifo_script /bin/reader\nlvs_notify_fifo \($0)/both\nlvs_notify_fifo_script /bin/reader"
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(fifos.vrrp.count == 1 && fifos.checker.count == 1 && fifos.vrrp[0] === fifos.checker[0])
        #expect(lines == ["LVS notify FIFO and vrrp FIFO are the same both with scripts - ignoring LVS FIFO script"])
    }

    @Test func withoutTheCheckerTheLVSFIFOIsNotOpened() throws {
        let (fifos, _, directory) = try Self.fifos({ "lvs_notify_fifo \($0)/lvs" }, checker: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(fifos.checker.isEmpty && fifos.vrrp.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/lvs"))
    }
}
