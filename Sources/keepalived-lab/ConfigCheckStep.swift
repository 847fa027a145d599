// Demo step: `keepalived -t` on every sample of conf/, Debian's keepalived 2.2.7 against ours.
import Foundation
import KeepalivedTestSupport

/// Copies conf/ into each router's /etc/keepalived and compares the two config-test verdicts
/// (exit status) sample by sample, inside router 1 where `eth0` exists.
struct ConfigCheckStep: DemoStep {
    var title: String { "Config test (keepalived -t) on each sample of conf/: keepalived 2.2.7 vs ours" }

    func run(_ context: DemoContext) throws -> [String] {
        let samples = try ConfigCheckStep.samples(in: context.paths.confDirectory)
        guard !samples.isEmpty else { throw DemoError("no samples in \(context.paths.confDirectory)") }
        for router in context.lab.routers {
            try ConfigCheckStep.install(confDirectory: context.paths.confDirectory, samples: samples, into: router)
        }
        let router = context.lab.router(1)
        for (name, text) in ConfigCheckStep.counterExamples {
            try router.installFile("/etc/keepalived/" + name, contents: text)
        }
        context.say("  Samples copied to /etc/keepalived/ of each router; checked in \(router.name).")
        context.say("  The (broken) rows are counter-examples: both programs must reject them the same way.")
        var table = TextTable("sample", "keepalived 2.2.7", "swift-keepalived", "match")
        var problems: [String] = []
        var details: [String] = []
        for sample in samples + ConfigCheckStep.counterExamples.map({ "(broken) " + $0.name }) {
            let inside = "/etc/keepalived/" + (sample as NSString).lastPathComponent.replacingOccurrences(of: "(broken) ", with: "")
            let theirs = try context.paths.referenceKeepalived.map { try router.run([$0, "-t", "-f", inside], timeout: .seconds(30)) }
            let ours = try router.run([context.paths.ourKeepalived, "-t", "-f", inside], timeout: .seconds(30))
            let match = theirs.map { $0.status == ours.status }
            table.add(sample, theirs.map { verdict($0.status) } ?? "not installed", verdict(ours.status), match.map { $0 ? "yes" : "NO" } ?? "-")
            if match == false, let theirs {
                problems.append("\(sample): keepalived exits \(theirs.status), ours \(ours.status)")
                details.append("  \(sample), keepalived 2.2.7 said:\n\(indented(theirs.combinedOutput))")
                details.append("  \(sample), ours said:\n\(indented(ours.combinedOutput))")
            }
            if theirs == nil { problems.append("Debian's keepalived is not installed (run scripts/bootstrap)") }
        }
        context.say(table.render())
        for detail in details { context.say(detail) }
        return Array(Set(problems)).sorted()
    }

    /// Configurations keepalived 2.2.7 rejects (exit 5), shown so a verdict of 0 is seen to mean something.
    static let counterExamples: [(name: String, text: String)] = [
        ("vrid-300.conf", """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 300
                priority 150
                virtual_ipaddress {
                    10.77.0.254/24
                }
            }

            """),
        ("strict-with-auth.conf", """
            global_defs {
                vrrp_strict
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 150
                authentication {
                    auth_type PASS
                    auth_pass secret
                }
                virtual_ipaddress {
                    10.77.0.254/24
                }
            }

            """),
    ]

    /// conf/keepalived.conf then conf/samples/*.conf, as paths relative to conf/.
    static func samples(in confDirectory: String) throws -> [String] {
        let fileManager = FileManager.default
        var samples: [String] = []
        if fileManager.fileExists(atPath: confDirectory + "/keepalived.conf") { samples.append("keepalived.conf") }
        let extra = (try? fileManager.contentsOfDirectory(atPath: confDirectory + "/samples")) ?? []
        samples += extra.filter { $0.hasSuffix(".conf") }.sorted().map { "samples/" + $0 }
        return samples
    }

    /// Installs the samples as /etc/keepalived/<name> and conf/scripts/ as /etc/keepalived/scripts/.
    static func install(confDirectory: String, samples: [String], into router: LabNamespace) throws {
        for sample in samples {
            try router.installFile("/etc/keepalived/" + (sample as NSString).lastPathComponent, copying: confDirectory + "/" + sample)
        }
        let scripts = (try? FileManager.default.contentsOfDirectory(atPath: confDirectory + "/scripts")) ?? []
        for script in scripts.sorted() {
            try router.installFile("/etc/keepalived/scripts/" + script, copying: confDirectory + "/scripts/" + script)
        }
    }

    /// keepalived's -t exit statuses in words.
    private func verdict(_ status: Int32) -> String {
        let meaning = switch status {
        case 0: "valid"
        case 1: "failed"
        case 2: "missing parameter"
        case 4: "cannot run"
        case 5: "config errors"
        case 6: "script security"
        default: "exit status"
        }
        return "\(status) \(meaning)"
    }

    private func indented(_ text: String) -> String {
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        return lines.isEmpty ? "      (nothing)" : lines.map { "      " + $0 }.joined(separator: "\n")
    }
}
