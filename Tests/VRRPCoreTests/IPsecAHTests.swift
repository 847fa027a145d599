import Testing
@testable import VRRPCore

/// Adverts in AH captured from Debian's keepalived 2.2.7: VRID 51, priority 100, VIP
/// 192.168.77.100, from 192.168.77.1, auth_pass "secret1", sequence numbers 1 and 2.
enum CapturedAH {
    static let first = Captured.bytes(
        "45c0004000010000ff33cd0dc0a84d01e0000012" + "70040000c0a84d01000000018cafdb9f480501c4b2e37b35"
            + "213364010201" + "6abdc0a84d640000000000000000")
    static let second = Captured.bytes(
        "45c0004000020000ff33cd0cc0a84d01e0000012" + "70040000c0a84d010000000269e346a340ef54ed2e2c667c"
            + "213364010201" + "6abdc0a84d640000000000000000")
    static let source: [UInt8] = [192, 168, 77, 1]
    static let key = Captured.password
}

private func expectations(sequence: UInt32 = 0, key: [UInt8] = CapturedAH.key) -> ReceiveCheck.Expectations {
    ReceiveCheck.Expectations(
        family: .ipv4, version: .v2, authenticationType: .ipsecAH, authenticationData: key, advertisementIntervalSeconds: 1,
        addresses: [Captured.vip100], ipsecAHSequenceNumber: sequence)
}

@Test func sealsExactlyAsKeepalived() {
    let advert = Advertisement(
        version: .v2, vrid: VRID(51), priority: Priority(100), addresses: [Captured.vip100], interval: 1, authenticationType: .ipsecAH)
    let vrrp = AdvertisementCodec.encode(advert, family: .ipv4, source: CapturedAH.source, destination: [224, 0, 0, 18])
    #expect(vrrp == Array(CapturedAH.first[44...]))
    for packet in [CapturedAH.first, CapturedAH.second] {
        var header = Array(packet[0..<20])
        // keepalived hands the kernel a zero header checksum; the kernel fills it in after the ICV.
        header[10] = 0
        header[11] = 0
        let ah = IPsecAH.decode(packet, at: 20)!
        let sealed = IPsecAH(securityParametersIndex: CapturedAH.source, sequenceNumber: ah.sequenceNumber)
            .sealing(vrrp, ipHeader: header, key: CapturedAH.key, unicast: false)
        #expect(sealed == Array(packet[20...]))
    }
}

@Test func decodesTheHeader() throws {
    let ah = try #require(IPsecAH.decode(CapturedAH.second, at: 20))
    #expect(ah.nextHeader == IPProtocolNumber.vrrp)
    #expect(ah.securityParametersIndex == CapturedAH.source)
    #expect(ah.sequenceNumber == 2)
    #expect(ah.encode() == Array(CapturedAH.second[20..<44]))
    #expect(IPsecAH.decode(CapturedAH.second, at: 50) == nil)
}

@Test func acceptsKeepalivedsAHAdvertAndReportsItsSequenceNumber() {
    guard case let .accepted(advert, source) = ReceiveCheck.check(.init(bytes: CapturedAH.second, ttlOrHopLimit: 255), expectations(sequence: 1))
    else {
        Issue.record("AH advert dropped")
        return
    }
    #expect(source == CapturedAH.source)
    #expect(advert.ipsecAHSequenceNumber == 2)
    #expect(advert.authenticationType == .ipsecAH)
}

@Test func dropsAnAHAdvertUnderAnotherPassword() {
    let wrong = Array("secret2".utf8) + [0]
    #expect(ReceiveCheck.check(.init(bytes: CapturedAH.first, ttlOrHopLimit: 255), expectations(key: wrong)) == .dropped(.authFailure))
    #expect(IPsecAH.verify(CapturedAH.first, headerLength: 20, key: wrong, unicast: false, lastSequenceNumber: 0) == .integrityCheckValue)
}

@Test func dropsAReplayedSequenceNumber() {
    // The counter holds the last number sent or accepted; only a larger one passes.
    #expect(ReceiveCheck.check(.init(bytes: CapturedAH.second, ttlOrHopLimit: 255), expectations(sequence: 2)) == .dropped(.authFailure))
    #expect(IPsecAH.verify(CapturedAH.second, headerLength: 20, key: CapturedAH.key, unicast: false, lastSequenceNumber: 2) == .replayed)
}

@Test func dropsAnSPIOtherThanTheSource() {
    let vrrp = Array(CapturedAH.first[44...])
    let header = Array(CapturedAH.first[0..<20])
    let packet = header + IPsecAH(securityParametersIndex: [192, 168, 77, 9], sequenceNumber: 5)
        .sealing(vrrp, ipHeader: header, key: CapturedAH.key, unicast: false)
    #expect(IPsecAH.verify(packet, headerLength: 20, key: CapturedAH.key, unicast: false, lastSequenceNumber: 0) == .securityParametersIndex)
    #expect(ReceiveCheck.check(.init(bytes: packet, ttlOrHopLimit: 255), expectations()) == .dropped(.authFailure))
}

@Test func theICVIgnoresTheMutableFieldsOnly() {
    var packet = CapturedAH.first
    packet[1] = 0x10  // TOS
    packet[6] = 0x40  // DF
    packet[10] = 0xff // header checksum
    #expect(IPsecAH.verify(packet, headerLength: 20, key: CapturedAH.key, unicast: false, lastSequenceNumber: 0) == nil)
    packet[8] = 64    // TTL: protected for multicast, zeroed for unicast
    #expect(IPsecAH.verify(packet, headerLength: 20, key: CapturedAH.key, unicast: false, lastSequenceNumber: 0) == .integrityCheckValue)
    packet[4] = 9     // identification
    #expect(IPsecAH.verify(packet, headerLength: 20, key: CapturedAH.key, unicast: true, lastSequenceNumber: 0) == .integrityCheckValue)
}

@Test func dropsAHPresenceThatDiffersFromTheConfiguration() {
    var none = expectations()
    none.authenticationType = .none
    #expect(ReceiveCheck.check(.init(bytes: CapturedAH.first, ttlOrHopLimit: 255), none) == .dropped(.authTypeMismatch))
    #expect(ReceiveCheck.check(.init(bytes: Captured.v2, ttlOrHopLimit: 255), expectations()) == .dropped(.authTypeMismatch))
}

@Test func ignoresAnAHHeaderForAnotherProtocol() {
    var packet = CapturedAH.first
    packet[20] = 6
    #expect(ReceiveCheck.check(.init(bytes: packet, ttlOrHopLimit: 255), expectations()) == .dropped(.notVRRP))
}

@Test func survivesEveryTruncationOfAnAHAdvert() {
    for length in 0..<CapturedAH.first.count {
        let verdict = ReceiveCheck.check(.init(bytes: Array(CapturedAH.first.prefix(length)), ttlOrHopLimit: 255), expectations())
        guard case .dropped = verdict else {
            Issue.record("accepted a packet cut to \(length) bytes")
            return
        }
    }
}

// MARK: - The sequence counter (keepalived's seq_counter_t)

@Test func theCounterNumbersAdvertsFromOneAndStopsAtItsCeiling() {
    var counter = IPsecAHSequence()
    #expect(counter.next() == 1)
    #expect(counter.next() == 2)
    counter = IPsecAHSequence(sequenceNumber: 0xffff_fffd)
    #expect(counter.next() == 0xffff_fffe)
    #expect(counter.next() == 0xffff_fffe)
    #expect(counter.cycle)
    counter.becomingMaster()
    #expect(counter == IPsecAHSequence())
}

@Test func theCounterFollowsAcceptedNumbersAndJumpsPastALowerPriorityRouter() {
    var counter = IPsecAHSequence(sequenceNumber: 10)
    counter.accepted(7, inBackup: true)
    #expect(counter.sequenceNumber == 10)
    counter.accepted(12, inBackup: true)
    #expect(counter.sequenceNumber == 12)
    counter.synchronise(afterLowerPriority: 40)
    #expect(counter.next() == 42)
    var cycled = IPsecAHSequence(sequenceNumber: 0xffff_fffe, cycle: true)
    cycled.accepted(0xffff_fffe, inBackup: true)
    #expect(!cycled.cycle)
}
