/// SSL, virtual_server_group, virtual_server, real_server and the checkers.
enum CheckerKeywords {
    static let rootEntries: [KeywordTable.Entry] = []
}
