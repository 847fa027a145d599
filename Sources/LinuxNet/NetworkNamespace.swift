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
}
