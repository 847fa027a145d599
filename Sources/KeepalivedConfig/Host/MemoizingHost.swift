/// A ConfigHost that asks the real one once per question during one load: a large configuration
/// names the same interfaces, users and script directories thousands of times.
final class MemoizingHost: ConfigHost, @unchecked Sendable {
    private let base: any ConfigHost
    private var statuses: [String: FileStatus?] = [:]
    private var interfaces: [String: HostInterface?] = [:]
    private var users: [String: HostUser?] = [:]
    private var groups: [String: HostGroup?] = [:]

    init(_ base: any ConfigHost) { self.base = base }

    func readFile(atPath path: String) -> [UInt8]? { base.readFile(atPath: path) }
    func directoryEntries(atPath path: String) -> [String]? { base.directoryEntries(atPath: path) }
    var currentDirectory: String { base.currentDirectory }
    func environment(_ name: String) -> String? { base.environment(name) }
    var nodeName: String { base.nodeName }
    func random(seed: UInt32?) -> UInt32 { base.random(seed: seed) }

    func fileStatus(atPath path: String) -> FileStatus? {
        if let known = statuses[path] { return known }
        let value = base.fileStatus(atPath: path)
        statuses[path] = value
        return value
    }

    func interface(named name: String) -> HostInterface? {
        if let known = interfaces[name] { return known }
        let value = base.interface(named: name)
        interfaces[name] = value
        return value
    }

    func user(named name: String) -> HostUser? {
        if let known = users[name] { return known }
        let value = base.user(named: name)
        users[name] = value
        return value
    }

    func group(named name: String) -> HostGroup? {
        if let known = groups[name] { return known }
        let value = base.group(named: name)
        groups[name] = value
        return value
    }
}
