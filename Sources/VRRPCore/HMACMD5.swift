/// HMAC (RFC 2104) over MD5, the keyed digest IPsec AH's HMAC-MD5-96 truncates (RFC 2403).
public enum HMACMD5 {
    /// HMAC-MD5 of the concatenated `parts` under `key`: MD5(K ⊕ opad ‖ MD5(K ⊕ ipad ‖ text)).
    /// A key longer than the 64-byte block is first replaced by its MD5 digest (RFC 2104 §2).
    public static func authenticate(_ parts: [UInt8]..., key: [UInt8]) -> [UInt8] {
        authenticate(parts: parts, key: key)
    }

    public static func authenticate(parts: [[UInt8]], key: [UInt8]) -> [UInt8] {
        var block = key.count > MD5.blockLength ? MD5.digest(key) : key
        block += Array(repeating: 0, count: MD5.blockLength - block.count)
        var inner = MD5()
        inner.update(block.map { $0 ^ 0x36 })
        for part in parts { inner.update(part) }
        var outer = MD5()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
