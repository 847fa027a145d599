import Testing
@testable import SNMPModel

/// The bounded queue of traps waiting for the master agent.
struct TrapQueueTests {
    static func trap(_ n: UInt32) -> SNMPNotification {
        SNMPNotification(trapOID: [1, 3, 6, 1, 4, 1, 9586, 100, 5, 2, 10, 0, n], payload: [])
    }

    @Test func deliversInOrderInBatches() {
        var queue = TrapQueue(limit: 10)
        for n: UInt32 in 1...5 { queue.append(Self.trap(n)) }
        #expect(queue.take(2).map { $0.trapOID.arcs.last } == [1, 2])
        #expect(queue.take(2).map { $0.trapOID.arcs.last } == [3, 4])
        queue.append(Self.trap(6))
        #expect(queue.take(16).map { $0.trapOID.arcs.last } == [5, 6])
        #expect(queue.isEmpty && queue.dropped == 0)
    }

    @Test func dropsTheOldestBeyondTheLimitAndCountsThem() {
        var queue = TrapQueue(limit: 3)
        for n: UInt32 in 1...7 { queue.append(Self.trap(n)) }
        #expect(queue.count == 3)
        #expect(queue.dropped == 4)
        #expect(queue.take(10).map { $0.trapOID.arcs.last } == [5, 6, 7])
    }

    @Test func staysCompactUnderLongUse() {
        var queue = TrapQueue(limit: 100)
        for n in 0..<10_000 {
            queue.append(Self.trap(UInt32(n)))
            if n % 3 == 0 { _ = queue.take(2) }
        }
        #expect(queue.count == 98)
        #expect(queue.dropped == 10_000 - 98 - (1 + 2 * 3_333))  // the first take finds one trap
    }
}
