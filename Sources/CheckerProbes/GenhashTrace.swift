/// genhash -v: what keepalived 2.2.7 prints while a response arrives (the header in hex and as
/// text, the body in hex, the digest), in its layout.

/// Builds the verbose text; HTTPResponseReader and HTTPGetProbe call it at keepalived's moments.
struct GenhashTrace {
    static let headerHex = banner("    HTTP Header Buffer    ")
    static let headerASCII = banner(" HTTP Header Ascii Buffer ")
    static let bodyHex = banner("        HTML Buffer        ")
    static let hash = banner("    HTML hash resulting    ")
    static let hashFinal = banner(" HTML hash final resulting ")

    private static func banner(_ title: String) -> String { "-----------------------[\(title)]-----------------------\n" }

    /// Where the text goes (genhash's standard output).
    let write: @Sendable (String) -> Void

    /// keepalived's http_dump_header: the header in hex, then as text.
    func header(_ bytes: [UInt8]) {
        write(Self.dump(bytes[...]) + Self.headerASCII + String(decoding: bytes, as: UTF8.self) + "\n")
    }

    /// keepalived's dump_digest, at a clean end of the stream.
    func digest(_ digest: [UInt8]) {
        write("\n" + Self.hash + Self.dump(digest[...]) + Self.hashFinal)
    }

    /// keepalived's dump_buffer: 16 bytes a line, offset, hex with a dash after 8, then the
    /// printable characters.
    static func dump(_ bytes: ArraySlice<UInt8>) -> String {
        let bytes = Array(bytes)
        let padded = (bytes.count + 15) / 16 * 16
        var text = ""
        for i in 0..<padded {
            if i % 16 == 0 { text += pad(String(i & 0xffff), to: 4, with: "0") + " " }
            text += i < bytes.count ? " " + pad(String(bytes[i], radix: 16), to: 2, with: "0") : "   "
            guard (i + 1) % 8 == 0 else { continue }
            if (i + 1) % 16 != 0 {
                text += " -"
                continue
            }
            text += "   "
            for j in (i - 15)...i {
                if j < bytes.count {
                    text += (0x20...0x7e).contains(bytes[j]) ? String(UnicodeScalar(bytes[j])) : "."
                } else {
                    text += " "
                }
            }
            text += "\n"
        }
        return text
    }

    private static func pad(_ text: String, to width: Int, with fill: Character) -> String {
        String(repeating: fill, count: max(0, width - text.count)) + text
    }
}
