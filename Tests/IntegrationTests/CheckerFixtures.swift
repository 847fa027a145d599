import Foundation
import KeepalivedTestSupport

/// What the checker suites set up in a lab: a web root, certificates made by openssl, python3's
/// http.server and our keepalived running a checker configuration.
enum CheckerFixtures {
    typealias F = VRRPFixtures

    /// A directory `www` in the lab holding index.html with `page`.
    static func webRoot(_ lab: Lab, page: String = "hello\n") throws -> String {
        let root = lab.directory + "/www"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try page.write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        return root
    }

    /// A self-signed certificate and its key (under `passphrase`, if given), valid for a day.
    static func certificate(_ lab: Lab, name: String, passphrase: String? = nil) throws -> (certificate: String, key: String) {
        let certificate = lab.directory + "/\(name).pem", key = lab.directory + "/\(name)-key.pem"
        try CommandRunner.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=\(name)",
                               "-keyout", key, "-out", certificate] + (passphrase.map { ["-passout", "pass:\($0)"] } ?? ["-nodes"])).check()
        return (certificate, key)
    }

    /// python3's http.server for `root` on 10.77.0.12:`port`.
    @discardableResult
    static func httpServer(_ namespace: LabNamespace, root: String, port: Int = 8080) throws -> LabProcess {
        try namespace.start(["python3", "-m", "http.server", "\(port)", "--bind", "10.77.0.12", "--directory", root], name: "http")
    }

    /// A TCP server on 10.77.0.12:9000 that accepts and closes every connection (a TCP_CHECK passes).
    static func tcpListener(_ namespace: LabNamespace) throws -> LabProcess {
        try namespace.start(["python3", "-c", """
            import socket
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("10.77.0.12", 9000)); s.listen(64)
            while True:
                c, _ = s.accept(); c.close()
            """], name: "listener")
    }

    /// Waits (at most 10 s) until something listens on every TCP port of `ports` in `namespace`.
    static func waitForListeners(_ namespace: LabNamespace, ports: [Int]) -> Bool {
        F.wait(atMost: 10) {
            let listening = (try? namespace.run(["ss", "-Hltn"]).standardOutput) ?? ""
            return ports.allSatisfy { listening.contains(":\($0) ") }
        } != nil
    }

    /// Our keepalived in the foreground with `config`, logging to its output.
    static func startOurs(_ lab: Lab, config: String, name: String) throws -> LabProcess {
        let router = lab.router(1)
        return try router.start(
            [F.ourBinary, "-n", "-l", "-G", "-f", try router.installFile("/etc/keepalived/\(name).conf", contents: config),
             "-p", lab.directory + "/\(name).pid", "-r", lab.directory + "/\(name)-vrrp.pid"], name: "keepalived-\(name)")
    }
}
