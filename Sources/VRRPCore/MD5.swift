/// The MD5 message digest (RFC 1321), for AH's HMAC-MD5-96. Not for anything needing collision
/// resistance: VRRP's AH uses it because RFC 2338 and keepalived do.
public struct MD5: Sendable {
    public static let digestLength = 16
    static let blockLength = 64

    /// RFC 1321 §3.3: A, B, C, D.
    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    /// Bytes not yet making a whole 64-byte block.
    private var pending: [UInt8] = []
    private var totalLength: UInt64 = 0

    public init() { pending.reserveCapacity(MD5.blockLength) }

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var md5 = MD5()
        md5.update(bytes)
        return md5.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) {
        totalLength &+= UInt64(bytes.count)
        var index = 0
        if !pending.isEmpty {
            let take = Swift.min(MD5.blockLength - pending.count, bytes.count)
            pending += bytes[0..<take]
            index = take
            guard pending.count == MD5.blockLength else { return }
            compress(pending, at: 0)
            pending.removeAll(keepingCapacity: true)
        }
        while bytes.count - index >= MD5.blockLength {
            compress(bytes, at: index)
            index += MD5.blockLength
        }
        pending += bytes[index...]
    }

    /// RFC 1321 §3.1-3.2 padding and length, then §3.5 output (A, B, C, D little-endian).
    public mutating func finalize() -> [UInt8] {
        let bitLength = totalLength &* 8
        var tail: [UInt8] = [0x80]
        let used = (pending.count + 1) % MD5.blockLength
        tail += Array(repeating: 0, count: (56 - used + MD5.blockLength) % MD5.blockLength)
        for shift in stride(from: 0, to: 64, by: 8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = totalLength
        update(tail)
        totalLength = savedLength
        var out: [UInt8] = []
        out.reserveCapacity(MD5.digestLength)
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    /// RFC 1321 §3.4: T[i] = floor(2^32 × |sin(i + 1)|).
    private static let sines: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    /// Per-round left-rotation amounts, four per round.
    private static let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

    /// RFC 1321 §3.4: one 64-byte block through the four rounds.
    private mutating func compress(_ bytes: [UInt8], at start: Int) {
        var x = [UInt32](repeating: 0, count: 16)
        for i in 0..<16 {
            let o = start + i * 4
            x[i] = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
        }
        var (a, b, c, d) = state
        for i in 0..<64 {
            let round = i / 16
            var f: UInt32
            let g: Int
            switch round {
            case 0: f = (b & c) | (~b & d); g = i
            case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ MD5.sines[i] &+ x[g]
            let s = MD5.shifts[round * 4 + i % 4]
            a = d
            d = c
            c = b
            b = b &+ (f << s | f >> (32 - s))
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
