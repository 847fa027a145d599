import Foundation
import KeepalivedTestSupport

/// The configurations compared against keepalived: Debian's samples, the repository's conf/, and
/// seeded mutations of the samples (written to a scratch directory).
enum OracleCorpus {
    static let samplesDirectory = "/usr/share/doc/keepalived/samples"
    /// Fixed, so the mutated corpus is the same on every run and every machine.
    static let mutationSeed: UInt64 = 0x2_2_7
    static let mutantsPerSample = 12

    struct Entry {
        var name: String
        var path: String
    }

    /// Every `keepalived.conf.*` Debian ships as a sample.
    static func samples() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory)) ?? []
        return names.filter { $0.hasPrefix("keepalived.conf.") }.sorted().map {
            Entry(name: $0, path: samplesDirectory + "/" + $0)
        }
    }

    /// The repository root, found from this file's path (Tests/InteropTests/OracleCorpus.swift).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// keepalived configurations under conf/ (files whose name contains "keepalived" and does not
    /// end in a non-config suffix: conf/ also holds snmpd snippets, units and templates).
    static func repositoryConfigs() -> [Entry] {
        let conf = repositoryRoot.appendingPathComponent("conf")
        guard let walker = FileManager.default.enumerator(at: conf, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var entries: [Entry] = []
        let skipped = [".service", ".xml", ".yaml", ".yml", ".json", ".md", ".sh", ".py"]
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = url.lastPathComponent
            guard name.contains("keepalived"), !skipped.contains(where: name.hasSuffix) else { continue }
            entries.append(Entry(name: "conf/" + url.path.dropFirst(conf.path.count + 1), path: url.path))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// `mutantsPerSample` deterministic mutants of each sample, written under `directory`.
    static func mutants(of samples: [Entry], in directory: URL) throws -> [Entry] {
        var entries: [Entry] = []
        for sample in samples {
            guard let text = try? String(contentsOfFile: sample.path, encoding: .utf8) else { continue }
            for (index, mutant) in ConfigMutation.mutants(
                of: text, name: sample.name, seed: mutationSeed, count: mutantsPerSample
            ).enumerated() {
                let url = directory.appendingPathComponent("\(sample.name).m\(index)")
                try mutant.text.write(to: url, atomically: false, encoding: .utf8)
                entries.append(Entry(name: mutant.label, path: url.path))
            }
        }
        return entries
    }
}
