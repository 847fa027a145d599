import VRRPCore

extension VRRPService {
    /// log_unknown_vrids: an advert whose VRID no instance on that interface and family runs.
    /// Every instance's socket sees it; the first instance there reports it.
    func reportUnknown(vrid: UInt8, on instance: RunningInstance) {
        let family = instance.runtime.router.family
        let here = instances.filter { $0.interface.index == instance.interface.index && $0.runtime.router.family == family }
        guard here.first === instance, !here.contains(where: { $0.runtime.router.vrid.rawValue == vrid }) else { return }
        log("Unknown VRID(\(vrid)) received on interface(\(instance.interface.name)). ignoring...")
    }
}
