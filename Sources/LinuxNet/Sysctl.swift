#if canImport(Glibc)
import Glibc
#endif

/// /proc/sys values, as keepalived reads and writes them (paths below /proc/sys, e.g.
/// "net/ipv4/conf/eth0/promote_secondaries").
public enum Sysctl {
    /// The value, or nil when it cannot be read.
    public static func read(_ path: String) -> Int? {
        let fd = open("/proc/sys/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = Glibc.read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer.prefix(count).prefix { $0 != 0x0a && $0 != 0x20 && $0 != 0x09 }, as: UTF8.self))
    }

    /// Writes a value (errors ignored: the interface may be gone).
    public static func write(_ path: String, _ value: Int) {
        let fd = open("/proc/sys/" + path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let text = Array("\(value)\n".utf8)
        _ = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
