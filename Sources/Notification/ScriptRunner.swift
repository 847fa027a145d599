#if canImport(Glibc)
import Glibc
#endif

/// Runs scripts the way keepalived does: fork, new process group, the configured user and group,
/// then execve of the program itself (no shell). `launch` is fire-and-forget (reaped by `reap()`,
/// which the notifier calls regularly); `start` leaves waiting for the exit status to the caller.
public final class ScriptRunner: @unchecked Sendable {
    public typealias Logger = @Sendable (String) -> Void
    private let log: Logger
    /// Children started here and not yet reaped (only these are reaped: other parts of the
    /// daemon wait for their own children's exit status).
    private var children: Set<pid_t> = []
    private var mutex = pthread_mutex_t()

    public init(log: @escaping Logger) {
        self.log = log
        pthread_mutex_init(&mutex, nil)
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
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        let pid = fork()
        if pid == 0 {
            // keepalived's signal_handler_script: every signal back to its default, none blocked
            // (the daemon ignores SIGPIPE, and its threads may block signals).
            var number: Int32 = 1
            while number < 65 { sigaction(number, &defaultAction, nil); number += 1 }
            pthread_sigmask(SIG_SETMASK, &emptyMask, nil)
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

    /// Starts `command` and remembers it, so `reap()` collects it once it exits.
    @discardableResult
    public func launch(_ command: Command) -> pid_t? {
        guard let pid = start(command) else { return nil }
        pthread_mutex_lock(&mutex)
        children.insert(pid)
        pthread_mutex_unlock(&mutex)
        return pid
    }

    /// The children started with `launch` that have not exited yet.
    public var running: Set<pid_t> {
        reap()
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return children
    }

    /// Waits at most `milliseconds` for `pids` (started with `launch`) to exit, then kills the
    /// process groups of those still running with SIGKILL and collects them: keepalived gives the
    /// scripts it starts while shutting down one second.
    public func finish(_ pids: Set<pid_t>, within milliseconds: Int) {
        let end = monotonicMilliseconds() + milliseconds
        while true {
            let left = running.intersection(pids)
            if left.isEmpty { return }
            if monotonicMilliseconds() >= end {
                pthread_mutex_lock(&mutex)
                defer { pthread_mutex_unlock(&mutex) }
                var status: Int32 = 0
                for pid in left {
                    kill(-pid, SIGKILL)
                    waitpid(pid, &status, 0)
                    children.remove(pid)
                }
                return
            }
            usleep(10_000)
        }
    }

    /// Collects the children started with `launch` that have exited.
    public func reap() {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var status: Int32 = 0
        for pid in children where waitpid(pid, &status, WNOHANG) != 0 {
            children.remove(pid)
        }
    }
}
