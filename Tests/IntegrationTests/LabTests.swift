// The namespace lab itself: reachability, link cuts, cleanup in every case, and conf/ samples
// accepted by our `keepalived -t` inside a router namespace.
import Foundation
import KeepalivedTestSupport
import Testing

@Suite("Namespace lab", .serialized, .enabled(if: LabGate.shouldRun, "needs root and iproute2 (see Lab.availability)"))
struct LabTests {
    @Test func labIsAvailable() {
        let availability = Lab.availability
        #expect(availability.isAvailable, "\(availability.reason ?? "")")
    }

    @Test func routersReachEachOtherAndTheClientOverIPv4AndIPv6() throws {
        try Lab.withLab(routers: 2) { lab in
            #expect(lab.routers.map(\.interface) == ["eth0", "eth0"])
            for source in lab.routers {
                let addresses = try source.addresses()
                #expect(addresses.contains { $0.address == source.ipv4 && $0.prefixLength == 24 })
                #expect(addresses.contains { $0.address == source.ipv6 && $0.prefixLength == 64 })
                for target in lab.routers + [lab.client] where target.name != source.name {
                    let linkLocal = try #require(try target.linkLocalAddress())
                    for address in [target.ipv4!, target.ipv6!, linkLocal] {
                        #expect(try source.ping(address), "\(source.name) → \(address)")
                    }
                }
            }
            #expect(try lab.client.ping(Lab.ipv4(router: 1)))
        }
    }

    @Test func cutLinkIsolatesARouterAndRestoreLinkReconnectsIt() throws {
        try Lab.withLab(routers: 2) { lab in
            try lab.cutLink(router: 2, .carrierLoss)
            #expect(try !lab.router(2).status().hasCarrier)
            #expect(try !lab.router(1).ping(Lab.ipv4(router: 2), timeout: .seconds(1)))
            try lab.restoreLink(router: 2)
            #expect(try lab.router(2).status().hasCarrier)
            #expect(try lab.router(1).ping(Lab.ipv4(router: 2)))

            try lab.cutLink(router: 2, .silentDrop)
            #expect(try lab.router(2).status().hasCarrier, "a silent cut keeps carrier")
            #expect(try !lab.router(1).ping(Lab.ipv4(router: 2), timeout: .seconds(1)))
            try lab.restoreLink(router: 2)
            #expect(try lab.router(1).ping(Lab.ipv4(router: 2)))
        }
    }

    @Test func commandsReportStatusOutputAndTimeouts() throws {
        try Lab.withLab(routers: 1) { lab in
            let router = lab.router(1)
            let ok = try router.shell("echo out; echo err >&2; exit 3")
            #expect(ok.status == 3)
            #expect(ok.standardOutput == "out\n")
            #expect(ok.standardError == "err\n")
            let slow = try router.run(["sleep", "30"], timeout: .milliseconds(300))
            #expect(slow.timedOut)
            #expect(!slow.succeeded)
            #expect(slow.duration < .seconds(5))
            let links = try router.run(["ip", "-o", "link", "show"]).check()
            #expect(links.standardOutput.contains("eth0"))
        }
    }

    @Test func installedFilesAreSeenUnderEtcInsideTheNamespaceOnly() throws {
        try Lab.withLab(routers: 2) { lab in
            try lab.router(1).installFile("/etc/keepalived/lab-probe.txt", contents: "router one\n")
            let inside = try lab.router(1).run(["cat", "/etc/keepalived/lab-probe.txt"]).check()
            #expect(inside.standardOutput == "router one\n")
            let other = try lab.router(2).run(["cat", "/etc/keepalived/lab-probe.txt"])
            #expect(!other.succeeded)
            #expect(!FileManager.default.fileExists(atPath: "/etc/keepalived/lab-probe.txt"))
        }
    }

    @Test func startedProcessesAreStoppedAndTheirOutputKept() throws {
        try Lab.withLab(routers: 1) { lab in
            let process = try lab.router(1).start(["/bin/sh", "-c", "echo ready; trap 'echo bye; exit 0' TERM; while :; do sleep 0.1; done"])
            #expect(process.waitForOutput(containing: "ready", timeout: .seconds(5)))
            #expect(process.isRunning)
            let status = process.stop(grace: .seconds(5))
            #expect(status == 0)
            #expect(process.output.contains("bye"))
            // A process that ignores SIGTERM is killed.
            let stubborn = try lab.router(1).start(["/bin/sh", "-c", "trap '' TERM; echo up; while :; do sleep 0.1; done"])
            #expect(stubborn.waitForOutput(containing: "up"))
            #expect(stubborn.stop(grace: .milliseconds(300)) == 128 + SIGKILL)
        }
    }
}

@Suite("Namespace lab cleanup", .serialized, .enabled(if: LabGate.shouldRun, "needs root and iproute2 (see Lab.availability)"))
struct LabCleanupTests {
    private func exists(_ namespace: String) -> Bool {
        FileManager.default.fileExists(atPath: "/run/netns/\(namespace)")
    }

    @Test func teardownRemovesEveryNamespaceDirectoryAndProcess() throws {
        let lab = try Lab(routers: 3)
        let names = lab.namespaces.map(\.name)
        #expect(names.count == 5)
        #expect(names.allSatisfy { $0.hasPrefix("kl\(getpid())-") })
        #expect(names.allSatisfy(exists))
        try lab.router(1).installFile("/etc/keepalived/keepalived.conf", contents: "! empty\n")
        let started = try lab.router(2).start(["sleep", "600"])
        // A daemon that detaches from us is still found through its namespace.
        try lab.router(3).shell("setsid sleep 600 >/dev/null 2>&1 < /dev/null &").check()
        let detached = try #require(Int32(lab.router(3).run(["ip", "netns", "pids", lab.router(3).name]).standardOutput
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""))

        lab.teardown()
        #expect(!names.contains(where: exists))
        #expect(!FileManager.default.fileExists(atPath: lab.router(1).etcDirectory))
        #expect(!FileManager.default.fileExists(atPath: lab.directory))
        #expect(!started.isRunning)
        #expect(kill(detached, 0) != 0, "the detached sleep was killed")
        lab.teardown()  // twice is harmless
    }

    struct Boom: Error {}

    @Test func withLabTearsDownWhenTheBodyThrows() throws {
        var names: [String] = []
        #expect(throws: Boom.self) {
            try Lab.withLab(routers: 2) { lab in
                names = lab.namespaces.map(\.name)
                #expect(names.allSatisfy(exists))
                throw Boom()
            }
        }
        #expect(names.count == 4)
        #expect(!names.contains(where: exists))
    }

    @Test func asyncWithLabTearsDownWhenTheBodyThrows() async throws {
        var names: [String] = []
        await #expect(throws: Boom.self) {
            try await Lab.withLab(routers: 1) { lab in
                names = lab.namespaces.map(\.name)
                try await Task.sleep(for: .milliseconds(10))
                throw Boom()
            }
        }
        #expect(!names.isEmpty)
        #expect(!names.contains(where: exists))
    }

    @Test func labsOfDeadProcessesAreSweptWhenALabIsCreated() throws {
        // A pid that is certainly gone: a child we started and reaped.
        let child = try CommandRunner.run(["/bin/sh", "-c", "echo $$"])
        let deadPID = try #require(Int32(child.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(deadPID, 0) != 0)
        let stale = "kl\(deadPID)-1-r1"
        try CommandRunner.run(["ip", "netns", "add", stale]).check()
        try FileManager.default.createDirectory(atPath: "/etc/netns/\(stale)/keepalived", withIntermediateDirectories: true)
        #expect(exists(stale))

        try Lab.withLab(routers: 1) { _ in
            #expect(!exists(stale), "created labs sweep stale ones")
            #expect(!FileManager.default.fileExists(atPath: "/etc/netns/\(stale)"))
        }
    }

    @Test func sigtermToALabOwnerRemovesItsLab() throws {
        // keepalived-lab shell is a lab owner we can signal; without a terminal its shell waits on stdin.
        let bin = try #require(PackagePaths.keepalived.map { ($0 as NSString).deletingLastPathComponent + "/keepalived-lab" })
        try #require(FileManager.default.isExecutableFile(atPath: bin), "run `swift build` first (make test does)")
        var input: [Int32] = [-1, -1]
        try #require(pipe(&input) == 0)
        let outputPath = FileManager.default.temporaryDirectory.path + "/kl-sigterm-test-\(getpid()).out"
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer {
            close(input[1])
            close(output)
            unlink(outputPath)
        }
        let owner = try ChildProcess(
            executable: bin, arguments: ["shell", "--routers", "1"], environment: ProcessInfo.processInfo.environment,
            stdin: input[0], stdout: output, stderr: output
        )
        close(input[0])
        let prefix = "kl\(owner.pid)-"
        let deadline = ContinuousClock.now + .seconds(15)
        // Ready once it has printed the namespaces and opened the shell.
        while ContinuousClock.now < deadline, !((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "").contains("Shell in") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(Lab.existingNamespaces().filter { $0.hasPrefix(prefix) }.count == 3)
        kill(owner.pid, SIGTERM)
        #expect(owner.wait(timeout: .seconds(20)))
        #expect(owner.terminationSignal == SIGTERM, "the owner re-raises SIGTERM after cleaning up")
        #expect(Lab.existingNamespaces().filter { $0.hasPrefix(prefix) }.isEmpty)
    }
}
