import Foundation
import Testing
import KeepalivedTestSupport

/// SSL_GET and the HTTP checkers' regex against real servers in a lab namespace: python3's
/// http.server behind TLS with a self-signed certificate made by openssl at test time (keepalived
/// does not verify the server's certificate), and a plain http.server on a port SSL_GET is sent
/// to. keepalived 2.2.7's checker cannot start without ip_vs, so the expected lines come from its
/// source (check_http.c, check_ssl.c).
@Suite(.serialized, .enabled(if: Lab.availability.testsShouldRun, "needs root and iproute2: \(Lab.availability)"))
struct SSLGetCheckerTests {
    typealias F = VRRPFixtures

    /// An SSL_GET real server on 10.77.0.12 named by `port`, fetching from `connectPort`.
    static func sslGet(port: Int, connectPort: Int = 8443, url: String, extra: String = "") -> String {
        """
          real_server 10.77.0.12 \(port) {
            SSL_GET {
              url {
                \(url)
              }
              connect_port \(connectPort)
              connect_timeout 2
              retry 0
              \(extra)
            }
          }
        """
    }

    static func config(digest: String, clientCertificate: String, clientKey: String) -> String {
        """
        global_defs {
          router_id lab1
        }
        SSL {
          certificate \(clientCertificate)
          key \(clientKey)
          password secret
        }
        virtual_server 10.77.0.100 443 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
        \(sslGet(port: 443, url: "path /index.html\n digest \(digest)"))
        \(sslGet(port: 444, url: "path /missing.html"))
        \(sslGet(port: 445, url: "path /index.html\n regex \"hel+o\"", extra: "enable_sni\n virtualhost www.example.test"))
        \(sslGet(port: 446, url: "path /index.html\n regex \"goodbye\""))
        \(sslGet(port: 447, url: "path /index.html\n regex \"hello\"\n regex_no_match"))
        \(sslGet(port: 448, url: "path /index.html\n regex \"GOODBYE\"\n regex_options caseless\n regex_no_match"))
        \(sslGet(port: 449, connectPort: 8080, url: "path /index.html", extra: "log_all_failures"))
        \(sslGet(port: 450, connectPort: 8445, url: "path /index.html"))
        }
        """
    }

    /// http.server behind TLS on 8443 (or the port given after the key), asking for a client
    /// certificate signed by the CA given last, if any; prints the SNI name of every handshake.
    static let tlsServer = """
        import functools, http.server, ssl, sys
        root, cert, key = sys.argv[1:4]
        port = int(sys.argv[4]) if len(sys.argv) > 4 else 8443
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if len(sys.argv) > 5:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(sys.argv[5])
        context.sni_callback = lambda sock, name, ctx: print("SNI", name, flush=True)
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
        server = http.server.ThreadingHTTPServer(("10.77.0.12", port), handler)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.serve_forever()
        """

    @Test func sslGetSucceedsThenFailsTheWaysThatMatter() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let server = lab.router(2)
            let root = try CheckerFixtures.webRoot(lab)
            let (cert, key) = try CheckerFixtures.certificate(lab, name: "lab")
            // The client certificate the SSL { } block presents, its key under a pass phrase.
            let client = try CheckerFixtures.certificate(lab, name: "checker", passphrase: "secret")
            let tls = try server.start(["python3", "-c", Self.tlsServer, root, cert, key], name: "https")
            let mutual = try server.start(["python3", "-c", Self.tlsServer, root, cert, key, "8445", client.certificate], name: "https-client-cert")
            try CheckerFixtures.httpServer(server, root: root)
            #expect(CheckerFixtures.waitForListeners(server, ports: [8080, 8443, 8445]), "servers not listening")
            let ours = try CheckerFixtures.startOurs(lab, config: Self.config(digest: try HealthCheckerTests.md5("hello\n"),
                                                                              clientCertificate: client.certificate, clientKey: client.key), name: "ssl")
            func saw(_ line: String, within limit: Double = 8) -> Bool {
                F.wait(atMost: limit) { ours.output.contains(line) } != nil
            }
            let vs = "[10.77.0.100]:tcp:443"
            // TLS with an untrusted certificate is fine; digest, regex and regex_no_match verdicts.
            #expect(saw("Remote Web server [10.77.0.12]:tcp:443 succeed on service."), "\(ours.output)")
            #expect(saw("Remote Web server [10.77.0.12]:tcp:445 succeed on service."), "\(ours.output)")
            #expect(saw("Remote Web server [10.77.0.12]:tcp:448 succeed on service."), "\(ours.output)")
            // The server that wants a client certificate gets the SSL { } block's.
            #expect(saw("Remote Web server [10.77.0.12]:tcp:450 succeed on service."), "\(ours.output)\n\(mutual.output)")
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:444 failed."), "\(ours.output)")
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:446 failed."), "\(ours.output)")
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:447 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:446 from VS \(vs)"), "\(ours.output)")
            // enable_sni sends the virtualhost; the others send none.
            #expect(F.wait(atMost: 5) { tls.output.contains("SNI www.example.test") } != nil, "\(tls.output)")
            #expect(!tls.output.contains("SNI 10.77"))
            // Plain HTTP on the TLS port: the handshake fails.
            #expect(saw("SSL handshake/communication error connecting to server [10.77.0.12]:tcp:449."), "\(ours.output)")
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:449 failed."), "\(ours.output)")
            // Wrong digest, then the page comes back.
            try "changed\n".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            #expect(saw("HTTP_CHECK on service [10.77.0.12]:tcp:443 failed."), "\(ours.output)")
            #expect(saw("Removing service [10.77.0.12]:tcp:443 from VS \(vs)"), "\(ours.output)")
            try "hello\n".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            #expect(saw("MD5 digest success to [10.77.0.12]:tcp:443 url(/index.html)"), "\(ours.output)")
            #expect(saw("Adding service [10.77.0.12]:tcp:443 to VS \(vs)"), "\(ours.output)")
            // The no-match server starts matching: regex_no_match's verdict turns.
            try "hello goodbye\n".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            #expect(saw("Regex match success to [10.77.0.12]:tcp:446 url(/index.html)"), "\(ours.output)")
            // The server goes away.
            _ = tls.stop()
            let afterStop = ours.output.count
            #expect(F.wait(atMost: 8) {
                ours.output.dropFirst(afterStop).contains("HTTP_CHECK on service [10.77.0.12]:tcp:445 failed.")
            } != nil, "\(ours.output)")
        }
    }
}
