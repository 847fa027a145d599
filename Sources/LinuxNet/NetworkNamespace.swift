import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// `-s/--namespace` and `net_namespace`: run in a named network namespace (ip netns's /run/netns).
public enum NetworkNamespace {
    /// setns(2) into /run/netns/NAME.
    public static func enter(_ name: String) throws(SystemCallError) {
        let fd = open("/run/netns/\(name)", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError("open(/run/netns/\(name))", errno: clinuxnet_errno()) }
        defer { close(fd) }
        try retrying("setns(\(name))") { clinuxnet_enter_network_namespace(fd) }
    }

    /// Runs `body` on this thread in the network namespace at `path` (e.g. /proc/1/ns/net) and
    /// returns to the thread's own namespace; sockets made meanwhile stay in the other one.
    public static func within<T>(_ path: String, _ body: () throws(SystemCallError) -> T) throws(SystemCallError) -> T {
        let original = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard original >= 0 else { throw SystemCallError("open(/proc/thread-self/ns/net)", errno: clinuxnet_errno()) }
        defer { close(original) }
        let target = open(path, O_RDONLY | O_CLOEXEC)
        guard target >= 0 else { throw SystemCallError("open(\(path))", errno: clinuxnet_errno()) }
        defer { close(target) }
        try retrying("setns(\(path))") { clinuxnet_enter_network_namespace(target) }
        defer { _ = clinuxnet_enter_network_namespace(original) }
        return try body()
    }
}
