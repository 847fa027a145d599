/// An immutable, sorted view of MIB objects built once per status snapshot; answers GET and GETNEXT by binary search.
public struct MIBView: Sendable {
    /// One served instance: its full OID and value.
    public struct Binding: Hashable, Sendable {
        public var oid: OID
        public var value: SNMPValue
        public init(oid: OID, value: SNMPValue) { self.oid = oid; self.value = value }
    }

    /// What a GET answers, keeping SNMPv2's two exceptions apart (RFC 3416 §4.2.1).
    public enum GetResult: Hashable, Sendable {
        case value(SNMPValue)
        /// No object type (scalar or column) served here names this OID.
        case noSuchObject
        /// The object type exists but this instance of it does not (no such row, or the cell is absent).
        case noSuchInstance
    }

    /// Every instance, sorted by OID, no duplicates.
    public let bindings: [Binding]
    /// The object types served (scalar OIDs without `.0`, column OIDs), sorted; decides noSuchObject against noSuchInstance.
    public let objects: [OID]
    /// The subtrees a binding registers with the master agent.
    public let roots: [OID]

    /// Sorts the bindings; a later duplicate OID replaces an earlier one.
    public init(bindings: [Binding], objects: [OID], roots: [OID]) {
        // The sort is stable, so of equal OIDs the last given comes last and is the one kept.
        var kept: [Binding] = []
        kept.reserveCapacity(bindings.count)
        for binding in bindings.sorted(by: { $0.oid < $1.oid }) {
            if kept.last?.oid == binding.oid { kept[kept.count - 1] = binding } else { kept.append(binding) }
        }
        self.bindings = kept
        self.objects = Array(Set(objects)).sorted()
        self.roots = Array(Set(roots)).sorted()
    }

    /// An empty view (nothing registered).
    public static let empty = MIBView(bindings: [], objects: [], roots: [])

    /// Index of the first binding whose OID is not less than `oid` (or `strictly` greater).
    private func lowerBound(_ oid: OID, strictly: Bool) -> Int {
        var low = 0, high = bindings.count
        while low < high {
            let mid = (low + high) / 2
            let before = strictly ? !(oid < bindings[mid].oid) : bindings[mid].oid < oid
            if before { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// SNMP GET: the exact instance, else which exception SNMPv2 reports.
    public func get(_ oid: OID) -> GetResult {
        let at = lowerBound(oid, strictly: false)
        if at < bindings.count, bindings[at].oid == oid { return .value(bindings[at].value) }
        return objectType(containing: oid) == nil ? .noSuchObject : .noSuchInstance
    }

    /// SNMP GETNEXT: the first instance strictly greater than `oid`, or nil at the end of this view (endOfMibView).
    public func getNext(_ oid: OID) -> Binding? {
        let at = lowerBound(oid, strictly: true)
        return at < bindings.count ? bindings[at] : nil
    }

    /// GETNEXT bounded to a subtree, as a registered handler answers: nil once the next instance leaves `root`.
    public func getNext(_ oid: OID, within root: OID) -> Binding? {
        let at = oid < root ? lowerBound(root, strictly: false) : lowerBound(oid, strictly: true)
        guard at < bindings.count, bindings[at].oid.hasPrefix(root) else { return nil }
        return bindings[at]
    }

    /// AgentX GetNext over one search range (RFC 2741 §7.2.3.2): the first instance after `start`, or
    /// `start` itself when the range includes it, that lies before `end` (an empty `end` bounds
    /// nothing); nil when there is none, which the subagent answers as endOfMibView.
    public func getNext(_ start: OID, including: Bool, before end: OID) -> Binding? {
        let at = lowerBound(start, strictly: !including)
        guard at < bindings.count, end.arcs.isEmpty || bindings[at].oid < end else { return nil }
        return bindings[at]
    }

    /// The served object type (scalar or column) that `oid` is, or is an instance of, if any.
    /// Object types are leaves of the tree, so only the greatest one not above `oid` can be its prefix.
    public func objectType(containing oid: OID) -> OID? {
        var low = 0, high = objects.count
        while low < high {
            let mid = (low + high) / 2
            if oid < objects[mid] { high = mid } else { low = mid + 1 }
        }
        guard low > 0, oid.hasPrefix(objects[low - 1]) else { return nil }
        return objects[low - 1]
    }

    /// Several MIB modules served side by side.
    public func merging(_ other: MIBView) -> MIBView {
        MIBView(bindings: bindings + other.bindings, objects: objects + other.objects, roots: roots + other.roots)
    }

    /// A full walk, as snmpwalk over the whole view.
    public func walk(from root: OID) -> [Binding] {
        bindings.filter { $0.oid.hasPrefix(root) }
    }
}

extension MIBView.GetResult {
    /// The value, or nil for either exception.
    public var value: SNMPValue? {
        if case let .value(value) = self { return value }
        return nil
    }
}
