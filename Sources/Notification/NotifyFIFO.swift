#if canImport(Glibc)
import Glibc
#endif

/// keepalived's notify FIFO: created (mode 0644) if missing, opened read-write and non-blocking so
/// the daemon never waits for a reader; a full FIFO drops the line, as keepalived's does.
public final class NotifyFIFO: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32
    private let created: Bool
    /// The notify_fifo_script reading this FIFO, if one was started.
    public var readerPID: pid_t?

    public init?(path: String) {
        var st = stat()
        var made = false
        if stat(path, &st) != 0 {
            guard mkfifo(path, 0o644) == 0 else { return nil }
            made = true
        } else if st.st_mode & S_IFMT != S_IFIFO {
            return nil
        }
        let fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.path = path
        descriptor = fd
        created = made
    }

    deinit {
        close(descriptor)
        if created { unlink(path) }
    }

    /// Ends the reader script (its process group), as keepalived does first thing at shutdown: the
    /// script does not see the STOP lines that follow.
    public func stopReader() {
        if let readerPID { kill(-readerPID, SIGTERM) }
        readerPID = nil
    }

    /// Writes one line (a newline is added).
    public func write(_ line: String) {
        let text = line + "\n"
        _ = text.withCString { Glibc.write(descriptor, $0, strlen($0)) }
    }
}
