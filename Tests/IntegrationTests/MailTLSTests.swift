import Foundation
import Testing
import KeepalivedTestSupport

/// The TLS and AUTH extensions against aiosmtpd with a certificate from a throwaway CA: STARTTLS
/// with AUTH and a pinned CA, implicit TLS checked by name, and the refusals (a certificate from
/// another CA, a secret file others can read).
@Suite(.serialized, .enabled(if: MailGate.shouldRun, "needs root, iproute2, openssl and python3-aiosmtpd (scripts/bootstrap)"))
struct MailTLSTests {
    typealias F = VRRPFixtures
    static let sink = MailTests.sinkAddress

    /// A CA, a server certificate it signed for smtp.lab.example and the sink's address, and an
    /// unrelated CA. Returns the directory holding ca.pem, server.pem, server.key and other.pem.
    static func certificates(in directory: String) throws -> String {
        let script = """
            set -e
            cd \(directory)
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=lab-ca
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=smtp.lab.example
            printf 'subjectAltName=DNS:smtp.lab.example,IP:\(sink)\\n' > san.cnf
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.cnf
            openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 2 -subj /CN=other-ca
            """
        let result = try CommandRunner.run(["/bin/sh", "-c", script], timeout: .seconds(60))
        guard result.succeeded else { throw LabError.invalidRequest("openssl failed: \(result)") }
        return directory
    }

    /// One router of ours with `global` mailing to a secure sink; the mails it got and the daemon's output.
    /// `refused`: no mail is expected, only the TLS failure in the log.
    static func run(implicit: Bool, port: Int, login: Bool, refused: Bool = false, global: (_ certificates: String) -> String) throws
        -> (mails: [SMTPSink.Mail], output: String) {
        try Lab.withLab(routers: 1) { lab in
            let certificates = try certificates(in: lab.directory)
            let secret = lab.directory + "/smtp-secret"
            #expect(FileManager.default.createFile(atPath: secret, contents: Data("s3cret pass\n".utf8), attributes: [.posixPermissions: 0o600]))
            let sink = try SMTPSink.start(
                in: lab.client, address: sink, port: port, directory: lab.directory + "/mail",
                behaviour: .secure(implicit: implicit, certificate: certificates + "/server.pem", key: certificates + "/server.key",
                                   login: login ? ("alerts", "s3cret pass") : nil))
            let config = "global_defs {\n  notification_email {\n    ops@lab.example\n  }\n  smtp_alert\n  smtp_connect_timeout 5\n"
                + global(certificates).replacingOccurrences(of: "SECRET", with: secret) + "}\n"
            let daemon = try F.start(.ours, in: lab.router(1), config: config + F.config(priority: 120))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 120) + F.slack) != nil,
                    "never master:\n\(daemon.output)")
            if refused {
                _ = daemon.waitForOutput(containing: "TLS with SMTP server", timeout: .seconds(8))
            } else {
                _ = sink.waitForMails(2, timeout: .seconds(8))
            }
            return (sink.mails(), daemon.output)
        }
    }

    @Test func startTLSWithAuthAndAPinnedCA() throws {
        let seen = try Self.run(implicit: false, port: 587, login: true) { certificates in
            "  smtp_server \(Self.sink) 587\n  smtp_tls starttls\n  smtp_tls_ca_file \(certificates)/ca.pem\n"
                + "  smtp_auth_user alerts\n  smtp_auth_secret_file SECRET\n"
        }
        #expect(seen.mails.count == 2, "\(seen.output)")
        #expect(seen.mails.allSatisfy { $0.tls && $0.user == "alerts" }, "\(seen.mails)")
        #expect(seen.mails.allSatisfy { $0.data.contains("Subject: [") && $0.data.contains("X-Mailer: Keepalived\r\n") })
        #expect(!seen.output.contains("s3cret"), "the password reached the log")
    }

    @Test func implicitTLSCheckedByName() throws {
        let seen = try Self.run(implicit: true, port: 465, login: false) { certificates in
            "  smtp_server \(Self.sink) 465\n  smtp_tls implicit\n  smtp_tls_ca_file \(certificates)/ca.pem\n"
                + "  smtp_tls_server_name smtp.lab.example\n"
        }
        #expect(seen.mails.count == 2 && seen.mails.allSatisfy(\.tls), "\(seen.mails)\n\(seen.output)")
    }

    /// What must stop an alert: a certificate from another CA, or one for another name.
    @Test(arguments: ["other CA", "other name"])
    func refusals(_ case: String) throws {
        let seen = try Self.run(implicit: false, port: 587, login: true, refused: true) { certificates in
            let ca = `case` == "other CA" ? "other.pem" : "ca.pem"
            let name = `case` == "other name" ? "  smtp_tls_server_name mail.elsewhere.example\n" : ""
            return "  smtp_server \(Self.sink) 587\n  smtp_tls starttls\n  smtp_tls_ca_file \(certificates)/\(ca)\n" + name
                + "  smtp_auth_user alerts\n  smtp_auth_secret_file SECRET\n"
        }
        #expect(seen.mails.isEmpty, "\(seen.mails)")
        #expect(seen.output.contains("failed: certificate not trusted"), "\(seen.output)")
    }

    @Test func aSecretFileOthersCanReadIsNotUsed() throws {
        try Lab.withLab(routers: 1) { lab in
            let secret = lab.directory + "/open-secret"
            #expect(FileManager.default.createFile(atPath: secret, contents: Data("pw\n".utf8), attributes: [.posixPermissions: 0o644]))
            let config = "global_defs {\n  notification_email {\n    ops@lab.example\n  }\n  smtp_server \(Self.sink) 587\n"
                + "  smtp_tls starttls\n  smtp_auth_user alerts\n  smtp_auth_secret_file \(secret)\n}\n"
            let daemon = try F.start(.ours, in: lab.router(1), config: config + F.config(priority: 120))
            #expect(daemon.waitForOutput(containing: "smtp_auth_secret_file \(secret) is open to others (mode 644)"), "\(daemon.output)")
        }
    }
}
