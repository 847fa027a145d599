/// A point on a monotonic clock, in microseconds. The protocol logic never reads a clock: every
/// input carries "now".
public struct Instant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var microseconds: UInt64
    public init(microseconds: UInt64) { self.microseconds = microseconds }
    public static let zero = Instant(microseconds: 0)
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.microseconds < rhs.microseconds }
    public func adding(_ microseconds: UInt64) -> Instant { Instant(microseconds: self.microseconds + microseconds) }
    public var description: String {
        let fraction = String(microseconds % 1_000_000)
        return "\(microseconds / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)s"
    }
}
