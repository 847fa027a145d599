/// Where the checker's IPVS changes go: the kernel's table over generic netlink when this host has
/// IPVS, a logging stand-in when it has not.
import IPVSModel
import LinuxNet

/// Applies the checker's IPVS changes, in order, from one thread at a time.
public protocol IPVSApplier: Sendable {
    func apply(_ change: IPVSChange)
    /// keepalived.conf: lvs_timeouts — sets the kernel's connection timeouts; nil puts back what the
    /// kernel had before the first change (at stop, or a reload that drops lvs_timeouts).
    func setTimeouts(_ timeouts: IPVSTimeouts?)
}

/// Logs each change instead of programming it (keepalived has no such lines: on a host without
/// IPVS its checker does not start at all; ours still checks and says what it would program).
public struct LoggingIPVSApplier: IPVSApplier {
    let log: @Sendable (String) -> Void

    public init(log: @escaping @Sendable (String) -> Void) { self.log = log }

    public func apply(_ change: IPVSChange) {
        log("IPVS (not programmed, no IPVS on this host): \(change)")
    }

    public func setTimeouts(_ timeouts: IPVSTimeouts?) {
        guard let timeouts else { return }
        log("IPVS (not programmed, no IPVS on this host): timeouts tcp \(timeouts.tcp) tcpfin \(timeouts.tcpFin) udp \(timeouts.udp)")
    }
}

enum IPVSAppliers {
    /// The kernel's table if the IPVS generic-netlink family answers (asking loads ip_vs), else the
    /// logging stand-in, with one line saying why.
    static func forThisHost(log: @escaping @Sendable (String) -> Void) -> any IPVSApplier {
        do {
            return KernelIPVSApplier(client: try IPVSClient(), log: log)
        } catch {
            log("IPVS: Can't initialize ipvs: \(error); health checks run, their IPVS changes are only logged")
            return LoggingIPVSApplier(log: log)
        }
    }
}
