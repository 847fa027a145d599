/// track_group, track_file, vrrp_script, vrrp_track_process, bfd_instance, garp_group.
enum TrackerKeywords {
    static let rootEntries: [KeywordTable.Entry] = []
}
