// A child process started with posix_spawn: clean signal state, no inherited descriptors.
//
// Foundation's Process is not used to start lab commands because on Linux (a) the child inherits
// the spawning thread's signal mask, and test-runner threads block SIGTERM/SIGINT/SIGHUP, so
// daemons under test would ignore their signals; and (b) the child inherits descriptors that
// Foundation watches to notice termination, so a command that leaves a daemon behind looks
// like it never exits.
import Foundation

/// A spawned program: its pid, and its exit status once reaped.
public final class ChildProcess: @unchecked Sendable {
    /// The program's process id.
    public let pid: pid_t
    private let lock = NSLock()
    private var waitStatus: Int32?

    /// Starts `executable` with `arguments` (argv[1...]) and `environment`; `stdin`, `stdout` and
    /// `stderr` become its descriptors 0, 1 and 2 and every other descriptor is closed in the child.
    /// The child starts with no blocked signals and default dispositions.
    /// Calls posix_spawn(3).
    public init(
        executable: String, arguments: [String], environment: [String: String],
        stdin: Int32 = STDIN_FILENO, stdout: Int32 = STDOUT_FILENO, stderr: Int32 = STDERR_FILENO
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        ChildProcess.closeOtherDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw LabError.launchFailed(executable, underlying: String(cString: strerror(result)))
        }
        self.pid = pid
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift's Glibc module does not expose.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Closes every descriptor above 2 in the child.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom, addCloseFrom(&actions, 3) == 0 { return }
        // Older C libraries: close what is open now.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 && fcntl(fd, F_GETFD) & FD_CLOEXEC == 0 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// The raw wait status once the child has been reaped; reaps it if it has exited.
    private func poll() -> Int32? {
        lock.withLock {
            if let waitStatus { return waitStatus }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                waitStatus = status
            } else if reaped == -1, errno == ECHILD {
                waitStatus = 0  // Reaped elsewhere: gone, status unknown.
            }
            return waitStatus
        }
    }

    /// True until the child exits.
    public var isRunning: Bool { poll() == nil }

    /// The signal that ended the child, if one did.
    public var terminationSignal: Int32? {
        guard let status = poll(), status & 0x7f != 0, status & 0x7f != 0x7f else { return nil }
        return status & 0x7f
    }

    /// Exit status once exited: the exit code, or 128 + signal number when a signal ended it.
    public var exitStatus: Int32? {
        guard let status = poll() else { return nil }
        if let signal = terminationSignal { return 128 + signal }
        return (status >> 8) & 0xff
    }

    /// Sends `signal` to the child while it runs.
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the child to exit; false when `timeout` (nil: forever) passes first.
    @discardableResult
    public func wait(timeout: Duration? = nil) -> Bool {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var pause = 0.001
        while isRunning {
            if let deadline, ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.02)
        }
        return true
    }

    /// SIGTERM, then SIGKILL when still running after `grace`; waits for the exit. Returns the exit status.
    @discardableResult
    public func terminate(grace: Duration) -> Int32? {
        if isRunning {
            kill(pid, SIGTERM)
            if !wait(timeout: grace) {
                kill(pid, SIGKILL)
                wait(timeout: .seconds(10))
            }
        }
        return exitStatus
    }
}
