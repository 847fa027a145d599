import Notification
import Testing

/// SSL_GET's context from keepalived's `SSL { }` block: files that cannot be loaded give
/// keepalived's log lines; with no block, a context that verifies nothing.
struct TLSContextTests {
    @Test func noBlockMakesAContext() {
        #expect((try? TLSContext.checker(certificateChain: nil, key: nil, password: nil, caFile: nil).get()) != nil)
    }

    @Test(arguments: [
        ("certificate", "SSL error : Cant load certificate file..."),
        ("key", "SSL error : Cant load key file..."),
        ("ca", "SSL error : Cant load CA file..."),
    ])
    func unreadableFilesGiveKeepalivedsLines(file: String, line: String) {
        let missing = "/nonexistent/\(file).pem"
        let result = TLSContext.checker(certificateChain: file == "certificate" ? missing : nil, key: file == "key" ? missing : nil,
                                        password: "secret", caFile: file == "ca" ? missing : nil)
        guard case .failure(let error) = result else {
            Issue.record("made a context from \(missing)")
            return
        }
        #expect(error.reason == line)
    }
}
