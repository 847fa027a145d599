// An address on an interface inside a lab namespace, as `ip -json address show` reports it.
import Foundation

/// One address of an interface.
public struct InterfaceAddress: Sendable, Hashable, CustomStringConvertible {
    /// Address family.
    public enum Family: String, Sendable {
        case ipv4 = "inet"
        case ipv6 = "inet6"
    }

    public let interface: String
    public let family: Family
    /// The address without prefix, e.g. `10.77.0.11` or `fe80::...`.
    public let address: String
    public let prefixLength: Int
    /// `global`, `link` or `host`.
    public let scope: String
    /// The IPv4 label (`eth0:vip`), when set.
    public let label: String?
    /// IPv6 duplicate address detection has not finished yet.
    public let isTentative: Bool

    public var isLinkLocal: Bool { scope == "link" }

    public var description: String { "\(address)/\(prefixLength) (\(scope)) on \(interface)" }
}

/// Link state and addresses of one interface.
public struct InterfaceStatus: Sendable {
    public let name: String
    /// Kernel operational state: `UP`, `DOWN`, `LOWERLAYERDOWN`, `UNKNOWN`, ...
    public let operationalState: String
    /// Link flags: `UP`, `LOWER_UP`, `NO-CARRIER`, `MULTICAST`, ...
    public let flags: [String]
    public let addresses: [InterfaceAddress]

    /// The interface is administratively up and has carrier.
    public var hasCarrier: Bool { flags.contains("LOWER_UP") }
}

/// The subset of `ip -json address show` we read.
struct IPAddressJSON: Decodable {
    struct Info: Decodable {
        let family: String
        let local: String?
        let prefixlen: Int?
        let scope: String?
        let label: String?
        let tentative: Bool?
    }
    let ifname: String
    let flags: [String]?
    let operstate: String?
    let addr_info: [Info]?

    static func decode(_ json: String) throws -> [InterfaceStatus] {
        let entries = try JSONDecoder().decode([IPAddressJSON].self, from: Data(json.utf8))
        return entries.map { entry in
            InterfaceStatus(
                name: entry.ifname,
                operationalState: entry.operstate ?? "UNKNOWN",
                flags: entry.flags ?? [],
                addresses: (entry.addr_info ?? []).compactMap { info in
                    guard let family = InterfaceAddress.Family(rawValue: info.family), let local = info.local else { return nil }
                    return InterfaceAddress(
                        interface: entry.ifname, family: family, address: local, prefixLength: info.prefixlen ?? 0,
                        scope: info.scope ?? "global", label: info.label, isTentative: info.tentative ?? false
                    )
                }
            )
        }
    }
}
