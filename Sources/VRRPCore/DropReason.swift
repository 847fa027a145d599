/// Why a received packet was not accepted. Each reason bumps exactly one counter (or none, where
/// keepalived 2.2.7 counts nothing), named as in the MIBs and keepalived's stats file.
public enum DropReason: Sendable, Hashable, CaseIterable {
    /// Shorter or longer than its header says (`packet_len_err`, vrrpStatsPacketLengthErrors).
    case packetLengthError
    /// Multicast with TTL/hop limit other than 255, or a unicast peer's TTL out of range (`ip_ttl_err`).
    case ttlError
    /// Version differs from the instance's (`vers_err`, vrrpv3RouterVersionErrors).
    case versionError
    /// v2 Auth Type not 0, 1 or 2 (`invalid_authtype`).
    case invalidAuthType
    /// Auth Type (or AH presence) differs from the configured one (`authtype_mismatch`).
    case authTypeMismatch
    /// Wrong password, or AH with a bad ICV, an SPI other than the source, or a replayed sequence number (`auth_failure`).
    case authFailure
    /// v2 Adver Int differs from ours: dropped, logged, not counted (keepalived 2.2.7).
    case intervalMismatch
    /// Type other than ADVERTISEMENT (`invalid_type_rcvd`).
    case invalidType
    /// Address count or list differs, or multicast/unicast mismatch (`addr_list_err`).
    case addressListError
    /// Bad checksum (`chk_err`, vrrpv3RouterChecksumErrors).
    case checksumError
    /// An AH header carrying another protocol: ignored, not counted.
    case notVRRP
    /// A unicast advert from an address that is not a configured peer: dropped, not counted.
    case notAPeer
}
