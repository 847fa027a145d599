/// The top level of keepalived.conf: every root keyword, gathered from the files that own them.
enum RootKeywords {
    static let table = KeywordTable(
        GlobalKeywords.rootEntries
            + AddressKeywords.rootEntries
            + TrackerKeywords.rootEntries
            + SyncGroupKeywords.rootEntries
            + VRRPInstanceKeywords.rootEntries
            + CheckerKeywords.rootEntries)
}
