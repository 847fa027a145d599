import Testing
@testable import SNMPModel

@Suite struct MIBViewTests {
    /// Scalar .1.1.0, a two-column table .1.2.1.{2,3} with rows 1 and 3, and an empty column .1.2.1.4.
    func sample() -> MIBView {
        var mib = MIBBuilder()
        mib.register(root: [1, 1])
        mib.scalar([1, 1, 1], .string("v"))
        for row: UInt32 in [3, 1] {
            mib.cell([1, 1, 2, 1, 2], [row], .integer(Int32(row)))
            mib.cell([1, 1, 2, 1, 3], [row], row == 3 ? nil : .gauge32(row))
        }
        mib.declare([1, 1, 2, 1, 4])
        return mib.build()
    }

    @Test func bindingsAreSorted() {
        #expect(sample().bindings.map(\.oid) == [[1, 1, 1, 0], [1, 1, 2, 1, 2, 1], [1, 1, 2, 1, 2, 3], [1, 1, 2, 1, 3, 1]])
    }

    @Test func getExact() {
        #expect(sample().get([1, 1, 1, 0]) == .value(.string("v")))
        #expect(sample().get([1, 1, 2, 1, 2, 3]) == .value(.integer(3)))
    }

    @Test func getDistinguishesNoSuchObjectFromNoSuchInstance() {
        let view = sample()
        #expect(view.get([1, 1, 1, 1]) == .noSuchInstance)          // scalar, wrong instance
        #expect(view.get([1, 1, 1]) == .noSuchInstance)             // the object type itself
        #expect(view.get([1, 1, 2, 1, 2, 2]) == .noSuchInstance)    // no such row
        #expect(view.get([1, 1, 2, 1, 3, 3]) == .noSuchInstance)    // row exists, cell absent
        #expect(view.get([1, 1, 2, 1, 4, 1]) == .noSuchInstance)    // declared, empty column
        #expect(view.get([1, 1, 2, 1, 9, 1]) == .noSuchObject)      // no such column
        #expect(view.get([1, 1, 2]) == .noSuchObject)               // a table node, not an object type
        #expect(view.get([1, 0]) == .noSuchObject)                  // before everything
        #expect(view.get([2]) == .noSuchObject)                     // after everything
    }

    @Test func getNextEdges() {
        let view = sample()
        #expect(view.getNext([0])?.oid == [1, 1, 1, 0])                        // before the first
        #expect(view.getNext([1, 1, 1])?.oid == [1, 1, 1, 0])                  // the scalar's object type
        #expect(view.getNext([1, 1, 1, 0])?.oid == [1, 1, 2, 1, 2, 1])         // exact match moves on
        #expect(view.getNext([1, 1, 2, 1, 2, 2])?.oid == [1, 1, 2, 1, 2, 3])   // between rows
        #expect(view.getNext([1, 1, 2, 1, 2, 3])?.oid == [1, 1, 2, 1, 3, 1])   // end of a column: next column
        #expect(view.getNext([1, 1, 2, 1, 2, 3, 7])?.oid == [1, 1, 2, 1, 3, 1]) // deeper than a row
        #expect(view.getNext([1, 1, 2, 1, 3, 1]) == nil)                       // after the last
        #expect(view.getNext([5]) == nil)
    }

    @Test func getNextWithinASubtree() {
        let view = sample()
        #expect(view.getNext([1, 0], within: [1, 1, 2])?.oid == [1, 1, 2, 1, 2, 1])
        #expect(view.getNext([1, 1, 2, 1, 2, 3], within: [1, 1, 2, 1, 2]) == nil)
        #expect(view.getNext([1, 1, 2, 1, 2, 1], within: [1, 1, 2, 1, 2])?.oid == [1, 1, 2, 1, 2, 3])
    }

    @Test func getNextOverASearchRange() {
        let view = sample()
        #expect(view.getNext([1, 1], including: true, before: [1, 2])?.oid == [1, 1, 1, 0])
        #expect(view.getNext([1, 1, 1, 0], including: true, before: [1, 2])?.oid == [1, 1, 1, 0])       // an included start answers itself
        #expect(view.getNext([1, 1, 1, 0], including: false, before: [1, 2])?.oid == [1, 1, 2, 1, 2, 1])
        #expect(view.getNext([1, 1, 2, 1, 2, 3], including: false, before: [1, 1, 2, 1, 3]) == nil)    // the next one is at the end: excluded
        #expect(view.getNext([1, 1, 2, 1, 2, 3], including: false, before: [])?.oid == [1, 1, 2, 1, 3, 1]) // no end
        #expect(view.getNext([1, 1, 2, 1, 3, 1], including: false, before: []) == nil)
    }

    @Test func walkingWithGetNextVisitsEveryBindingOnce() {
        let view = sample()
        var seen: [OID] = []
        var cursor: OID = [0]
        while let next = view.getNext(cursor) { seen.append(next.oid); cursor = next.oid }
        #expect(seen == view.bindings.map(\.oid))
    }

    @Test func duplicateOIDKeepsTheLastValue() {
        var mib = MIBBuilder()
        mib.scalar([1, 1], .integer(1))
        mib.scalar([1, 1], .integer(2))
        #expect(mib.build().bindings == [.init(oid: [1, 1, 0], value: .integer(2))])
    }

    @Test func duplicateOIDsAmongOthersKeepTheLastValueInPlace() {
        var mib = MIBBuilder()
        for (arc, value): (UInt32, Int32) in [(3, 1), (1, 2), (3, 3), (2, 4), (1, 5), (3, 6)] { mib.scalar([1, arc], .integer(value)) }
        #expect(mib.build().bindings == [
            .init(oid: [1, 1, 0], value: .integer(5)), .init(oid: [1, 2, 0], value: .integer(4)), .init(oid: [1, 3, 0], value: .integer(6)),
        ])
    }
}
