import Foundation
import Testing
import KeepalivedTestSupport

/// genhash (`keepalived -T`) side by side with Debian's keepalived 2.2.7 against the same servers
/// in a lab namespace: python3's http.server, the same behind TLS (a self-signed certificate made
/// by openssl at test time), a server giving a fixed response (plain and TLS, for -v's dumps, which
/// show the header; others close or fall silent after the request), a refused port and a silent
/// address. Standard output, standard error and the
/// exit status must be the same (the program's path and -v's response time aside).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct GenhashTests {
    typealias F = VRRPFixtures

    /// One fixed response per connection; with a certificate, over TLS ended by close_notify. The
    /// body "CLOSE" closes (TLS: close_notify) without answering; "SILENT" never answers.
    static let fixedServer = """
        import socket, ssl, sys, threading, time
        port, body = int(sys.argv[1]), sys.argv[2].encode()
        context = None
        if len(sys.argv) > 3:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[3], sys.argv[4])
        def serve(c):
            try:
                if context: c = context.wrap_socket(c, server_side=True)
                data = b""
                while b"\\r\\n\\r\\n" not in data:
                    more = c.recv(4096)
                    if not more: break
                    data += more
                if body == b"SILENT": time.sleep(5)
                elif body != b"CLOSE": c.sendall(b"HTTP/1.0 200 OK\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(body) + body)
                if context: c = c.unwrap()
            except Exception:
                pass
            c.close()
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("10.77.0.12", port)); s.listen(16)
        while True:
            c, _ = s.accept()
            threading.Thread(target=serve, args=(c,), daemon=True).start()
        """

    static let server = ["-s", "10.77.0.12"]
    static let cases: [[String]] = [
        server + ["-p", "8080", "-u", "/index.html"],
        server + ["-p", "8080", "-u", "/missing.html"],
        server + ["-p", "8080", "-u", "/index.html", "-V", "www.example.test", "-P", "1.1"],
        ["-S"] + server + ["-p", "8443", "-u", "/index.html"],
        ["-S", "-I", "-V", "www.example.test"] + server + ["-p", "8443", "-u", "/index.html"],
        ["-S"] + server + ["-p", "8080", "-u", "/index.html"],
        server + ["-p", "8081", "-u", "/"],
        ["-s", "10.77.0.99", "-p", "80", "-u", "/", "-t", "1"],
        ["-v"] + server + ["-p", "8090", "-u", "/"],
        ["-v", "-S"] + server + ["-p", "8444", "-u", "/"],
        ["-v"] + server + ["-p", "8091", "-u", "/"],
        ["-S"] + server + ["-p", "8446", "-u", "/"],
        ["-S"] + server + ["-p", "8447", "-u", "/", "-t", "1"],
        server + ["-p", "8448", "-u", "/", "-t", "1"],
        ["-h"],
        ["-s", "nothost", "-p", "1", "-u", "/"],
        server + ["-p", "8080", "-u", "/", "extra"],
    ]

    /// What a run printed, with the program's path and -v's timing taken out.
    static func normalized(_ result: CommandResult, program: String) -> [String] {
        [result.standardOutput, result.standardError].map {
            $0.replacingOccurrences(of: program, with: "PROGRAM")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("Global response time for ") }
                .joined(separator: "\n")
        } + ["status \(result.status)"]
    }

    @Test func sameOutputAsKeepalived227() throws {
        F.checkPrerequisites()
        #expect(FileManager.default.isExecutableFile(atPath: F.debianBinary), "keepalived 2.2.7 missing: scripts/bootstrap")
        try Lab.withLab(routers: 2) { lab in
            let server = lab.router(2), client = lab.router(1)
            let root = try CheckerFixtures.webRoot(lab)
            let (cert, key) = try CheckerFixtures.certificate(lab, name: "lab")
            try CheckerFixtures.httpServer(server, root: root)
            let tls = try server.start(["python3", "-c", SSLGetCheckerTests.tlsServer, root, cert, key], name: "https")
            _ = try server.start(["python3", "-c", Self.fixedServer, "8090", "a fixed body\n"], name: "fixed")
            _ = try server.start(["python3", "-c", Self.fixedServer, "8444", "a fixed TLS body\n", cert, key], name: "fixed-tls")
            // A body of several of keepalived's 4095-byte reads: -v dumps each read on its own.
            _ = try server.start(["python3", "-c", Self.fixedServer, "8091", String(repeating: "0123456789abcdef", count: 700)], name: "fixed-big")
            _ = try server.start(["python3", "-c", Self.fixedServer, "8446", "CLOSE", cert, key], name: "tls-close")
            _ = try server.start(["python3", "-c", Self.fixedServer, "8447", "SILENT", cert, key], name: "tls-silent")
            _ = try server.start(["python3", "-c", Self.fixedServer, "8448", "SILENT"], name: "silent")
            #expect(CheckerFixtures.waitForListeners(server, ports: [8080, 8443, 8090, 8091, 8444, 8446, 8447, 8448]), "servers not listening")
            for arguments in Self.cases {
                let theirs = try client.run([F.debianBinary, "-T"] + arguments)
                let ours = try client.run([F.ourBinary, "-T"] + arguments)
                #expect(Self.normalized(ours, program: F.ourBinary) == Self.normalized(theirs, program: F.debianBinary),
                        "keepalived -T \(arguments.joined(separator: " "))")
            }
            // The digest is the body's MD5; -I sent the virtualhost as SNI (once from each).
            let digest = try client.run([F.ourBinary, "-T"] + Self.cases[0]).standardOutput
            #expect(digest == (try HealthCheckerTests.md5("hello\n")) + "\n")
            #expect(tls.output.components(separatedBy: "SNI www.example.test").count - 1 == 2, "\(tls.output)")
            // Run by the name genhash, as Debian's /usr/bin/genhash link runs keepalived.
            let links = lab.directory + "/bin"
            try FileManager.default.createDirectory(atPath: links, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: links + "/genhash", withDestinationPath: F.ourBinary)
            let named = try client.run([links + "/genhash"] + Self.cases[0])
            #expect(named.standardOutput == digest)
            let usage = try client.run([links + "/genhash", "-h"])
            #expect(usage.status == 1 && usage.standardError.hasPrefix("Usage: \(links)/genhash COMMAND [OPTIONS]\n"))
        }
    }
}
