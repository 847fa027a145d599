#if canImport(Glibc)
import Glibc
#endif

/// keepalived.conf: track_file NAME { file PATH } as the VRRP thread watches it.
public struct TrackFileRuntime: Sendable, Hashable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}

/// Watches tracked files the way keepalived does: inotify on each file's directory (so a file
/// created, rewritten, renamed in or deleted later is seen), the value read as strtol base 0 reads it,
/// a missing or empty file counting as 0.
final class TrackFileWatcher {
    private struct Watched {
        let name: String
        let directory: String
        let file: String
        var watch: Int32 = -1
        var value: Int64 = 0
    }

    let descriptor: Int32
    /// The files asked for (a reload keeps the watcher when they are the same).
    let runtimes: [TrackFileRuntime]
    private var files: [Watched] = []
    private let log: (String) -> Void

    /// Files whose directory does not exist are dropped with keepalived's message.
    init(_ runtimes: [TrackFileRuntime], log: @escaping (String) -> Void) {
        self.log = log
        self.runtimes = runtimes
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if descriptor < 0 { log("Unable to monitor track files") }
        for runtime in runtimes {
            let slash = runtime.path.lastIndex(of: "/")
            let directory = slash.map { String(runtime.path[..<$0]) } ?? "."
            let file = slash.map { String(runtime.path[runtime.path.index(after: $0)...]) } ?? runtime.path
            var watched = Watched(name: runtime.name, directory: directory.isEmpty ? "/" : directory, file: file)
            var status = stat()
            guard stat(watched.directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                log("Track file directory for \(runtime.name) does not exist - removing")
                continue
            }
            if descriptor >= 0 {
                watched.watch = inotify_add_watch(descriptor, watched.directory, UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVE))
            }
            if let value = Self.read(runtime.path, log: log) { watched.value = value }
            files.append(watched)
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The values read at start, by track_file name.
    var initialValues: [(name: String, value: Int64)] { files.map { ($0.name, $0.value) } }

    /// Drains inotify; returns the files whose value changed, in event order.
    func changes() -> [(name: String, value: Int64)] {
        var result: [(name: String, value: Int64)] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count >= MemoryLayout<inotify_event>.size else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                offset = nameStart + length
                guard mask & UInt32(IN_ISDIR) == 0 else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                for index in files.indices where files[index].watch == watch && files[index].file == name {
                    let gone = mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0
                    let path = files[index].directory + "/" + files[index].file
                    guard let value = gone ? 0 : Self.read(path, log: log) else { continue }
                    if value != files[index].value {
                        files[index].value = value
                        result.append((files[index].name, value))
                    }
                }
            }
        }
        return result
    }

    /// keepalived.conf: init_file [VALUE] [overwrite] — writes "VALUE\n" when the file is missing
    /// (or, with overwrite, is a regular file), before the file is first read.
    static func initialise(path: String, name: String, value: Int, overwrite: Bool, log: (String) -> Void) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard overwrite else { return }
            guard status.st_mode & S_IFMT == S_IFREG else {
                log("Cannot initialise track file \(name) - it is not a regular file")
                return
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            log("Unable to initialise track file \(name)")
            return
        }
        let text = Array("\(value)\n".utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// keepalived's process_track_file: up to 127 bytes through strtol(…, 0); unreadable or no digits
    /// is 0; a number outside INT32_MIN…INT32_MAX+1 is logged and ignored (nil).
    static func read(_ path: String, log: (String) -> Void) -> Int64? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return 0 }
        var buffer = [CChar](repeating: 0, count: 128)
        let count = Glibc.read(fd, &buffer, 127)
        close(fd)
        guard count > 0 else { return 0 }
        errno = 0
        let value = Int64(strtol(buffer, nil, 0))
        if errno != 0 || value < Int64(Int32.min) || value > Int64(Int32.max) + 1 {
            log("Invalid number \(value) read from \(path) - ignoring")
            return nil
        }
        return value
    }
}
