/// Encoding and decoding of advertisements, with the checksum rules keepalived 2.2.7 applies.
public enum AdvertisementCodec {
    /// How the v3 IPv4 checksum is computed.
    public enum ChecksumMode: Sendable, Hashable {
        /// RFC 5798 §5.2.8: over an IPv4 pseudo-header (keepalived's default).
        case pseudoHeader
        /// Without a pseudo-header, as for v2 (RFC 9568 and other vendors; keepalived's v3_checksum_as_v2).
        case asVersion2
    }

    /// The VRRP part of a packet, checksum filled in. `source`/`destination` are the IP addresses
    /// of the packet carrying it (needed for the v3 pseudo-header).
    public static func encode(
        _ advertisement: Advertisement, family: AddressFamily, source: [UInt8], destination: [UInt8],
        checksumMode: ChecksumMode = .pseudoHeader
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Advertisement.length(version: advertisement.version, family: family, count: advertisement.addresses.count))
        bytes.append(advertisement.version.rawValue << 4 | (advertisement.type & 0x0f))
        bytes.append(advertisement.vrid.rawValue)
        bytes.append(advertisement.priority.rawValue)
        bytes.append(UInt8(truncatingIfNeeded: advertisement.addresses.count))
        switch advertisement.version {
        case .v2:
            bytes.append(advertisement.authenticationType.rawValue)
            bytes.append(UInt8(truncatingIfNeeded: advertisement.interval))
        case .v3:
            let interval = advertisement.interval & 0x0fff
            bytes.append(UInt8(interval >> 8))
            bytes.append(UInt8(interval & 0xff))
        }
        bytes += [0, 0]
        for address in advertisement.addresses { bytes += address }
        if advertisement.version == .v2 {
            let data = advertisement.authenticationData
            bytes += data.prefix(8) + Array(repeating: 0, count: Swift.max(0, 8 - data.count))
        }
        let checksum = computeChecksum(
            bytes, version: advertisement.version, family: family, source: source, destination: destination, mode: checksumMode)
        bytes[6] = UInt8(checksum >> 8)
        bytes[7] = UInt8(checksum & 0xff)
        return bytes
    }

    /// The checksum over `vrrp` (its checksum field taken as whatever it holds; pass zeros to compute,
    /// or the received bytes to verify: a valid packet then yields 0).
    public static func computeChecksum(
        _ vrrp: [UInt8], version: VRRPVersion, family: AddressFamily, source: [UInt8], destination: [UInt8],
        mode: ChecksumMode
    ) -> UInt16 {
        var checksum = InternetChecksum()
        if version == .v3 {
            switch family {
            case .ipv4 where mode == .pseudoHeader:
                // RFC 5798 §5.2.8, IPv4 pseudo-header: src, dst, zero, protocol, VRRP length.
                checksum.add(source)
                checksum.add(destination)
                checksum.add([0, IPProtocolNumber.vrrp, UInt8(vrrp.count >> 8), UInt8(vrrp.count & 0xff)])
            case .ipv6:
                // RFC 8200 §8.1 pseudo-header: src, dst, upper-layer length (32 bits), zeros, next header.
                checksum.add(source)
                checksum.add(destination)
                checksum.add([0, 0, UInt8(vrrp.count >> 8), UInt8(vrrp.count & 0xff), 0, 0, 0, IPProtocolNumber.vrrp])
            default:
                break
            }
        }
        checksum.add(vrrp)
        return checksum.value
    }

    /// Splits the VRRP part of a packet into fields. Only structure is checked here (enough bytes
    /// for the header and the count of addresses); the receive checks decide everything else.
    public static func decode(_ bytes: [UInt8], family: AddressFamily) -> Advertisement? {
        guard bytes.count >= Advertisement.headerLength else { return nil }
        guard let version = VRRPVersion(rawValue: bytes[0] >> 4) else {
            // Keep unknown versions decodable so they can be counted as version errors.
            return decodeFields(bytes, version: .v3, rawVersion: bytes[0] >> 4, family: family)
        }
        return decodeFields(bytes, version: version, rawVersion: version.rawValue, family: family)
    }

    /// The version nibble of a packet, whatever it is.
    public static func rawVersion(_ bytes: [UInt8]) -> UInt8? { bytes.first.map { $0 >> 4 } }

    private static func decodeFields(_ bytes: [UInt8], version: VRRPVersion, rawVersion: UInt8, family: AddressFamily) -> Advertisement? {
        let count = Int(bytes[3])
        let addressBytes = count * family.addressLength
        guard bytes.count >= Advertisement.headerLength + addressBytes else { return nil }
        var addresses: [[UInt8]] = []
        addresses.reserveCapacity(count)
        var offset = Advertisement.headerLength
        for _ in 0..<count {
            addresses.append(Array(bytes[offset..<(offset + family.addressLength)]))
            offset += family.addressLength
        }
        var advertisement: Advertisement
        switch version {
        case .v2:
            let auth = AuthenticationType(rawValue: bytes[4])
            var data = Array(repeating: UInt8(0), count: 8)
            if bytes.count >= offset + 8 { data = Array(bytes[offset..<(offset + 8)]) }
            advertisement = Advertisement(
                version: .v2, vrid: VRID(bytes[1]), priority: Priority(bytes[2]), addresses: addresses,
                interval: UInt16(bytes[5]), authenticationType: auth ?? .none, authenticationData: data)
            advertisement.rawAuthenticationType = bytes[4]
        case .v3:
            advertisement = Advertisement(
                version: .v3, vrid: VRID(bytes[1]), priority: Priority(bytes[2]), addresses: addresses,
                interval: (UInt16(bytes[4]) << 8 | UInt16(bytes[5])) & 0x0fff)
        }
        advertisement.type = bytes[0] & 0x0f
        advertisement.rawVersion = rawVersion
        return advertisement
    }
}
