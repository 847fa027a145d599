/// One logical configuration line as the keyword parser sees it: braces split off onto lines of
/// their own, comments gone, conditionals, definitions and sequences applied.
struct ConfigLine {
    var bytes: [UInt8]
    var location: SourceLocation

    var isBlockStart: Bool { bytes.count == 1 && bytes[0] == UInt8(ascii: "{") }
    var isBlockEnd: Bool { bytes.count == 1 && bytes[0] == UInt8(ascii: "}") }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
