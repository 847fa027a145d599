/// The Internet checksum (RFC 1071): one's-complement sum of 16-bit big-endian words.
public struct InternetChecksum: Sendable {
    private var sum: UInt32 = 0
    private var odd: UInt8?

    public init() {}

    public mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        for byte in bytes {
            if let high = odd {
                sum &+= UInt32(high) << 8 | UInt32(byte)
                odd = nil
            } else {
                odd = byte
            }
        }
    }

    /// The checksum to put in a header (the complement of the folded sum).
    public var value: UInt16 {
        var total = sum
        if let high = odd { total &+= UInt32(high) << 8 }
        while total >> 16 != 0 { total = (total & 0xffff) + (total >> 16) }
        return ~UInt16(total)
    }

    public static func of<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var checksum = InternetChecksum()
        checksum.add(bytes)
        return checksum.value
    }
}
