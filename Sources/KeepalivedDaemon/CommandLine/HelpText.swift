/// The texts of `keepalived --help` and `keepalived -v`, in keepalived 2.2.7's layout.

public enum HelpText {
    /// The first line of `-v`; scripts parse the version from it.
    public static let versionLine = "Keepalived v2.2.7 (swift-keepalived)"

    /// `--help`: a usage line, then one entry per option in keepalived's columns.
    public static func usage(programName: String) -> String {
        var lines = ["Usage: \(programName) [OPTION...]"]
        for option in KeepalivedOption.allCases {
            guard let syntax = option.helpSyntax else { continue }
            var text = option.helpText
            let first = text.isEmpty ? "" : text.removeFirst()
            let left = "  " + syntax
            if left.count < 31 {
                lines.append(left + String(repeating: " ", count: 31 - left.count) + first)
            } else {
                lines.append(left)
                lines.append(String(repeating: " ", count: 31) + first)
            }
            lines += text.map { String(repeating: " ", count: 32) + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What this build can do, by subsystem.
    public static let capabilities: [(subsystem: String, supported: Bool)] = [
        ("configuration parsing and --config-test", true),
        ("configuration dump (--dump-conf)", true),
        ("VRRP (IPv4 and IPv6, v2 and v3, multicast and unicast; no sync groups or tracking yet)", true),
        ("health checkers / IPVS", false),
        ("BFD", false),
        ("SNMP", false),
        ("genhash", true),
    ]

    /// `-v`: keepalived's first line, then our own build and system information.
    /// - Parameters:
    ///   - system: uname's sysname, release and version (`Linux 6.1.0 #1 SMP ...`), if known.
    ///   - distribution: PRETTY_NAME of /etc/os-release, if known.
    public static func version(system: String?, distribution: String?) -> String {
        var lines = [versionLine, "", "swift-keepalived: keepalived 2.2.7 rewritten in Swift", ""]
        lines.append("Built with Swift \(swiftVersion) for \(architecture)")
        if let system { lines.append("Running on \(system)") }
        if let distribution { lines.append("Distro: \(distribution)") }
        lines.append("")
        lines.append("Subsystems:")
        for (subsystem, supported) in capabilities {
            lines.append("  \(subsystem): \(supported ? "yes" : "not supported yet")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var swiftVersion: String {
        #if swift(>=6.3)
        "6.3"
        #elseif swift(>=6.2)
        "6.2"
        #elseif swift(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    static var architecture: String {
        #if arch(x86_64)
        "Linux x86_64"
        #elseif arch(arm64)
        "Linux aarch64"
        #else
        "Linux"
        #endif
    }
}
