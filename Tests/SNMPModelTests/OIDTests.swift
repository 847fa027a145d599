import Testing
@testable import SNMPModel

@Suite struct OIDTests {
    @Test(arguments: [
        (".1.3.6.1", [1, 3, 6, 1] as [UInt32]),
        ("1.3.6.1.4.1.9586.100.5", [1, 3, 6, 1, 4, 1, 9586, 100, 5]),
        (".0", [0]),
        (".1.4294967295", [1, 4294967295]),
    ])
    func parsesDotted(text: String, arcs: [UInt32]) {
        #expect(OID(text)?.arcs == arcs)
    }

    @Test(arguments: ["", ".", "1..3", "1.3.", "1.a", "1.4294967296", "1.-3", " 1.3"])
    func rejectsMalformed(text: String) {
        #expect(OID(text) == nil)
    }

    @Test func printsWithLeadingDot() {
        #expect(OID([1, 3, 6, 1, 2, 1, 68]).description == ".1.3.6.1.2.1.68")
        #expect(OID(OID([1, 3, 6]).description) == OID([1, 3, 6]))
    }

    @Test func ordersArcByArcNumerically() {
        // Numeric, not textual: 9 < 10, and a prefix sorts before its children.
        let sorted: [OID] = [[1, 3, 10], [1, 3, 9, 1], [1, 3], [1, 3, 9], [1, 4], [1, 3, 9, 0]].sorted()
        #expect(sorted == [[1, 3], [1, 3, 9], [1, 3, 9, 0], [1, 3, 9, 1], [1, 3, 10], [1, 4]])
        #expect(!(OID([1, 2]) < OID([1, 2])))
    }

    @Test func prefixes() {
        #expect(OID([1, 3, 6, 1]).hasPrefix([1, 3]))
        #expect(OID([1, 3]).hasPrefix([1, 3]))
        #expect(!OID([1, 3]).hasPrefix([1, 3, 6]))
        #expect(!OID([1, 30]).hasPrefix([1, 3]))
    }
}
