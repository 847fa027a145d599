/// vrrp_sync_group.
enum SyncGroupKeywords {
    static let rootEntries: [KeywordTable.Entry] = []
}
