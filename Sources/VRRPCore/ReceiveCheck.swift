/// The receive checks of keepalived 2.2.7 (vrrp_check_packet), in its order, as a pure function.
public enum ReceiveCheck {
    /// What the receiving instance expects.
    public struct Expectations: Sendable {
        public var family: AddressFamily
        public var version: VRRPVersion
        public var authenticationType: AuthenticationType
        /// The 8 password bytes, zero padded: compared for simple authentication, the HMAC key for AH.
        public var authenticationData: [UInt8]
        /// AH: the instance's sequence counter (the last number sent or accepted); a packet must be above it.
        public var ipsecAHSequenceNumber: UInt32
        /// v2: the configured Adver Int in seconds.
        public var advertisementIntervalSeconds: UInt16
        /// The instance's VIPs (network order), compared when `checkAddresses` is set.
        public var addresses: [[UInt8]]
        public var checkAddresses: Bool
        public var isUnicast: Bool
        /// Unicast peers with their TTL window, checked when `checkUnicastSource` is set.
        public var unicastPeers: [(address: [UInt8], ttl: ClosedRange<Int>)]
        public var checkUnicastSource: Bool
        public var checksumMode: AdvertisementCodec.ChecksumMode

        public init(
            family: AddressFamily, version: VRRPVersion, authenticationType: AuthenticationType = .none,
            authenticationData: [UInt8] = Array(repeating: 0, count: 8), advertisementIntervalSeconds: UInt16 = 1,
            addresses: [[UInt8]] = [], checkAddresses: Bool = true, isUnicast: Bool = false,
            unicastPeers: [(address: [UInt8], ttl: ClosedRange<Int>)] = [], checkUnicastSource: Bool = false,
            checksumMode: AdvertisementCodec.ChecksumMode = .pseudoHeader, ipsecAHSequenceNumber: UInt32 = 0
        ) {
            self.family = family
            self.version = version
            self.authenticationType = authenticationType
            self.authenticationData = authenticationData
            self.advertisementIntervalSeconds = advertisementIntervalSeconds
            self.addresses = addresses
            self.checkAddresses = checkAddresses
            self.isUnicast = isUnicast
            self.unicastPeers = unicastPeers
            self.checkUnicastSource = checkUnicastSource
            self.checksumMode = checksumMode
            self.ipsecAHSequenceNumber = ipsecAHSequenceNumber
        }
    }

    /// A packet as the socket delivered it.
    public struct Packet: Sendable {
        /// IPv4: the whole datagram, IP header included (raw socket). IPv6: the VRRP payload.
        public var bytes: [UInt8]
        /// TTL or hop limit, if the socket reported one.
        public var ttlOrHopLimit: Int?
        /// IPv6 only (from IPV6_PKTINFO): source, destination, whether it was multicast.
        public var source: [UInt8]
        public var destination: [UInt8]
        public var isMulticast: Bool

        public init(bytes: [UInt8], ttlOrHopLimit: Int?, source: [UInt8] = [], destination: [UInt8] = [], isMulticast: Bool = true) {
            self.bytes = bytes
            self.ttlOrHopLimit = ttlOrHopLimit
            self.source = source
            self.destination = destination
            self.isMulticast = isMulticast
        }
    }

    public enum Verdict: Sendable, Hashable {
        /// Passed every check; `source` is the sender's address; `priorityZero` counts pri_zero_rcvd.
        case accepted(Advertisement, source: [UInt8])
        case dropped(DropReason)
    }

    public static func check(_ packet: Packet, _ expected: Expectations) -> Verdict {
        let bytes = packet.bytes
        var offset = 0
        var source = packet.source
        var destination = packet.destination
        var isMulticast = packet.isMulticast
        var ipTotalLength: Int?

        if expected.family == .ipv4 {
            guard bytes.count >= 20 else { return .dropped(.packetLengthError) }
            offset = Int(bytes[0] & 0x0f) * 4
            guard offset >= 20, bytes.count >= offset else { return .dropped(.packetLengthError) }
            let proto = bytes[9]
            ipTotalLength = Int(bytes[2]) << 8 | Int(bytes[3])
            source = Array(bytes[12..<16])
            destination = Array(bytes[16..<20])
            isMulticast = destination[0] >> 4 == 0xe
            if (proto == IPProtocolNumber.ah) != (expected.authenticationType == .ipsecAH) {
                return .dropped(.authTypeMismatch)
            }
            if expected.authenticationType == .ipsecAH { offset += IPsecAH.length }
        }
        guard bytes.count >= offset + Advertisement.headerLength else { return .dropped(.packetLengthError) }
        let vrrp = Array(bytes[offset...])

        // The length must be exactly what the header announces.
        let packetVersion = vrrp[0] >> 4
        let count = Int(vrrp[3])
        var expectedLength = Advertisement.headerLength + count * expected.family.addressLength
        if expected.family == .ipv4 && packetVersion == 2 { expectedLength += Advertisement.authenticationDataLength }
        guard vrrp.count == expectedLength else { return .dropped(.packetLengthError) }

        // RFC 5798 §7.1: TTL/hop limit 255 (keepalived: multicast only).
        if !expected.isUnicast, let ttl = packet.ttlOrHopLimit, ttl != 255 { return .dropped(.ttlError) }

        guard packetVersion == expected.version.rawValue,
              var advertisement = AdvertisementCodec.decode(vrrp, family: expected.family) else {
            return .dropped(.versionError)
        }

        if expected.version == .v2 {
            guard AuthenticationType(rawValue: advertisement.rawAuthenticationType) != nil else { return .dropped(.invalidAuthType) }
            guard advertisement.rawAuthenticationType == expected.authenticationType.rawValue else { return .dropped(.authTypeMismatch) }
            switch expected.authenticationType {
            case .simplePassword:
                guard constantTimeEqual(advertisement.authenticationData, expected.authenticationData) else { return .dropped(.authFailure) }
            case .ipsecAH:
                let headerLength = offset - IPsecAH.length
                guard let ah = IPsecAH.decode(bytes, at: headerLength), ah.nextHeader == IPProtocolNumber.vrrp else {
                    return .dropped(.notVRRP)
                }
                guard IPsecAH.verify(
                    bytes, headerLength: headerLength, key: expected.authenticationData, unicast: expected.isUnicast,
                    lastSequenceNumber: expected.ipsecAHSequenceNumber) == nil else { return .dropped(.authFailure) }
                advertisement.ipsecAHSequenceNumber = ah.sequenceNumber
            case .none:
                break
            }
            // keepalived 2.2.7: a v2 interval mismatch is dropped and logged, never counted.
            guard advertisement.interval == expected.advertisementIntervalSeconds else { return .dropped(.intervalMismatch) }
        }

        guard advertisement.type == 1 else { return .dropped(.invalidType) }
        if expected.checkAddresses && count != expected.addresses.count { return .dropped(.addressListError) }
        if let ipTotalLength, ipTotalLength != bytes.count { return .dropped(.packetLengthError) }

        // The kernel verifies IPv6 checksums; IPv4 is ours to check.
        if expected.family == .ipv4 {
            let mode: AdvertisementCodec.ChecksumMode = expected.version == .v3 ? expected.checksumMode : .asVersion2
            let sum = AdvertisementCodec.computeChecksum(
                vrrp, version: expected.version, family: .ipv4, source: source, destination: destination, mode: mode)
            guard sum == 0 else { return .dropped(.checksumError) }
        }

        if isMulticast == expected.isUnicast { return .dropped(.addressListError) }

        if expected.checkAddresses {
            let received = Set(advertisement.addresses)
            for address in expected.addresses where !received.contains(address) { return .dropped(.addressListError) }
            if expected.isUnicast && expected.checkUnicastSource {
                guard let peer = expected.unicastPeers.first(where: { $0.address == source }) else { return .dropped(.notAPeer) }
                if let ttl = packet.ttlOrHopLimit, !peer.ttl.contains(ttl) { return .dropped(.ttlError) }
            }
        }
        return .accepted(advertisement, source: source)
    }

    /// memcmp_constant_time: compares every byte whatever the first difference.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
