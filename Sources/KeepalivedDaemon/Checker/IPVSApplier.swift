/// Where the checker's IPVS decisions go: the generic-netlink IPVS layer when it lands, a
/// logging stand-in until then.
import CheckerCore
import KeepalivedConfig

/// Applies the checker's IPVS commands, in order. `table` is the whole desired table after them.
public protocol IPVSApplier: Sendable {
    func apply(_ command: IPVSCommand, virtualServers: [VirtualServer], table: [[IPVSDestination]])
}

/// Logs each command (keepalived has no such lines; these say what would be programmed).
public struct LoggingIPVSApplier: IPVSApplier {
    let log: @Sendable (String) -> Void

    public init(log: @escaping @Sendable (String) -> Void) { self.log = log }

    public func apply(_ command: IPVSCommand, virtualServers: [VirtualServer], table: [[IPVSDestination]]) {
        func describe(_ v: Int, _ d: IPVSDestination) -> String {
            "\(virtualServers[v].keepalivedName(destination: d.address, port: d.port)) weight \(d.weight) in VS \(virtualServers[v].keepalivedName)"
        }
        switch command {
        case .addService(let v): log("IPVS (not programmed yet): add service \(virtualServers[v].keepalivedName)")
        case let .addDestination(v, d): log("IPVS (not programmed yet): add \(describe(v, d))")
        case let .editDestination(v, d): log("IPVS (not programmed yet): edit \(describe(v, d))")
        case let .deleteDestination(v, d): log("IPVS (not programmed yet): delete \(describe(v, d))")
        }
    }
}
