// The sink's poll loop: accepts clients, answers them through SinkDialogue, and stores what each sent.
#if canImport(Glibc)
import Glibc
#endif

/// A listening socket and its clients, served from one thread with poll(2).
struct SinkServer {
    /// One client: its dialogue and every byte it sent.
    struct Client {
        var dialogue = SinkDialogue()
        var received: [UInt8] = []
    }

    let listener: Int32
    /// Where each client's bytes are stored when it hangs up.
    let directory: String
    private var clients: [Int32: Client] = [:]
    private var closed = 0

    init(listener: Int32, directory: String) {
        self.listener = listener
        self.directory = directory
    }

    /// Serves until poll(2) fails.
    mutating func run() -> Never {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var polled = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
                + clients.keys.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                if errno == EINTR { continue }
                fail("poll: errno \(errno)")
            }
            for entry in polled where entry.revents != 0 {
                if entry.fd == listener {
                    accept()
                } else {
                    serve(entry.fd, buffer: &buffer)
                }
            }
        }
    }

    private mutating func accept() {
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return }
        clients[fd] = Client()
        if !writeAll(fd, Array(SinkDialogue.greeting.utf8)) { hangUp(fd) }
    }

    private mutating func serve(_ fd: Int32, buffer: inout [UInt8]) {
        let count = read(fd, &buffer, buffer.count)
        if count < 0 && errno == EINTR { return }
        guard count > 0, var client = clients[fd] else {
            hangUp(fd)
            return
        }
        client.received += buffer[..<count]
        let replies = client.dialogue.receive(buffer[..<count])
        clients[fd] = client
        if !writeAll(fd, Array(replies.joined().utf8)) || client.dialogue.finished { hangUp(fd) }
    }

    /// Closes the connection and stores its bytes as the next NNNN.smtp.
    private mutating func hangUp(_ fd: Int32) {
        guard let client = clients.removeValue(forKey: fd) else { return }
        close(fd)
        closed += 1
        let number = String(closed)
        store(client.received, at: directory + "/" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".smtp")
    }
}
