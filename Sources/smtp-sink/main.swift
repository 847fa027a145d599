// smtp-sink: a minimal plain-text SMTP server for the IPVS guest, which has no python for aiosmtpd.
// It answers every command (SinkDialogue) and, when a client hangs up, writes the bytes that client
// sent, exactly as they came, to DIRECTORY/NNNN.smtp (NNNN counts closed connections from 0001).
// DIRECTORY/ready appears once it listens. Runs until killed.
//
//   smtp-sink ADDRESS PORT DIRECTORY        (IPv4 address)
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    let bytes = Array("smtp-sink: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        sent += count
    }
    return true
}

/// Writes `bytes` to `path` through a temporary name, so a reader never sees half a file.
func store(_ bytes: [UInt8], at path: String) {
    let fd = open(path + ".tmp", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0, writeAll(fd, bytes), close(fd) == 0, rename(path + ".tmp", path) == 0 else {
        fail("cannot write \(path): errno \(errno)")
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = UInt16(arguments[2]) else { fail("usage: smtp-sink ADDRESS PORT DIRECTORY") }
let directory = arguments[3]

var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = port.bigEndian
guard inet_pton(AF_INET, arguments[1], &address.sin_addr) == 1 else { fail("not an IPv4 address: \(arguments[1])") }
let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
var on: Int32 = 1
setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
}
guard listener >= 0, bound == 0, listen(listener, 64) == 0 else { fail("cannot listen on \(arguments[1]):\(port): errno \(errno)") }
store([], at: directory + "/ready")

var server = SinkServer(listener: listener, directory: directory)
server.run()
