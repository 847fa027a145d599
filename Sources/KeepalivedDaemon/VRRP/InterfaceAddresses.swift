/// The address each interface lends, per family, to the instances that advertise from it without
/// a configured `unicast_src_ip` (keepalived's ifp->sin_addr / sin6_addr and their spare lists):
///
/// - the first address seen is the one lent; later ones wait as spares;
/// - when the lent address goes, the last spare takes its place (the instances move with it);
/// - when none is left, the instances are held in FAULT until an address comes back.
///
/// IPv6 counts only link-local addresses; the instances' own virtual addresses never count.
struct InterfaceAddresses {
    struct Key: Hashable {
        var interface: UInt32
        var ipv6: Bool
    }

    private var lent: [Key: [UInt8]] = [:]
    private var spares: [Key: [[UInt8]]] = [:]
    private var known: Set<Key> = []

    /// Starts following `key` with the addresses the interface has now (the first is lent). A key
    /// already followed keeps what it learnt.
    mutating func follow(_ key: Key, current: [[UInt8]]) {
        guard known.insert(key).inserted else { return }
        lent[key] = current.first
        spares[key] = Array(current.dropFirst())
    }

    func isFollowed(_ key: Key) -> Bool { known.contains(key) }

    /// The address `key` lends now (nil: none).
    func source(_ key: Key) -> [UInt8]? { lent[key] }

    /// An address was added; returns true when it is now the lent one (there was none).
    mutating func added(_ address: [UInt8], to key: Key) -> Bool {
        guard known.contains(key), lent[key] != address, !(spares[key] ?? []).contains(address) else { return false }
        if lent[key] == nil {
            lent[key] = address
            return true
        }
        spares[key, default: []].append(address)
        return false
    }

    /// An address was removed; returns true when the lent address changed (to the last spare, or
    /// to none).
    mutating func removed(_ address: [UInt8], from key: Key) -> Bool {
        guard known.contains(key) else { return false }
        if lent[key] == address {
            lent[key] = spares[key]?.popLast()
            return true
        }
        spares[key]?.removeAll { $0 == address }
        return false
    }
}
