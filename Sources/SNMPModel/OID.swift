/// An SNMP object identifier: a sequence of arcs, ordered lexicographically arc by arc.
public struct OID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The arcs, most significant first (`1.3.6.1` is `[1, 3, 6, 1]`).
    public var arcs: [UInt32]

    public init(_ arcs: [UInt32]) { self.arcs = arcs }

    public init(arrayLiteral elements: UInt32...) { self.arcs = elements }

    /// Parses dotted notation, with or without the leading dot (`.1.3.6.1` or `1.3.6.1`).
    /// Returns nil for an empty string, an empty arc or an arc beyond 2^32-1.
    public init?(_ dotted: String) {
        var text = Substring(dotted)
        if text.first == "." { text = text.dropFirst() }
        if text.isEmpty { return nil }
        var arcs: [UInt32] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let arc = UInt32(part) else { return nil }
            arcs.append(arc)
        }
        self.arcs = arcs
    }

    /// Dotted notation with a leading dot, as `snmptranslate -On` prints it.
    public var description: String { arcs.map { "." + String($0) }.joined() }

    public var count: Int { arcs.count }

    /// This OID followed by more arcs (a column plus an instance index).
    public func appending(_ more: [UInt32]) -> OID { OID(arcs + more) }

    public func appending(_ more: UInt32...) -> OID { OID(arcs + more) }

    /// True when `self` is `other` or lies below it in the tree.
    public func hasPrefix(_ other: OID) -> Bool {
        other.arcs.count <= arcs.count && arcs.starts(with: other.arcs)
    }

    /// Lexicographic by arc; a proper prefix sorts first (net-snmp's snmp_oid_compare).
    public static func < (lhs: OID, rhs: OID) -> Bool {
        for (l, r) in zip(lhs.arcs, rhs.arcs) where l != r { return l < r }
        return lhs.arcs.count < rhs.arcs.count
    }
}
