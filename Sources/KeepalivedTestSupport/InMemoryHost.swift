import KeepalivedConfig

/// A ConfigHost made of data: files, interfaces, users and groups given by the test.
public struct InMemoryHost: ConfigHost {
    public var files: [String: [UInt8]]
    public var modes: [String: UInt32]
    public var directories: Set<String>
    public var interfaces: [String: HostInterface]
    public var users: [String: HostUser]
    public var groups: [String: HostGroup]
    public var variables: [String: String]
    public var currentDirectory: String
    public var nodeName: String

    public init(
        files: [String: String] = [:], currentDirectory: String = "/etc/keepalived", nodeName: String = "lab1.example.net",
        interfaces: [HostInterface] = [HostInterface(name: "lo", index: 1, isLoopback: true), HostInterface(name: "eth0", index: 2)],
        users: [HostUser] = [HostUser(name: "root", uid: 0, gid: 0)],
        groups: [HostGroup] = [HostGroup(name: "root", gid: 0)]
    ) {
        self.files = files.mapValues { Array($0.utf8) }
        self.modes = [:]
        self.currentDirectory = currentDirectory
        self.nodeName = nodeName
        self.interfaces = Dictionary(uniqueKeysWithValues: interfaces.map { ($0.name, $0) })
        self.users = Dictionary(uniqueKeysWithValues: users.map { ($0.name, $0) })
        self.groups = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0) })
        self.variables = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        var directories: Set<String> = ["/"]
        for path in files.keys {
            var dir = InMemoryHost.parent(path)
            while dir != "/" {
                directories.insert(dir)
                dir = InMemoryHost.parent(dir)
            }
        }
        directories.insert(currentDirectory)
        self.directories = directories
    }

    /// Adds a file (and its directories), optionally with permission bits.
    public mutating func add(_ path: String, _ content: String, mode: UInt32 = 0o644) {
        files[path] = Array(content.utf8)
        modes[path] = mode
        var dir = InMemoryHost.parent(path)
        while dir != "/" {
            directories.insert(dir)
            dir = InMemoryHost.parent(dir)
        }
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// Absolute, with "." and ".." resolved.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public func readFile(atPath path: String) -> [UInt8]? { files[InMemoryHost.normalize(path)] }

    public func fileStatus(atPath path: String) -> FileStatus? {
        let path = InMemoryHost.normalize(path)
        if files[path] != nil { return FileStatus(kind: .regular, mode: modes[path] ?? 0o644) }
        if directories.contains(path) { return FileStatus(kind: .directory, mode: 0o755) }
        return nil
    }

    public func directoryEntries(atPath path: String) -> [String]? {
        let path = InMemoryHost.normalize(path)
        guard directories.contains(path) else { return nil }
        let prefix = path == "/" ? "/" : path + "/"
        var names: Set<String> = []
        for candidate in Array(files.keys) + Array(directories) where candidate.hasPrefix(prefix) && candidate != path {
            if let first = candidate.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
        }
        return names.sorted()
    }

    public func interface(named name: String) -> HostInterface? { interfaces[name] }
    public func user(named name: String) -> HostUser? { users[name] }
    public func group(named name: String) -> HostGroup? { groups[name] }
    public func environment(_ name: String) -> String? { variables[name] }
    public func random(seed: UInt32?) -> UInt32 { 4 }
}
