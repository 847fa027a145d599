/// Text written straight to a file descriptor (stdout, stderr, a -t log file): no buffering, so output
/// interleaves in program order and nothing is lost on exit.
import Glibc

public struct TextOutput: Sendable {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    public static let standardOutput = TextOutput(fileDescriptor: STDOUT_FILENO)
    public static let standardError = TextOutput(fileDescriptor: STDERR_FILENO)

    /// write(2) until everything is written, retrying EINTR; other errors drop the rest (as stdio does).
    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fileDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// `text` and a newline.
    public func line(_ text: String) { write(text + "\n") }
}
