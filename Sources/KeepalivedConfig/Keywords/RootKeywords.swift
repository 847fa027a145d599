/// The top level of keepalived.conf: every root keyword, gathered from the files that own them,
/// and the keepalived process each belongs to.
enum RootKeywords {
    static let entries: [KeywordTable.Entry] =
        GlobalKeywords.rootEntries
        + AddressKeywords.rootEntries
        + TrackerKeywords.rootEntries
        + SyncGroupKeywords.rootEntries
        + VRRPInstanceKeywords.rootEntries
        + CheckerKeywords.rootEntries

    /// Every root keyword active: the single pass used for well-formed configurations.
    static let table = KeywordTable(entries)

    /// keepalived's processes, each of which reads the whole file with only its own root keywords
    /// active (the others' blocks are skipped by counting braces).
    enum Process: CaseIterable { case parent, vrrp, checker, bfd }

    /// Which keyword sets a root keyword comes from (keepalived's init_*_keywords).
    enum Area { case global, vrrp, checker, bfd, trackFile }

    static func area(of keyword: String) -> Area {
        switch keyword {
        case "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "use_pid_dir", "instance", "child_wait_time",
             "global_defs", "linkbeat_use_polling":
            return .global
        case "SSL", "virtual_server_group", "virtual_server":
            return .checker
        case "bfd_instance":
            return .bfd
        case "track_file", "vrrp_track_file":
            return .trackFile
        default:
            return .vrrp
        }
    }

    /// keepalived 2.2.7 at start-up (not a reload): global keywords only in the parent; track_file
    /// in VRRP and the checker; bfd_instance in VRRP, the checker and BFD.
    static func isActive(_ area: Area, in process: Process) -> Bool {
        switch (area, process) {
        case (.global, .parent): true
        case (.vrrp, .vrrp), (.checker, .checker), (.bfd, .bfd): true
        case (.bfd, .vrrp), (.bfd, .checker), (.trackFile, .vrrp), (.trackFile, .checker): true
        default: false
        }
    }

    static let processTables: [Process: KeywordTable] = Dictionary(uniqueKeysWithValues: Process.allCases.map { process in
        (process, KeywordTable(entries.map { entry in
            // keepalived installs no sub-keywords under an inactive root keyword: its block is
            // skipped at the root level by counting braces.
            entry.inProcess(active: isActive(area(of: entry.name), in: process))
        }))
    })
}
