/// A configuration line handed to a keyword handler: its words and where it came from.
struct KeywordLine {
    var tokens: [Token]
    var location: SourceLocation
    /// The line as read (quotes still in place), for keywords that re-split it the script way.
    var rawBytes: [UInt8]
    var raw: String { String(decoding: rawBytes, as: UTF8.self) }

    init(tokens: [Token], location: SourceLocation, rawBytes: [UInt8]) {
        self.tokens = tokens
        self.location = location
        self.rawBytes = rawBytes
    }

    init(tokens: [Token], location: SourceLocation, raw: String) {
        self.init(tokens: tokens, location: location, rawBytes: Array(raw.utf8))
    }

    var keyword: String { tokens[0].text }
    var count: Int { tokens.count }

    /// The word at `index`, if present.
    subscript(_ index: Int) -> String? { index < tokens.count ? tokens[index].text : nil }

    /// The location of the word at `index` (or of the line if there is no such word).
    func location(of index: Int) -> SourceLocation {
        var location = self.location
        if index < tokens.count { location.column = tokens[index].column }
        return location
    }

    /// The words after the keyword.
    var arguments: ArraySlice<Token> { tokens.dropFirst() }
}
