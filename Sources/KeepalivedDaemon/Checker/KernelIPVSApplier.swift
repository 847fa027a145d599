/// Programs the checker's IPVS changes into the kernel with IPVSClient, with keepalived's tolerance
/// of errors (ipvswrapper.c ipvs_talk): an add that finds the entry there, or a removal that finds
/// it gone, counts as done; an update of a missing destination adds it; every refusal is logged.
import Glibc
import IPVSModel
import LinuxNet

final class KernelIPVSApplier: IPVSApplier, @unchecked Sendable {
    // Used by the checker thread, then by the main thread at stop once that thread has ended.
    private let client: IPVSClient
    private let log: @Sendable (String) -> Void
    /// The kernel's timeouts before lvs_timeouts first changed them (keepalived's orig_ipvs_timeouts).
    private var originalTimeouts: IPVSTimeouts?

    init(client: IPVSClient, log: @escaping @Sendable (String) -> Void) {
        self.client = client
        self.log = log
    }

    func apply(_ change: IPVSChange) {
        do {
            try client.apply([change])
        } catch {
            let code = error.errno ?? 0
            logRefusal(change, errno: code)
            if case let .updateDestination(key, destination) = change, code == ENOENT {
                // keepalived: EDITDEST on a missing destination becomes ADDDEST.
                do { try client.addDestination(destination, to: key) } catch {
                    logRefusal(.addDestination(key, destination), errno: error.errno ?? 0)
                }
            }
        }
    }

    /// keepalived's ipvs_set_timeout: the kernel's values are read once, before the first change;
    /// the timeouts the configuration leaves out keep them; nil restores them.
    func setTimeouts(_ timeouts: IPVSTimeouts?) {
        if originalTimeouts == nil {
            guard timeouts != nil else { return }
            do { originalTimeouts = try client.timeouts() } catch { log("Failed to get IPVS timeouts") }
        }
        // The kernel leaves a timeout of 0 unchanged, so an unread original changes nothing.
        let values = (timeouts ?? IPVSTimeouts()).filled(from: originalTimeouts ?? IPVSTimeouts())
        do { try client.setTimeouts(values) } catch { log("Failed to set ipvs timeouts") }
    }

    /// keepalived's `IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: File exists(17) (10.0.0.1:tcp:80 -> 10.0.1.2:80)`.
    private func logRefusal(_ change: IPVSChange, errno code: Int32) {
        let (name, number, rule) = Self.keepalivedCommand(change)
        log("IPVS cmd \(name)(\(number)) error: \(String(cString: strerror(code)))(\(code))\(rule.map { " (\($0))" } ?? "")")
    }

    /// The IP_VS_SO_SET_* name and number keepalived logs for a change, and its format_srule/format_drule text.
    static func keepalivedCommand(_ change: IPVSChange) -> (String, Int, String?) {
        let base = 64 + 1024 + 64
        switch change {
        case let .addService(service): return ("IP_VS_SO_SET_ADD", base + 2, serviceRule(service.key))
        case let .updateService(service): return ("IP_VS_SO_SET_EDIT", base + 3, serviceRule(service.key))
        case let .removeService(key): return ("IP_VS_SO_SET_DEL", base + 4, serviceRule(key))
        case .flush: return ("IP_VS_SO_SET_FLUSH", base + 5, nil)
        case let .addDestination(key, destination):
            return ("IP_VS_SO_SET_ADDDEST", base + 7, serviceRule(key) + destinationRule(destination.key))
        case let .removeDestination(key, destination):
            return ("IP_VS_SO_SET_DELDEST", base + 8, serviceRule(key) + destinationRule(destination))
        case let .updateDestination(key, destination):
            return ("IP_VS_SO_SET_EDITDEST", base + 9, serviceRule(key) + destinationRule(destination.key))
        }
    }

    static func serviceRule(_ key: IPVSServiceKey) -> String {
        switch key {
        case let .firewallMark(mark, family): "Fwm \(mark)\(family == .inet6 ? " inet6" : "")"
        case let .address(proto, address, port):
            "\(address):\(proto == .tcp ? "tcp" : proto == .udp ? "udp" : "sctp"):\(port)"
        }
    }

    static func destinationRule(_ key: IPVSDestinationKey) -> String { " -> \(key.address):\(key.port)" }
}
