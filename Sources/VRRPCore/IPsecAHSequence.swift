/// One instance's AH sequence counter, shared by what it sends and what it accepts (keepalived's
/// seq_counter_t; keepalived 2.2.7's rules, which are not RFC 2402's per-SA windows).
public struct IPsecAHSequence: Sendable, Hashable {
    /// The last number sent or accepted.
    public private(set) var sequenceNumber: UInt32 = 0
    /// Set when the counter has stopped at its ceiling; the number is then sent unchanged.
    public private(set) var cycle = false

    /// keepalived stops counting past this value (and calls it a cycle).
    static let ceiling: UInt32 = 0xffff_fffd

    public init(sequenceNumber: UInt32 = 0, cycle: Bool = false) {
        self.sequenceNumber = sequenceNumber
        self.cycle = cycle
    }

    /// The number for the next advert sent: one more than the last, unless the ceiling was passed.
    public mutating func next() -> UInt32 {
        if sequenceNumber > IPsecAHSequence.ceiling {
            cycle = true
        } else {
            sequenceNumber += 1
        }
        return sequenceNumber
    }

    /// An advert with `received` passed the anti-replay check (it is above the counter): the counter
    /// follows it. A backup also clears the cycle flag.
    public mutating func accepted(_ received: UInt32, inBackup: Bool) {
        if received > sequenceNumber { sequenceNumber = received }
        if inBackup && received >= sequenceNumber { cycle = false }
    }

    /// keepalived: a master hearing a lower-priority advert jumps past that router's number, so its
    /// own next advert is not taken for a replay there.
    public mutating func synchronise(afterLowerPriority received: UInt32) {
        sequenceNumber = received &+ 1
        cycle = false
    }

    /// A master hearing a higher-priority advert (about to become backup).
    public mutating func clearCycle() { cycle = false }

    /// keepalived's vrrp_state_goto_master: a counter that stopped at its ceiling starts again at 0.
    public mutating func becomingMaster() {
        if cycle {
            cycle = false
            sequenceNumber = 0
        }
    }
}
