/// vrrp_instance.
enum VRRPInstanceKeywords {
    static let rootEntries: [KeywordTable.Entry] = []
}
