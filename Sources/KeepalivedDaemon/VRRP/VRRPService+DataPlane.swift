import LinuxNet
import NetlinkCodec
import VRRPCore
#if canImport(Glibc)
import Glibc
#endif

/// The VRRP thread's hands: virtual addresses over rtnetlink, gratuitous ARPs / NAs, adverts.
extension VRRPService {
    /// Adds or deletes virtual addresses over rtnetlink; failures are logged.
    func apply(_ operation: AddressRequest.Operation, _ vips: some Sequence<VRRPInstanceRuntime.VirtualAddress>, on interfaceIndex: UInt32,
               instance name: String) {
        for vip in vips {
            let request = vip.request(operation, interfaceIndex: Self.interfaceIndex(of: vip, default: interfaceIndex))
            if operation == .delete { ownRemovals.insert(.init(address: vip.address, interface: request.interfaceIndex)) }
            do { try addresses.apply(request) } catch {
                log("(\(name)) cannot \(operation == .add ? "add" : "remove") \(IPAddressText.format(vip.address)): \(error)")
            }
        }
    }

    /// The VIP's own `dev`, else the instance's interface.
    static func interfaceIndex(of vip: VRRPInstanceRuntime.VirtualAddress, default index: UInt32) -> UInt32 {
        // if_nametoindex, not getifaddrs: a stop of 500 instances would list every address 500 times.
        vip.interfaceName.flatMap(Self.interfaceIndex) ?? index
    }

    func removeAddresses(_ instance: RunningInstance, quiet: Bool) {
        guard releaseAddressesOnStop || router(instance).state != .stop else { return }
        removeRoutesAndRules(instance, startup: quiet)
        for vip in instance.runtime.virtualAddresses + instance.runtime.excludedAddresses {
            let request = vip.request(.delete, interfaceIndex: Self.interfaceIndex(of: vip, default: instance.interface.index))
            ownRemovals.insert(.init(address: vip.address, interface: request.interfaceIndex))
            if deferredRemovals != nil {
                deferredRemovals?.append((instance.runtime.router.name, request, quiet))
                continue
            }
            do { try addresses.apply(request) } catch {
                if !quiet && error.errno != EADDRNOTAVAIL { log("(\(instance.runtime.router.name)) cannot remove address: \(error)") }
            }
        }
        updateFirewall(instance, add: false)
    }

    /// A master without accept mode drops traffic to its addresses (or just `only` of them):
    /// queued for the firewall thread.
    func updateFirewall(_ instance: RunningInstance, add: Bool, only: Set<VRRPInstanceRuntime.VirtualAddress>? = nil) {
        guard instance.runtime.firewallDrop, let firewall else { return }
        if logDetail { log("(\(instance.runtime.router.name)) \(add ? "setting" : "removing") firewall drop rule") }
        let addresses = only.map(Array.init) ?? instance.runtime.virtualAddresses + instance.runtime.excludedAddresses
        // keepalived keys a dont_track_primary instance's own link-local VIPs by interface name.
        let byName = instance.runtime.dontTrackPrimary && !firewall.script.useIfindex
        firewall.update(add: add, addresses.map {
            let onInstance = $0.interfaceName == nil || $0.interfaceName == instance.interface.name
            return NFTablesElement(address: $0.address, interfaceIndex: Self.interfaceIndex(of: $0, default: instance.interface.index),
                                   interfaceName: $0.interfaceName ?? instance.interface.name, byName: byName && onInstance)
        })
    }

    /// keepalived.conf: use_vmac: the VMAC's firewall entries, for the instance's family and, with
    /// excluded addresses of the other family, that one too.
    func vmacEntries(_ instance: RunningInstance) -> [NFTablesFirewall.VMACEntry] {
        guard instance.runtime.virtualMAC != nil, let base = Interfaces.lookup(instance.runtime.interfaceName)?.index else { return [] }
        let ipv6 = instance.runtime.router.family == .ipv6
        let otherFamily = instance.runtime.excludedAddresses.contains { ($0.address.count == 16) != ipv6 }
        return ([ipv6] + (otherFamily ? [!ipv6] : [])).map { .init(vmac: instance.interface.index, base: base, ipv6: $0) }
    }

    /// Gratuitous ARPs / unsolicited NAs for the instance's addresses, `count` rounds. With
    /// vrrp_garp_interval / vrrp_gna_interval they queue and leave each interface that far apart.
    func announce(_ instance: RunningInstance, count: Int) {
        for _ in 0..<count {
            for vip in instance.runtime.virtualAddresses + instance.runtime.excludedAddresses {
                if (vip.address.count == 4 ? garpInterval : gnaInterval) > 0 || !pendingAnnouncements.isEmpty {
                    pendingAnnouncements.append((instance, vip.address))
                } else {
                    sendAnnouncement(instance, vip.address)
                }
            }
        }
        sendDueAnnouncements(now: MonotonicClock.now())
    }

    /// Sends the queued announcements whose interface is free again, in order.
    func sendDueAnnouncements(now: Instant) {
        var waiting: [(instance: RunningInstance, address: [UInt8])] = []
        for item in pendingAnnouncements {
            let key = AnnouncementSlot(interface: item.instance.interface.index, ipv6: item.address.count == 16)
            if let next = nextAnnouncement[key], next > now {
                waiting.append(item)
                continue
            }
            sendAnnouncement(item.instance, item.address)
            nextAnnouncement[key] = now.adding(key.ipv6 ? gnaInterval : garpInterval)
        }
        pendingAnnouncements = waiting
    }

    /// When the next queued announcement may go (nil when none waits).
    var announcementDeadline: Instant? {
        pendingAnnouncements.compactMap {
            nextAnnouncement[AnnouncementSlot(interface: $0.instance.interface.index, ipv6: $0.address.count == 16)]
        }.min()
    }

    private func sendAnnouncement(_ instance: RunningInstance, _ address: [UInt8]) {
        if logDetail {
            log(address.count == 4 ? "Sending gratuitous ARP on \(instance.interface.name) for \(IPAddressText.format(address))"
                : "Sending unsolicited Neighbour Advert on \(instance.interface.name) for \(IPAddressText.format(address))")
        }
        do { try instance.transport.announce(address) } catch {
            log("(\(instance.runtime.router.name)) address announcement failed: \(error)")
        }
    }

    func send(_ instance: RunningInstance, priority: Priority, ipsecAHSequenceNumber: UInt32?) {
        let runtime = instance.runtime
        let interval = runtime.router.version == .v2
            ? UInt16(runtime.router.advertisementInterval / 1_000_000)
            : UInt16(runtime.router.advertisementInterval / 10_000)
        let advert = Advertisement(
            version: runtime.router.version, vrid: runtime.router.vrid, priority: priority,
            addresses: runtime.virtualAddresses.map(\.address), interval: interval,
            authenticationType: runtime.authenticationType, authenticationData: runtime.authenticationData)
        let destinations = runtime.unicastPeers.isEmpty ? [instance.transport.multicastGroup] : runtime.unicastPeers
        // keepalived: the SPI is the advert's source address; one sequence number per round of peers.
        let ah = ipsecAHSequenceNumber.map {
            (header: IPsecAH(securityParametersIndex: instance.transport.source, sequenceNumber: $0), key: runtime.authenticationKey)
        }
        for destination in destinations {
            let vrrp = AdvertisementCodec.encode(advert, family: runtime.router.family, source: instance.transport.source, destination: destination)
            do { try instance.transport.send(vrrp, to: destination, ah: ah) } catch {
                log("(\(runtime.router.name)) cannot send advert: \(error)")
            }
        }
    }

    /// Sends the removals collected while stopping, logging failures as one at a time would.
    func removeDeferredAddresses() {
        guard let removals = deferredRemovals else { return }
        deferredRemovals = nil
        for (removal, error) in zip(removals, addresses.applyAll(removals.map(\.request))) {
            guard let error, !removal.quiet, error.errno != EADDRNOTAVAIL else { continue }
            log("(\(removal.instance)) cannot remove address: \(error)")
        }
    }
}
