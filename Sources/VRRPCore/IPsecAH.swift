/// The IPsec Authentication Header keepalived 2.2.7 puts between the IPv4 header and a VRRPv2
/// advert (auth_type AH; RFC 2338 §5.3.6.2, RFC 2402 §2, HMAC-MD5-96 per RFC 2403).
///
///     | Next Header (112) | Payload Len (4) | Reserved (0)      |
///     | Security Parameters Index (= the sender's IPv4 address) |
///     | Sequence Number                                         |
///     | Integrity Check Value: HMAC-MD5 truncated to 96 bits    |
///
/// The ICV covers the IPv4 header with its mutable fields zeroed (TOS, flags/fragment offset,
/// header checksum, and for unicast also the TTL), this header with the ICV zeroed, and the advert.
/// The key is the 8 auth_pass bytes, zero padded.
public struct IPsecAH: Sendable, Hashable {
    /// Bytes the header takes.
    public static let length = 24
    /// RFC 2403 §2: HMAC-MD5 truncated to 96 bits.
    static let icvLength = 12
    /// RFC 2402 §2.2: the header's length in 32-bit words minus 2.
    static let payloadLength: UInt8 = 4
    static let icvOffset = 12

    public var nextHeader: UInt8
    /// keepalived: the sender's IPv4 address, since multicast leaves no receiver to choose one.
    public var securityParametersIndex: [UInt8]
    public var sequenceNumber: UInt32
    public var integrityCheckValue: [UInt8]

    public init(nextHeader: UInt8 = IPProtocolNumber.vrrp, securityParametersIndex: [UInt8], sequenceNumber: UInt32,
                integrityCheckValue: [UInt8] = Array(repeating: 0, count: 12)) {
        self.nextHeader = nextHeader
        self.securityParametersIndex = securityParametersIndex
        self.sequenceNumber = sequenceNumber
        self.integrityCheckValue = integrityCheckValue
    }

    /// Why a received AH packet fails authentication (all counted as `auth_failure`).
    public enum Failure: Sendable, Hashable {
        /// The ICV does not match: another password, or a field changed on the way.
        case integrityCheckValue
        /// The SPI is not the packet's source address.
        case securityParametersIndex
        /// The sequence number is not above the last one sent or accepted (anti-replay).
        case replayed
    }

    public func encode() -> [UInt8] {
        var bytes: [UInt8] = [nextHeader, IPsecAH.payloadLength, 0, 0]
        bytes += securityParametersIndex.prefix(4)
        bytes += [UInt8(sequenceNumber >> 24), UInt8(truncatingIfNeeded: sequenceNumber >> 16),
                  UInt8(truncatingIfNeeded: sequenceNumber >> 8), UInt8(truncatingIfNeeded: sequenceNumber)]
        bytes += integrityCheckValue.prefix(IPsecAH.icvLength)
        return bytes
    }

    /// The header at `offset`, if the bytes are long enough to hold one.
    public static func decode(_ bytes: [UInt8], at offset: Int) -> IPsecAH? {
        guard offset >= 0, bytes.count >= offset + length else { return nil }
        let sequence = bytes[(offset + 8)..<(offset + 12)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return IPsecAH(
            nextHeader: bytes[offset], securityParametersIndex: Array(bytes[(offset + 4)..<(offset + 8)]),
            sequenceNumber: sequence, integrityCheckValue: Array(bytes[(offset + icvOffset)..<(offset + length)]))
    }

    /// The 96-bit ICV over `ipHeader` (its mutable fields are zeroed here), `ah` (its ICV is zeroed
    /// here) and `payload`. `unicast` also zeroes the TTL, as keepalived does for unicast peers.
    public static func integrityCheckValue(ipHeader: [UInt8], ah: [UInt8], payload: ArraySlice<UInt8>, key: [UInt8], unicast: Bool) -> [UInt8] {
        var header = ipHeader
        header[1] = 0
        header[6] = 0
        header[7] = 0
        header[10] = 0
        header[11] = 0
        if unicast { header[8] = 0 }
        var zeroedAH = ah
        for index in icvOffset..<length { zeroedAH[index] = 0 }
        return Array(HMACMD5.authenticate(parts: [header, zeroedAH, Array(payload)], key: key).prefix(icvLength))
    }

    /// This header followed by `vrrp`, the ICV filled in for a packet with `ipHeader` (which must
    /// already say protocol 51 and the total length including this header).
    public func sealing(_ vrrp: [UInt8], ipHeader: [UInt8], key: [UInt8], unicast: Bool) -> [UInt8] {
        var sealed = self
        sealed.integrityCheckValue = IPsecAH.integrityCheckValue(
            ipHeader: ipHeader, ah: encode(), payload: vrrp[...], key: key, unicast: unicast)
        return sealed.encode() + vrrp
    }

    /// keepalived's vrrp_in_chk_ipsecah on a whole IPv4 datagram whose AH starts after an IP header
    /// of `headerLength` bytes: the ICV first, then the SPI, then the sequence number against
    /// `lastSequenceNumber` (the instance's counter).
    public static func verify(
        _ datagram: [UInt8], headerLength: Int, key: [UInt8], unicast: Bool, lastSequenceNumber: UInt32
    ) -> Failure? {
        guard headerLength >= 20, let ah = decode(datagram, at: headerLength) else { return .integrityCheckValue }
        let icv = integrityCheckValue(
            ipHeader: Array(datagram[0..<headerLength]), ah: Array(datagram[headerLength..<(headerLength + length)]),
            payload: datagram[(headerLength + length)...], key: key, unicast: unicast)
        guard ReceiveCheck.constantTimeEqual(icv, ah.integrityCheckValue) else { return .integrityCheckValue }
        guard ah.securityParametersIndex == Array(datagram[12..<16]) else { return .securityParametersIndex }
        guard ah.sequenceNumber > lastSequenceNumber else { return .replayed }
        return nil
    }
}
