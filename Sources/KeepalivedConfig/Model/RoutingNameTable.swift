/// Names for routing tables, protocols, scopes, realms, DS fields and device groups, resolved the
/// way keepalived 2.2.7's lib/rttables.c does: a number, or a name from /etc/iproute2 or the
/// built-in defaults.
///
/// keepalived 2.2.7 reads only the single files (`/etc/iproute2/rt_tables`, ...), not the `.d`
/// directories iproute2 also scans: a name defined only in `rt_protos.d/frr.conf` is "not found"
/// for keepalived (checked with `keepalived -t`). `includeDirectories` reads them as iproute2 does,
/// for a caller that wants that; it is off wherever keepalived's verdict matters.
struct RoutingNameTable: Sendable {
    /// Which iproute2 name file a value comes from.
    enum Kind: String, Sendable, CaseIterable {
        case table = "rt_tables"
        case dsfield = "rt_dsfield"
        case realm = "rt_realms"
        case routeProtocol = "rt_protos"
        case group = "group"
        case scope = "rt_scopes"

        /// The largest value a name or number may stand for.
        var maximum: UInt32 {
            switch self {
            case .table: UInt32.max
            case .group: UInt32(Int32.max)
            case .dsfield, .realm, .routeProtocol, .scope: 255
            }
        }

        /// keepalived's built-in names, added for ids the file does not name.
        var defaults: [(UInt32, String)] {
            switch self {
            case .table: [(253, "default"), (254, "main"), (255, "local")]
            case .routeProtocol:
                [(0, "none"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"), (8, "gated"), (9, "ra"),
                 (10, "mrt"), (11, "zebra"), (12, "bird"), (42, "babel"), (13, "dnrouted"), (14, "xorp"),
                 (15, "ntk"), (16, "dhcp")]
            case .scope: [(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")]
            case .dsfield, .realm, .group: []
            }
        }
    }

    static let directory = "/etc/iproute2/"

    let kind: Kind
    /// The name → id entries in keepalived's search order (file lines first, then defaults).
    let entries: [(id: UInt32, name: String)]

    init(_ kind: Kind, host: any ConfigHost, includeDirectories: Bool = false) {
        self.kind = kind
        var entries: [(id: UInt32, name: String)] = []
        if let bytes = host.readFile(atPath: Self.directory + kind.rawValue) {
            entries += Self.parse(bytes, maximum: kind.maximum)
        }
        if includeDirectories, let names = host.directoryEntries(atPath: Self.directory + kind.rawValue + ".d") {
            for name in names.sorted() where name.hasSuffix(".conf") {
                if let bytes = host.readFile(atPath: Self.directory + kind.rawValue + ".d/" + name) {
                    entries += Self.parse(bytes, maximum: kind.maximum)
                }
            }
        }
        for (id, name) in kind.defaults where !entries.contains(where: { $0.id == id }) {
            entries.append((id, name))
        }
        self.entries = entries
    }

    /// The id for a number (strtoul base 0) or a name; nil if neither.
    func id(for text: String) -> UInt32? {
        if let number = Self.number(text) { return number <= kind.maximum ? number : nil }
        return entries.first { $0.name == text }?.id
    }

    /// The name for an id, or the id in decimal (keepalived's get_entry).
    func name(for id: UInt32) -> String {
        entries.first { $0.id == id }?.name ?? String(id)
    }

    /// Looks `text` up in the `kind` file of `host` (one read per call: configurations name few).
    static func lookup(_ text: String, _ kind: Kind, host: any ConfigHost) -> UInt32? {
        if let number = number(text) { return number <= kind.maximum ? number : nil }
        return RoutingNameTable(kind, host: host).id(for: text)
    }

    /// strtoul(text, base 0) truncated to `unsigned int`, when the whole text is a number.
    static func number(_ text: String) -> UInt32? {
        let parsed = NumberText.strtoul(text, radix: 0)
        guard parsed.rest.isEmpty, text.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        let value = parsed.overflow ? UInt64.max : parsed.value
        return UInt32(truncatingIfNeeded: value)
    }

    /// Lines of exactly two words `NUMBER NAME`; anything else (comments included) is skipped.
    static func parse(_ bytes: [UInt8], maximum: UInt32) -> [(id: UInt32, name: String)] {
        var result: [(id: UInt32, name: String)] = []
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" }) {
            let words = splitWords(line)
            guard words.count == 2 else { continue }
            let number = words[0]
            guard number.first != "-", let parsed = Self.strictNumber(number), parsed <= UInt64(maximum) else { continue }
            result.append((UInt32(parsed), words[1]))
        }
        return result
    }

    private static func strictNumber(_ text: String) -> UInt64? {
        let parsed = NumberText.strtoul(text, radix: 0)
        guard parsed.rest.isEmpty, text.contains(where: { $0.isASCII && $0.isNumber }), !parsed.overflow else { return nil }
        return parsed.value
    }

    /// keepalived's alloc_strvec: white-space separated words, `"..."` as one word.
    private static func splitWords(_ line: Substring) -> [String] {
        var words: [String] = []
        var rest = line[...]
        let space: Set<Character> = [" ", "\t", "\u{0C}", "\r", "\u{0B}"]
        while true {
            rest = rest.drop(while: { space.contains($0) })
            guard let first = rest.first else { break }
            if first == "\"" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "\"") else { break }
                words.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let end = rest.firstIndex(where: { space.contains($0) || $0 == "\"" }) ?? rest.endIndex
                words.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return words
    }
}
