#if canImport(Glibc)
import Glibc
#endif

/// Runs notify scripts the way keepalived does: fork, new process group, the configured user and
/// group, then execve of the program itself (no shell), fire-and-forget. Children are reaped by
/// `reap()`, which the notifier calls regularly, so no zombie is left behind.
public final class ScriptRunner: @unchecked Sendable {
    public typealias Logger = @Sendable (String) -> Void
    private let log: Logger

    public init(log: @escaping Logger) {
        self.log = log
    }

    /// A resolved script: argv, and the uid/gid to run as (nil: as the daemon).
    public struct Command: Sendable, Hashable {
        public var arguments: [String]
        public var uid: UInt32?
        public var gid: UInt32?
        public init(arguments: [String], uid: UInt32? = nil, gid: UInt32? = nil) {
            self.arguments = arguments
            self.uid = uid
            self.gid = gid
        }
    }

    /// Starts `command`; returns the child's pid, or nil when it could not be started.
    @discardableResult
    public func start(_ command: Command) -> pid_t? {
        guard let program = command.arguments.first else { return nil }
        // Everything the child needs is prepared before fork: after it only async-signal-safe calls run.
        let argv: [UnsafeMutablePointer<CChar>?] = command.arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let path = strdup(program)
        defer { free(path) }
        let uid = command.uid.map { uid_t($0) }
        let gid = command.gid.map { gid_t($0) }
        let pid = fork()
        if pid == 0 {
            setpgid(0, 0)
            if let gid, setgid(gid) != 0 { _exit(126) }
            if let uid, setuid(uid) != 0 { _exit(126) }
            var fd: Int32 = 3
            while fd < 1024 { close(fd); fd += 1 }
            if let path { execv(path, argv) }
            _exit(127)
        }
        if pid < 0 {
            log("Failed to fork notify script \(program): errno \(errno)")
            return nil
        }
        return pid
    }

    /// Collects every child that has exited (waitpid(-1, WNOHANG)).
    public func reap() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }
}
