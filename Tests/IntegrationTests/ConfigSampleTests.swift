// Every sample of conf/ passes our `keepalived -t` (and Debian's) inside a router namespace, where
// the samples' `interface eth0` exists.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite("conf/ samples pass keepalived -t", .serialized, .enabled(if: LabGate.shouldRun, "needs root and iproute2 (see Lab.availability)"))
struct ConfigSampleTests {
    static let samples: [String] = {
        var samples = ["keepalived.conf"]
        let extra = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.conf + "/samples")) ?? []
        samples += extra.filter { $0.hasSuffix(".conf") }.sorted().map { "samples/" + $0 }
        return samples
    }()

    @Test func theSamplesAreThere() {
        #expect(Self.samples.count >= 6, "\(Self.samples)")
        for script in (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.conf + "/scripts")) ?? [] {
            #expect(FileManager.default.isExecutableFile(atPath: PackagePaths.conf + "/scripts/" + script), "\(script) must be executable")
        }
    }

    @Test func everySamplePassesOursAndKeepalivedInARouter() throws {
        let ours = try #require(PackagePaths.keepalived, "our keepalived is not built: run `swift build` first (make test does)")
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            try install(into: router)
            let reference = CommandRunner.findExecutable("keepalived")
            for sample in Self.samples {
                let path = "/etc/keepalived/" + (sample as NSString).lastPathComponent
                let result = try router.run([ours, "-t", "-f", path], timeout: .seconds(30))
                #expect(result.status == 0, "our keepalived -t on conf/\(sample): \(result)")
                if let reference {
                    let theirs = try router.run([reference, "-t", "-f", path], timeout: .seconds(30))
                    #expect(theirs.status == 0, "keepalived 2.2.7 -t on conf/\(sample): \(theirs)")
                } else {
                    Issue.record("Debian's keepalived is not installed: run scripts/bootstrap")
                }
            }
        }
    }

    private func install(into router: LabNamespace) throws {
        for sample in Self.samples {
            try router.installFile("/etc/keepalived/" + (sample as NSString).lastPathComponent, copying: PackagePaths.conf + "/" + sample)
        }
        for script in (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.conf + "/scripts")) ?? [] {
            try router.installFile("/etc/keepalived/scripts/" + script, copying: PackagePaths.conf + "/scripts/" + script)
        }
    }
}
