import KeepalivedConfig
import VRRPCore

/// Builds what the VRRP service runs from a validated Configuration: instance keywords first, then
/// the global_defs defaults, then keepalived's built-in defaults.
enum VRRPAssembly {
    static func runtimes(_ configuration: Configuration) -> [VRRPInstanceRuntime] {
        let defaults = configuration.global.vrrp
        return configuration.vrrpInstances.compactMap { instance in
            guard let vrid = instance.vrid, let interface = instance.interface else { return nil }
            let family: AddressFamily = instance.family == .inet6 ? .ipv6 : .ipv4
            let version: VRRPCore.VRRPVersion = family == .ipv6 || instance.version == .v3 ? .v3 : .v2
            let priority = instance.priority?.rawValue ?? 100
            let router = VirtualRouterConfiguration(
                name: instance.name, vrid: VRRPCore.VRID(vrid.rawValue), version: version, family: family,
                basePriority: VRRPCore.Priority(priority),
                advertisementInterval: instance.advertisementInterval ?? 1_000_000,
                wantsMasterAtStart: instance.state == .master,
                noPreempt: instance.noPreempt,
                preemptDelay: instance.preemptDelay,
                downTimerAdverts: UInt64(instance.downTimerAdverts ?? Int(defaults.downTimerAdverts)),
                lowerPriorityNoAdvert: instance.lowerPriorityNoAdvert ?? defaults.lowerPriorityNoAdvert,
                higherPrioritySendAdvert: instance.higherPrioritySendAdvert ?? defaults.higherPrioritySendAdvert,
                garpMasterRepeat: Int(instance.garpMasterRepeat ?? defaults.garpMasterRepeat),
                garpMasterDelay: instance.garpMasterDelay ?? defaults.garpMasterDelay)
            let authentication: AuthenticationType
            switch instance.authentication?.type {
            case .pass?: authentication = .simplePassword
            case .ah?: authentication = .ipsecAH
            case nil: authentication = .none
            }
            return VRRPInstanceRuntime(
                router: router, interfaceName: interface,
                virtualAddresses: instance.virtualAddresses.map(address),
                excludedAddresses: instance.excludedAddresses.map(address),
                authenticationType: authentication,
                authenticationPassword: instance.authentication?.password ?? [],
                unicastPeers: instance.unicastPeers.map(\.address.bytes),
                sourceAddress: instance.sourceAddress?.bytes)
        }
    }

    private static func address(_ vip: KeepalivedConfig.VirtualAddress) -> VRRPInstanceRuntime.VirtualAddress {
        .init(address: vip.prefix.address.bytes, prefixLength: UInt8(vip.prefix.length))
    }
}
