/// Traps waiting for the master agent: first in, first out, bounded; beyond the limit the oldest is
/// dropped and counted, so a long snmpd outage costs memory only up to the limit and nothing is lost
/// silently.
public struct TrapQueue: Sendable {
    public let limit: Int
    /// Traps dropped because the queue was full.
    public private(set) var dropped = 0
    private var items: [SNMPNotification] = []
    private var head = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    public var count: Int { items.count - head }
    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ notification: SNMPNotification) {
        if count == limit {
            head += 1
            dropped += 1
        }
        items.append(notification)
        compact()
    }

    /// Removes and returns up to `batch` traps, oldest first.
    public mutating func take(_ batch: Int) -> [SNMPNotification] {
        let end = min(items.count, head + max(0, batch))
        let taken = Array(items[head..<end])
        head = end
        compact()
        return taken
    }

    /// Reclaims the consumed prefix once it is at least half the storage.
    private mutating func compact() {
        if head > 0 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
    }
}
