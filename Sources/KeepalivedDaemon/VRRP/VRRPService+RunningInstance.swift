import LinuxNet
import VRRPCore

extension VRRPService {
    /// One running instance with its data plane.
    final class RunningInstance {
        let id: InstanceID
        /// The protocol configuration with the advert source filled in.
        let routerConfiguration: VirtualRouterConfiguration
        let runtime: VRRPInstanceRuntime
        let interface: InterfaceInfo
        let transport: any AdvertTransport
        var timer: (at: Instant, generation: UInt64)?
        /// Delayed gratuitous-ARP bursts (garp_master_delay, garp_lower_prio_delay): when, how many rounds.
        var delayedBursts: [(at: Instant, count: Int)] = []
        /// garp_master_refresh: when a master next repeats its gratuitous ARPs / NAs.
        var refreshAt: Instant?
        /// Wall-clock seconds of the last state change (keepalived's last_transition).
        var lastTransition: Double = 0
        /// Packets dropped, by reason (the counters the MIB will serve).
        var drops: [DropReason: UInt64] = [:]
        /// The effective priority last reported to onPriorityChange (starts at the configured one).
        var reportedPriority: Priority
        /// When the instance started (keepalived's stats->uptime: the SNMP up-time columns count from it).
        var activeSince = Instant(microseconds: 0)
        /// VRRPv3-MIB NewMasterReason of the last move to master.
        var masterReason = 0
        /// VRRPv3-MIB ProtoErrReason of the last protocol error.
        var protocolErrorReason = 0
        /// Which virtual_routes / virtual_rules (by position) are in the kernel now.
        var installedRoutes = Set<Int>()
        var installedRules = Set<Int>()
        /// Where the advert source comes from when no unicast_src_ip is configured: the configured
        /// interface (a VMAC's base) and family. nil: configured, or an IPv6 VMAC (it has its own).
        let sourceKey: InterfaceAddresses.Key?

        /// `interface`: where the instance sends, receives and installs addresses (its VMAC when it
        /// has one); `defaultSource`: the advert source when none is configured (a VMAC has no address
        /// of its own, so it advertises from its base interface's).
        init(runtime: VRRPInstanceRuntime, interface: InterfaceInfo, base: InterfaceInfo? = nil,
             defaultSource: [UInt8]? = nil) throws(SystemCallError) {
            self.runtime = runtime
            self.interface = interface
            reportedPriority = runtime.router.basePriority
            let multicast = runtime.unicastPeers.isEmpty
            let source = runtime.sourceAddress ?? defaultSource
            // vmac_xmit_base: adverts go and come on the base interface, announcements on the VMAC.
            let wire = runtime.virtualMAC?.transmitOnBase == true ? base ?? interface : interface
            if runtime.router.family == .ipv4 {
                transport = try IPv4Transport(
                    interface: wire, announceOn: interface, source: source, multicast: multicast, group: runtime.multicastGroup,
                    ipsecAH: runtime.authenticationType == .ipsecAH)
            } else {
                transport = try IPv6Transport(
                    interface: wire, announceOn: interface, source: source, multicast: multicast, group: runtime.multicastGroup)
            }
            var configuration = runtime.router
            configuration.sourceAddress = transport.source
            routerConfiguration = configuration
            id = InstanceID(runtime.router.name)
            let ipv6 = runtime.router.family == .ipv6
            sourceKey = runtime.sourceAddress == nil && !(ipv6 && runtime.virtualMAC != nil)
                ? InterfaceAddresses.Key(interface: (base ?? interface).index, ipv6: ipv6) : nil
        }

        /// What a packet must satisfy; `ipsecAHSequenceNumber` is the instance's AH counter now.
        /// `checkAddresses` false: skip_check_adv_addr and the advert is from the master already known.
        func expectations(ipsecAHSequenceNumber: UInt32, checkAddresses: Bool = true) -> ReceiveCheck.Expectations {
            ReceiveCheck.Expectations(
                family: runtime.router.family, version: runtime.router.version, authenticationType: runtime.authenticationType,
                authenticationData: runtime.authenticationKey,
                advertisementIntervalSeconds: UInt16(runtime.router.advertisementInterval / 1_000_000),
                addresses: runtime.virtualAddresses.map(\.address), checkAddresses: checkAddresses,
                isUnicast: !runtime.unicastPeers.isEmpty,
                unicastPeers: runtime.unicastPeers.map { ($0, runtime.unicastPeerTTLs[$0] ?? 0...255) },
                checkUnicastSource: runtime.checkUnicastSource, ipsecAHSequenceNumber: ipsecAHSequenceNumber)
        }
    }
}
