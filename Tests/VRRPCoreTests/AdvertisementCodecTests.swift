import Testing
@testable import VRRPCore

/// Adverts captured from Debian's keepalived 2.2.7 in a network namespace (IP header onwards).
enum Captured {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(hex.utf8)[...]
        while chars.count >= 2 {
            out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
            chars = chars.dropFirst(2)
        }
        return out
    }

    /// VRRPv2, PASS "secret1", VRID 51, priority 100, VIPs 192.168.77.100/.101, from 192.168.77.1.
    static let v2 = bytes("45c0002c00010000ff70cce4c0a84d01e0000012" + "213364020101f061c0a84d64c0a84d657365637265743100")
    /// VRRPv3 over IPv4, same instance, advert_int 1 s (100 cs).
    static let v3 = bytes("45c0002400010000ff70ccecc0a84d01e0000012" + "313364020064600ec0a84d64c0a84d65")
    /// VRRPv3 over IPv6 (payload only, as a raw IPv6 socket delivers it): VRID 52, priority 150, 50 cs.
    static let v6Payload = bytes("3134960200327f1bfe800000000000000000000000000052fd770000000000000000000000000052")
    static let v6Source = bytes("fe80000000000000b8db75fffee090f4")
    static let v6Destination = bytes("ff020000000000000000000000000012")

    static let vip100: [UInt8] = [192, 168, 77, 100]
    static let vip101: [UInt8] = [192, 168, 77, 101]
    static let password = Array("secret1".utf8) + [0]
}

@Test func encodesVersion2ExactlyAsKeepalived() {
    let advert = Advertisement(
        version: .v2, vrid: VRID(51), priority: Priority(100), addresses: [Captured.vip100, Captured.vip101], interval: 1,
        authenticationType: .simplePassword, authenticationData: Captured.password)
    let encoded = AdvertisementCodec.encode(advert, family: .ipv4, source: [192, 168, 77, 1], destination: [224, 0, 0, 18])
    #expect(encoded == Array(Captured.v2[20...]))
}

@Test func encodesVersion3OverIPv4ExactlyAsKeepalived() {
    let advert = Advertisement(version: .v3, vrid: VRID(51), priority: Priority(100), addresses: [Captured.vip100, Captured.vip101], interval: 100)
    let encoded = AdvertisementCodec.encode(advert, family: .ipv4, source: [192, 168, 77, 1], destination: [224, 0, 0, 18])
    #expect(encoded == Array(Captured.v3[20...]))
}

@Test func checksumsVersion3OverIPv6LikeTheKernel() {
    var zeroed = Captured.v6Payload
    zeroed[6] = 0
    zeroed[7] = 0
    let sum = AdvertisementCodec.computeChecksum(
        zeroed, version: .v3, family: .ipv6, source: Captured.v6Source, destination: Captured.v6Destination, mode: .pseudoHeader)
    #expect(sum == 0x7f1b)
}

@Test func decodesVersion3OverIPv6() throws {
    let advert = try #require(AdvertisementCodec.decode(Captured.v6Payload, family: .ipv6))
    #expect(advert.vrid == VRID(52))
    #expect(advert.priority == Priority(150))
    #expect(advert.interval == 50)
    #expect(advert.addresses.count == 2)
}

private let v2Expectations = ReceiveCheck.Expectations(
    family: .ipv4, version: .v2, authenticationType: .simplePassword, authenticationData: Captured.password,
    advertisementIntervalSeconds: 1, addresses: [Captured.vip100, Captured.vip101])

@Test func acceptsKeepalivedsVersion2Advert() {
    let verdict = ReceiveCheck.check(.init(bytes: Captured.v2, ttlOrHopLimit: 255), v2Expectations)
    guard case let .accepted(advert, source) = verdict else {
        Issue.record("dropped: \(verdict)")
        return
    }
    #expect(source == [192, 168, 77, 1])
    #expect(advert.priority == Priority(100))
}

@Test func acceptsKeepalivedsVersion3Advert() {
    let expected = ReceiveCheck.Expectations(family: .ipv4, version: .v3, addresses: [Captured.vip100, Captured.vip101])
    guard case .accepted = ReceiveCheck.check(.init(bytes: Captured.v3, ttlOrHopLimit: 255), expected) else {
        Issue.record("v3 advert dropped")
        return
    }
}

/// A change to one byte of the captured v2 packet, and the counter keepalived 2.2.7 bumps for it.
struct Mutation: Sendable, CustomTestStringConvertible {
    var name: String
    var offset: Int
    var value: UInt8
    var ttl = 255
    var reason: DropReason
    var testDescription: String { name }
}

@Test(arguments: [
    Mutation(name: "TTL 254", offset: 8, value: 255, ttl: 254, reason: .ttlError),
    // keepalived sizes the packet by its own version nibble first: a v3 header with v2's auth bytes is a length error.
    Mutation(name: "version nibble 3 in a v2-sized packet", offset: 20, value: 0x31, reason: .packetLengthError),
    Mutation(name: "auth type 7", offset: 24, value: 7, reason: .invalidAuthType),
    Mutation(name: "no auth", offset: 24, value: 0, reason: .authTypeMismatch),
    Mutation(name: "wrong password", offset: 36, value: 0x53, reason: .authFailure),
    Mutation(name: "interval 2 s", offset: 25, value: 2, reason: .intervalMismatch),
    Mutation(name: "type 2", offset: 20, value: 0x22, reason: .invalidType),
    Mutation(name: "checksum", offset: 26, value: 0, reason: .checksumError),
    Mutation(name: "address count 3", offset: 23, value: 3, reason: .packetLengthError),
])
func dropsAndCountsBadPackets(_ mutation: Mutation) {
    var bytes = Captured.v2
    bytes[mutation.offset] = mutation.value
    let verdict = ReceiveCheck.check(.init(bytes: bytes, ttlOrHopLimit: mutation.ttl), v2Expectations)
    #expect(verdict == .dropped(mutation.reason))
}

@Test func dropsAnAdvertWithOtherAddresses() {
    var expectations = v2Expectations
    expectations.addresses = [Captured.vip100, [192, 168, 77, 102]]
    #expect(ReceiveCheck.check(.init(bytes: Captured.v2, ttlOrHopLimit: 255), expectations) == .dropped(.addressListError))
}

@Test func survivesEveryTruncation() {
    for length in 0..<Captured.v2.count {
        let verdict = ReceiveCheck.check(.init(bytes: Array(Captured.v2.prefix(length)), ttlOrHopLimit: 255), v2Expectations)
        #expect(verdict != .accepted(AdvertisementCodec.decode(Array(Captured.v2[20...]), family: .ipv4)!, source: [192, 168, 77, 1]))
    }
}

@Test func countsAVersion3AdvertToAVersion2InstanceAsAVersionError() {
    #expect(ReceiveCheck.check(.init(bytes: Captured.v3, ttlOrHopLimit: 255), v2Expectations) == .dropped(.versionError))
}
