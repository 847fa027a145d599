/// global_defs and the top-level process keywords (net_namespace, instance, use_pid_dir, ...).
enum GlobalKeywords {
    static let rootEntries: [KeywordTable.Entry] = []
}
