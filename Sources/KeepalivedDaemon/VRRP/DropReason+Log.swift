import VRRPCore

extension DropReason {
    /// The line keepalived 2.2.7 logs for the same drop (without the values it prints where we do
    /// not have them), so the lines operators grep for stay recognisable.
    func logLine(instance: String, packet: ReceiveCheck.Packet, expected: ReceiveCheck.Expectations) -> String {
        switch self {
        case .packetLengthError: "(\(instance)) vrrp packet has the wrong length"
        case .ttlError where expected.isUnicast:
            // Only a unicast peer's min_ttl/max_ttl window drops a unicast advert for its TTL.
            unicastTTLLine(instance: instance, packet: packet, expected: expected)
        case .ttlError: "(\(instance)) invalid TTL/HL. Received \(packet.ttlOrHopLimit ?? -1) and expect 255"
        case .versionError: "(\(instance)) wrong version. Received a packet that is not VRRPv\(expected.version.rawValue)"
        case .invalidAuthType: "(\(instance)) Invalid auth type"
        case .authTypeMismatch: "(\(instance)) received an auth type other than \(expected.authenticationType.rawValue)"
        case .authFailure where expected.authenticationType == .ipsecAH: ipsecAHLogLine(instance: instance, packet: packet, expected: expected)
        case .authFailure: "(\(instance)) received an invalid passwd!"
        case .intervalMismatch: "(\(instance)) advertisement interval mismatch mine=\(expected.advertisementIntervalSeconds) sec"
        case .invalidType: "(\(instance)) Invalid packet type. Expect 1"
        case .addressListError: "(\(instance)) received an unexpected ip address list"
        case .checksumError: "(\(instance)) Invalid VRRPv\(expected.version.rawValue) checksum"
        case .notVRRP: "(\(instance)) AH header for another protocol - ignored"
        case .notAPeer:
            "(\(instance)) unicast source address \(VRRPService.sourceAddress(of: packet).map(IPAddressText.format) ?? "?") not a unicast peer"
        }
    }

    private func unicastTTLLine(instance: String, packet: ReceiveCheck.Packet, expected: ReceiveCheck.Expectations) -> String {
        let source = VRRPService.sourceAddress(of: packet)
        let window = expected.unicastPeers.first { $0.address == source }?.ttl ?? 0...255
        return "(\(instance)) TTL/HL \(packet.ttlOrHopLimit ?? -1) not in range \(window.lowerBound) - \(window.upperBound)"
    }

    /// keepalived logs which of the AH checks failed; the check is cheap enough to run again here.
    private func ipsecAHLogLine(instance: String, packet: ReceiveCheck.Packet, expected: ReceiveCheck.Expectations) -> String {
        let bytes = packet.bytes
        let headerLength = bytes.isEmpty ? 0 : Int(bytes[0] & 0x0f) * 4
        let failure = IPsecAH.verify(
            bytes, headerLength: headerLength, key: expected.authenticationData, unicast: expected.isUnicast,
            lastSequenceNumber: expected.ipsecAHSequenceNumber)
        let ah = IPsecAH.decode(bytes, at: headerLength)
        switch failure {
        case .securityParametersIndex?:
            let spi = ah.map { hostWord($0.securityParametersIndex) } ?? 0
            let source = bytes.count >= 16 ? hostWord(Array(bytes[12..<16])) : 0
            // keepalived prints both as the raw 32-bit words of a little-endian host.
            return "IPSEC AH : invalid IPSEC SPI value. \(source) and expect \(spi)"
        case .replayed?:
            return "(\(instance)) IPSEC-AH : sequence number \(ah?.sequenceNumber ?? 0) already processed. Packet dropped. Local(\(expected.ipsecAHSequenceNumber))"
        default:
            return "(\(instance)) IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !"
        }
    }

    private func hostWord(_ bytes: [UInt8]) -> UInt32 {
        bytes.prefix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
}

extension DropReason {
    /// RFC 6527 vrrpv3StatisticsProtoErrReason for the drops that are protocol errors.
    var protocolErrorReason: Int? {
        switch self {
        case .ttlError: 1
        case .versionError: 2
        case .checksumError: 3
        default: nil
        }
    }
}
