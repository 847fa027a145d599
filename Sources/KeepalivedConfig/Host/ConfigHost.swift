/// Everything the configuration front end needs to know about the machine it runs on.
///
/// KeepalivedConfig is pure: it never touches the file system, the kernel or the user database
/// itself. The daemon passes a real host (KeepalivedDaemon.LocalHost); tests pass a fake one.
public protocol ConfigHost: Sendable {
    /// The whole content of a file, or nil if it cannot be read.
    func readFile(atPath path: String) -> [UInt8]?
    /// `stat(2)` (following links) of a path, or nil if it does not exist.
    func fileStatus(atPath path: String) -> FileStatus?
    /// Names in a directory (without "." and ".."), or nil if it cannot be listed.
    func directoryEntries(atPath path: String) -> [String]?
    /// The process working directory: relative configuration paths start here.
    var currentDirectory: String { get }
    /// The host's network interfaces by name.
    func interface(named name: String) -> HostInterface?
    /// A user from the password database.
    func user(named name: String) -> HostUser?
    /// A group from the group database.
    func group(named name: String) -> HostGroup?
    /// The value of an environment variable (`${_ENV NAME}`, `$PATH` for script look-up).
    func environment(_ name: String) -> String?
    /// The node name (`uname -n`).
    var nodeName: String { get }
    /// A pseudo-random number for `${_RANDOM}`.
    func random(seed: UInt32?) -> UInt32
}

/// The parts of `struct stat` the configuration checks look at.
public struct FileStatus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case regular, directory, symbolicLink, other }
    public var kind: Kind
    /// Permission bits, including setuid/setgid (the low 12 bits of st_mode).
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32

    public init(kind: Kind, mode: UInt32, uid: UInt32 = 0, gid: UInt32 = 0) {
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
    }

    /// Any of the three execute bits.
    public var isExecutable: Bool { mode & 0o111 != 0 }
}

/// A network interface as the configuration checks see it.
public struct HostInterface: Sendable, Hashable {
    public var name: String
    public var index: UInt32
    public var isLoopback: Bool
    public var isUp: Bool
    public var supportsMulticast: Bool

    public init(name: String, index: UInt32, isLoopback: Bool = false, isUp: Bool = true, supportsMulticast: Bool = true) {
        self.name = name
        self.index = index
        self.isLoopback = isLoopback
        self.isUp = isUp
        self.supportsMulticast = supportsMulticast
    }
}

public struct HostUser: Sendable, Hashable {
    public var name: String
    public var uid: UInt32
    public var gid: UInt32
    public init(name: String, uid: UInt32, gid: UInt32) {
        self.name = name
        self.uid = uid
        self.gid = gid
    }
}

public struct HostGroup: Sendable, Hashable {
    public var name: String
    public var gid: UInt32
    public init(name: String, gid: UInt32) {
        self.name = name
        self.gid = gid
    }
}
