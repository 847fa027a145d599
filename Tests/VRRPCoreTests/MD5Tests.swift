import Testing
@testable import VRRPCore

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// RFC 1321 §A.5, the test suite.
@Test(arguments: [
    ("", "d41d8cd98f00b204e9800998ecf8427e"),
    ("a", "0cc175b9c0f1b6a831c399e269772661"),
    ("abc", "900150983cd24fb0d6963f7d28e17f72"),
    ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
    ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
])
func md5MatchesRFC1321(_ input: String, _ digest: String) {
    #expect(hex(MD5.digest(Array(input.utf8))) == digest)
}

@Test func md5GivesTheSameDigestWhateverTheUpdateSizes() {
    let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let whole = MD5.digest(message)
    for split in [1, 55, 56, 63, 64, 65, 119, 128, 299] {
        var md5 = MD5()
        md5.update(Array(message[..<split]))
        md5.update([])
        md5.update(Array(message[split...]))
        #expect(md5.finalize() == whole, "split at \(split)")
    }
}

/// RFC 2104 Appendix (tests 1-3) and RFC 2202 §2 (a key longer than the block).
@Test(arguments: [
    (Array(repeating: UInt8(0x0b), count: 16), Array("Hi There".utf8), "9294727a3638bb1c13f48ef8158bfc9d"),
    (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "750c783e6ab0b503eaa86e310a5db738"),
    (Array(repeating: UInt8(0xaa), count: 16), Array(repeating: UInt8(0xdd), count: 50), "56be34521d144c88dbb8c733f0e8b3f6"),
    (Array(repeating: UInt8(0xaa), count: 80), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
     "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
])
func hmacMD5MatchesRFC2104(_ key: [UInt8], _ data: [UInt8], _ digest: String) {
    #expect(hex(HMACMD5.authenticate(data, key: key)) == digest)
    // The text may come in parts (IP header, AH, advert) with the same result.
    #expect(hex(HMACMD5.authenticate(Array(data.prefix(3)), Array(data.dropFirst(3)), key: key)) == digest)
}
