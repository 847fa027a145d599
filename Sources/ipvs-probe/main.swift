// ipvs-probe: a tiny ipvsadm over our IPVSClient, run inside the QEMU guest by the IPVS integration
// tests so that what we program can be checked with the real ipvsadm.
//
//   ipvs-probe info
//   ipvs-probe add-service  tcp|udp|sctp ADDRESS PORT SCHEDULER [persistent SECONDS]
//   ipvs-probe del-service  tcp|udp|sctp ADDRESS PORT
//   ipvs-probe add-dest     tcp|udp|sctp ADDRESS PORT REAL-ADDRESS REAL-PORT masq|tunnel|route WEIGHT
//   ipvs-probe set-dest     (same as add-dest)
//   ipvs-probe del-dest     tcp|udp|sctp ADDRESS PORT REAL-ADDRESS REAL-PORT
//   ipvs-probe list         the table, in `ipvsadm -Ln`'s layout
//   ipvs-probe flush
//   ipvs-probe sync-demo    synchronizes to two fixed tables in turn, printing the changes each needs
import IPVSModel
import LinuxNet
import NetworkTypes
#if canImport(Glibc)
import Glibc
#endif

struct UsageError: Error { var message: String }

func fail(_ message: String) -> Never {
    let bytes = Array("ipvs-probe: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func serviceKey(_ arguments: ArraySlice<String>) throws -> IPVSServiceKey {
    let parts = Array(arguments)
    guard parts.count >= 3 else { throw UsageError(message: "expected PROTOCOL ADDRESS PORT") }
    let proto: IPVSProtocol
    switch parts[0] {
    case "tcp": proto = .tcp
    case "udp": proto = .udp
    case "sctp": proto = .sctp
    default: throw UsageError(message: "unknown protocol \(parts[0])")
    }
    guard let address = IPAddress(parts[1]) else { throw UsageError(message: "bad address \(parts[1])") }
    guard let port = UInt16(parts[2]) else { throw UsageError(message: "bad port \(parts[2])") }
    return .address(proto, address, port: port)
}

func destinationKey(_ arguments: ArraySlice<String>) throws -> IPVSDestinationKey {
    let parts = Array(arguments)
    guard parts.count >= 2, let address = IPAddress(parts[0]), let port = UInt16(parts[1]) else {
        throw UsageError(message: "expected REAL-ADDRESS REAL-PORT")
    }
    return IPVSDestinationKey(address: address, port: port)
}

func destination(_ arguments: ArraySlice<String>) throws -> IPVSDestination {
    let parts = Array(arguments)
    let key = try destinationKey(arguments)
    guard parts.count >= 4, let weight = Int32(parts[3]) else { throw UsageError(message: "expected ... METHOD WEIGHT") }
    let method: IPVSForwardingMethod
    switch parts[2] {
    case "masq": method = .masquerade
    case "tunnel": method = .tunnel
    case "route": method = .directRoute
    default: throw UsageError(message: "unknown forwarding method \(parts[2])")
    }
    return IPVSDestination(address: key.address, port: key.port, forwarding: method, weight: weight)
}

func run(_ arguments: [String]) throws {
    guard let command = arguments.first else { throw UsageError(message: "no command") }
    let rest = arguments.dropFirst()
    let client = try IPVSClient()
    switch command {
    case "info":
        let info = try client.info()
        print("IPVS family \(client.family.id) version \(client.family.version); IP Virtual Server version \(info.versionString) (size=\(info.connectionTableSize))")
    case "add-service":
        let key = try serviceKey(rest)
        let parts = Array(rest)
        guard parts.count >= 4 else { throw UsageError(message: "expected SCHEDULER") }
        var service = IPVSService(key: key, scheduler: parts[3])
        if parts.count >= 6, parts[4] == "persistent", let seconds = UInt32(parts[5]) {
            service.flags.insert(.persistent)
            service.timeout = seconds
        }
        try client.addService(service)
    case "del-service":
        try client.removeService(try serviceKey(rest))
    case "add-dest":
        try client.addDestination(try destination(rest.dropFirst(3)), to: try serviceKey(rest))
    case "set-dest":
        try client.updateDestination(try destination(rest.dropFirst(3)), in: try serviceKey(rest))
    case "del-dest":
        try client.removeDestination(try destinationKey(rest.dropFirst(3)), from: try serviceKey(rest))
    case "list":
        print(IPVSTableListing(try client.table()).text, terminator: "")
    case "flush":
        try client.flush()
    case "sync-demo":
        for (name, table) in SyncDemo.tables {
            let changes = try client.synchronize(to: table)
            print("\(name): \(changes.count) changes")
        }
    default:
        throw UsageError(message: "unknown command \(command)")
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    fail(error.message)
} catch {
    fail("\(error)")
}
