#if canImport(Glibc)
import Glibc
#endif
import KeepalivedConfig

/// The real machine, as the configuration front end sees it: files, interfaces, users, groups.
public struct LocalHost: ConfigHost {
    /// Interfaces are read once per LocalHost: a configuration names the same few many times.
    private let interfaces = InterfaceCache()

    public init() {}

    /// open(2) + read(2) of the whole file.
    public func readFile(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            content.append(contentsOf: chunk[0..<n])
        }
        return content
    }

    /// stat(2).
    public func fileStatus(atPath path: String) -> FileStatus? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        let kind: FileStatus.Kind = type == S_IFREG ? .regular : type == S_IFDIR ? .directory : type == S_IFLNK ? .symbolicLink : .other
        return FileStatus(kind: kind, mode: UInt32(st.st_mode & 0o7777), uid: st.st_uid, gid: st.st_gid)
    }

    /// opendir(3) / readdir(3).
    public func directoryEntries(atPath path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// getcwd(3).
    public var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func interface(named name: String) -> HostInterface? {
        interfaces.lookup(name) { LocalHost.readInterface(named: name) }
    }

    /// getifaddrs(3) for flags, if_nametoindex(3) for the index.
    static func readInterface(named name: String) -> HostInterface? {
        let index = if_nametoindex(name)
        guard index != 0 else { return nil }
        var flags: UInt32 = 0
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) == 0, let first = list {
            var cursor: UnsafeMutablePointer<ifaddrs>? = first
            while let entry = cursor {
                if let ifaName = entry.pointee.ifa_name, String(cString: ifaName) == name {
                    flags = entry.pointee.ifa_flags
                    break
                }
                cursor = entry.pointee.ifa_next
            }
            freeifaddrs(first)
        }
        return HostInterface(
            name: name, index: index, isLoopback: flags & UInt32(IFF_LOOPBACK) != 0,
            isUp: flags & UInt32(IFF_UP) != 0, supportsMulticast: flags & UInt32(IFF_MULTICAST) != 0)
    }

    /// getpwnam(3).
    public func user(named name: String) -> HostUser? {
        guard let entry = getpwnam(name) else { return nil }
        return HostUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// getgrnam(3).
    public func group(named name: String) -> HostGroup? {
        guard let entry = getgrnam(name) else { return nil }
        return HostGroup(name: name, gid: entry.pointee.gr_gid)
    }

    public func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// uname(2) nodename.
    public var nodeName: String {
        var names = utsname()
        guard uname(&names) == 0 else { return "" }
        return withUnsafeBytes(of: names.nodename) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    public func random(seed: UInt32?) -> UInt32 {
        if let seed { srandom(seed) }
        return UInt32(truncatingIfNeeded: Glibc.random())
    }
}

/// Memoised interface look-ups (a lock, because a ConfigHost is Sendable).
final class InterfaceCache: @unchecked Sendable {
    private var entries: [String: HostInterface?] = [:]
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func lookup(_ name: String, _ read: () -> HostInterface?) -> HostInterface? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let cached = entries[name] { return cached }
        let value = read()
        entries[name] = value
        return value
    }
}
