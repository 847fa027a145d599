import Glibc

/// keepalived's pidfiles: written at start, removed at exit; a live pid in one means "already running".
public struct PidFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The pid recorded in the file, if that process is alive.
    public func runningPid() -> Int32? {
        guard let bytes = LocalHost().readFile(atPath: path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " \n\t")
        guard let pid = Int32(text), pid > 0, pid != getpid() else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    /// keepalived's pidfile_write: rw-r--r-- whatever the umask.
    public func write(_ pid: Int32 = getpid()) -> Bool {
        let mask = umask(0o022)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        umask(mask)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let text = "\(pid)\n"
        return text.withCString { Glibc.write(fd, $0, strlen($0)) } == text.utf8.count
    }

    public func remove() { unlink(path) }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
