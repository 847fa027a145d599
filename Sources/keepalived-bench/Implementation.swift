import Foundation

/// The two keepalived implementations every lab benchmark runs side by side.
enum Implementation: String, CaseIterable, CustomStringConvertible {
    /// Debian's keepalived 2.2.7.
    case keepalived
    /// Our `keepalived` product, from the same build configuration as this benchmark.
    case ours

    var description: String { rawValue }

    var binary: String { self == .ours ? ParseBench.ourBinary : ParseBench.keepalived }

    var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binary) }
}
