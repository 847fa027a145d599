/// Collects the scalars and table cells of one or more MIB modules, then freezes them into a sorted `MIBView`.
public struct MIBBuilder: Sendable {
    private var bindings: [MIBView.Binding] = []
    private var objects: [OID] = []
    private var roots: [OID] = []

    public init() {}

    /// A subtree the binding registers (a MIB module's root, or part of it).
    public mutating func register(root: OID) { roots.append(root) }

    /// Declares an object type served even when it has no instance right now (an empty table's column).
    public mutating func declare(_ object: OID) { objects.append(object) }

    /// A scalar: `object.0`.
    public mutating func scalar(_ object: OID, _ value: SNMPValue) {
        objects.append(object)
        bindings.append(.init(oid: object.appending(0), value: value))
    }

    /// One table cell: `column.index`. A nil value leaves the cell absent (keepalived returns nothing for it,
    /// so a walk skips it and a GET answers noSuchInstance).
    public mutating func cell(_ column: OID, _ index: [UInt32], _ value: SNMPValue?) {
        objects.append(column)
        guard let value else { return }
        bindings.append(.init(oid: column.appending(index), value: value))
    }

    public func build() -> MIBView { MIBView(bindings: bindings, objects: objects, roots: roots) }
}
