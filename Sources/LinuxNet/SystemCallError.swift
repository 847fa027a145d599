import CLinuxNet
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: which one, and errno captured right after it.
public struct SystemCallError: Error, CustomStringConvertible, Sendable {
    public var call: String
    public var errno: Int32

    public init(_ call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Runs a system call, retrying on EINTR, and turns -1 into a typed error.
@discardableResult
func retrying<T: BinaryInteger>(_ call: String, _ body: () -> T) throws(SystemCallError) -> T {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = clinuxnet_errno()
        if code == EINTR { continue }
        throw SystemCallError(call, errno: code)
    }
}
