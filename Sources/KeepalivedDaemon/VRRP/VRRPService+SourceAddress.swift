import LinuxNet
import NetlinkCodec
import VRRPCore

/// Instances without `unicast_src_ip` advertise from their interface's address, as keepalived's
/// do: while the interface has none of their family they are held in FAULT ("entering FAULT state
/// (no IPv4 address for interface)"), and netlink address events move them on.
extension VRRPService {
    /// Follows the interfaces `instances` advertise from and sets each such instance's advert
    /// source to the address its interface lends (zeros when none). The instances' own virtual
    /// addresses never count.
    static func lendSources(to instances: [RunningInstance], book: inout InterfaceAddresses) {
        let own = ownAddresses(instances)
        for instance in instances {
            guard let key = instance.sourceKey else { continue }
            if !book.isFollowed(key), let base = Interfaces.lookup(instance.runtime.interfaceName) {
                let current = key.ipv6 ? base.linkLocalIPv6Addresses : base.ipv4Addresses
                book.follow(key, current: current.filter { !own.contains($0) })
            }
            instance.transport.source = book.source(key) ?? Array(repeating: 0, count: key.ipv6 ? 16 : 4)
        }
    }

    /// Every virtual and excluded address of `instances`.
    static func ownAddresses(_ instances: [RunningInstance]) -> Set<[UInt8]> {
        Set(instances.flatMap { ($0.runtime.virtualAddresses + $0.runtime.excludedAddresses).map(\.address) })
    }

    /// The tracker of an instance's advert source, up when it has one.
    static func sourceTracker(_ instance: RunningInstance) -> TrackerState? {
        guard instance.sourceKey != nil else { return nil }
        return .upDown(.sourceAddress(instance: instance.runtime.router.name), up: instance.transport.source.contains { $0 != 0 })
    }

    /// RTM_NEWADDR / RTM_DELADDR. One of our virtual addresses deleted by someone else moves its
    /// master to BACKUP for Skew_Time (keepalived's set_vrrp_backup); a static_ipaddress is added
    /// back. Any other address: the instances on that interface get the address it now lends, or go
    /// to FAULT when it has none (after advertising priority 0 from the old one, as keepalived does).
    func addressChanged(_ message: AddressMessage, now: Instant) {
        let placed = PlacedAddress(address: message.address, interface: message.interfaceIndex)
        // Our own deletions come back as events too (and an address's return clears a stale one).
        let ownDeletion = ownRemovals.remove(placed) != nil
        if ownAddresses.contains(message.address) {
            if message.deleted && !ownDeletion { virtualAddressDeleted(placed, now: now) }
            return
        }
        if message.deleted && !ownDeletion && restoreStatic(placed) { return }
        let ipv6 = message.family == NetlinkConstants.AF_INET6
        // Only link-local addresses can be an IPv6 advert source.
        if ipv6 && message.scope != NetlinkConstants.RT_SCOPE_LINK { return }
        let key = InterfaceAddresses.Key(interface: message.interfaceIndex, ipv6: ipv6)
        guard sources.isFollowed(key) else { return }
        let changed = message.deleted ? sources.removed(message.address, from: key) : sources.added(message.address, to: key)
        guard changed else { return }
        let source = sources.source(key)
        for instance in instances where instance.sourceKey == key {
            if let source { instance.transport.source = source }
            perform(engine.handle(.sourceAddressChanged(instance.id, source), now: now), now: now)
            if source == nil { instance.transport.source = Array(repeating: 0, count: ipv6 ? 16 : 4) }
        }
    }

    /// The master holding `placed` (unless it is no_track) steps down.
    private func virtualAddressDeleted(_ placed: PlacedAddress, now: Instant) {
        for instance in instances where router(instance).state == .master {
            let vips = instance.runtime.virtualAddresses + instance.runtime.excludedAddresses
            guard let vip = vips.first(where: { $0.address == placed.address }), !vip.noTrack,
                  Self.interfaceIndex(of: vip, default: instance.interface.index) == placed.interface else { continue }
            if logDetail {
                log("Netlink reflector reports IP \(IPAddressText.format(placed.address)) removed from "
                    + (vip.interfaceName ?? instance.interface.name))
            }
            perform(engine.handle(.virtualAddressDeleted(instance.id), now: now), now: now)
            return
        }
    }

    /// keepalived's reinstate_static_address: a static_ipaddress someone deleted (unless no_track)
    /// is added back, with keepalived's line.
    private func restoreStatic(_ placed: PlacedAddress) -> Bool {
        for (position, entry) in statics.addresses.enumerated()
        where entry.address.prefix.address.bytes == placed.address && !entry.address.noTrack && installedStatics.addresses.contains(position) {
            guard Self.interfaceIndex(entry.interface) == placed.interface else { continue }
            do { try addresses.apply(entry.address.request(delete: false, interfaceIndex: placed.interface)) } catch {
                log("cannot add static address \(entry.address.prefix): \(error)")
            }
            let text = DataDump.address(VRRPAssembly.address(entry.address), interface: entry.interface, set: true)
            log("Restoring deleted static address \(text)")
            return true
        }
        return false
    }
}
