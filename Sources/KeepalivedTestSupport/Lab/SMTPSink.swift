// An SMTP server inside a lab namespace for the mail tests and the demo (Debian's python3-aiosmtpd).
import Foundation

/// A real SMTP server (aiosmtpd) that records every message as it arrived, or a "silent" one that
/// accepts TCP connections and never says a word. The lab stops it on teardown.
public final class SMTPSink: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// aiosmtpd answering every command and recording each message.
        case recording
        /// A listening socket whose connections complete and then hear nothing.
        case silent
        /// aiosmtpd with TLS, STARTTLS required (or from the first byte with `implicit`), with the
        /// given certificate and key (PEM files); with `login`, AUTH required too.
        case secure(implicit: Bool, certificate: String, key: String, login: (user: String, password: String)?)
    }

    /// One message as the server saw it.
    public struct Mail: Decodable, Hashable, Sendable {
        /// The HELO/EHLO argument.
        public var helo: String
        /// MAIL FROM, without the angle brackets.
        public var mailFrom: String
        /// RCPT TO, in order.
        public var rcptTos: [String]
        /// Everything between DATA and the final dot (dot-stuffing undone, CRLF kept).
        public var data: String
        /// Whether it came over TLS.
        public var tls: Bool
        /// The user it authenticated as, if any.
        public var user: String?

        enum CodingKeys: String, CodingKey {
            case helo
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
            case data, tls, user
        }
    }

    /// Debian's interpreter (not one from PATH, which may lack the package).
    public static let python = "/usr/bin/python3"

    /// Whether aiosmtpd can be imported (scripts/bootstrap installs python3-aiosmtpd).
    public static var isAvailable: Bool {
        (try? CommandRunner.run([python, "-c", "import aiosmtpd"], timeout: .seconds(20)).succeeded) ?? false
    }

    public let process: LabProcess
    /// Where the recorded messages are (NNNN.json, in arrival order).
    public let directory: String

    private init(process: LabProcess, directory: String) {
        self.process = process
        self.directory = directory
    }

    /// Starts a server on `address`:`port` in `namespace`, keeping its files under `directory`,
    /// and waits until it listens.
    public static func start(
        in namespace: LabNamespace, address: String, port: Int, directory: String, behaviour: Behaviour = .recording
    ) throws -> SMTPSink {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = directory + "/sink.py"
        var arguments = [python, script, address, String(port), directory]
        switch behaviour {
        case .recording: arguments.append("plain")
        case .silent: break
        case let .secure(implicit, certificate, key, login):
            arguments += [implicit ? "implicit" : "starttls", certificate, key] + (login.map { [$0.user, $0.password] } ?? [])
        }
        let isSilent = if case .silent = behaviour { true } else { false }
        try Data((isSilent ? silentScript : recordingScript).utf8).write(to: URL(fileURLWithPath: script))
        let process = try namespace.start(arguments, name: "smtp-sink")
        let sink = SMTPSink(process: process, directory: directory)
        let ready = directory + "/ready"
        let deadline = ContinuousClock.now + .seconds(15)
        while !FileManager.default.fileExists(atPath: ready) {
            guard ContinuousClock.now < deadline, process.isRunning else {
                throw LabError.invalidRequest("the SMTP sink did not start:\n\(process.output)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return sink
    }

    /// The messages received so far, in arrival order.
    public func mails() -> [Mail] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
            return try? JSONDecoder().decode(Mail.self, from: data)
        }
    }

    /// Waits until at least `count` messages arrived; the messages then.
    public func waitForMails(_ count: Int, timeout: Duration) -> [Mail] {
        let deadline = ContinuousClock.now + timeout
        while mails().count < count && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return mails()
    }

    static let recordingScript = """
        # SMTP sink for the mail tests: aiosmtpd, every message written as NNNN.json as it arrived.
        # Arguments: HOST PORT DIR plain|starttls|implicit [CERT KEY [USER PASSWORD]]
        import asyncio, json, os, ssl, sys
        from aiosmtpd.smtp import SMTP, AuthResult

        class Recorder:
            def __init__(self, directory):
                self.directory = directory
                self.count = 0

            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                secure = bool(session.ssl) or server.transport.get_extra_info("ssl_object") is not None
                user = session.auth_data.login.decode() if session.authenticated and session.auth_data else None
                record = {"helo": session.host_name, "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                          "data": envelope.original_content.decode("utf-8", "replace"), "tls": secure, "user": user}
                path = os.path.join(self.directory, "%04d.json" % self.count)
                with open(path + ".tmp", "w") as f:
                    json.dump(record, f)
                os.rename(path + ".tmp", path)
                return "250 OK queued"

        async def main(host, port, directory, mode, rest):
            recorder = Recorder(directory)
            context = None
            if mode != "plain":
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(rest[0], rest[1])
            login = rest[2:4] if len(rest) >= 4 else None
            def authenticator(server, session, envelope, mechanism, data):
                ok = login is not None and data.login.decode() == login[0] and data.password.decode() == login[1]
                return AuthResult(success=ok, auth_data=data)
            def protocol():
                options = {"hostname": "sink.lab"}
                if mode == "starttls":
                    options.update(tls_context=context, require_starttls=True)
                if login:
                    options.update(auth_required=True, authenticator=authenticator, auth_require_tls=(mode == "starttls"))
                return SMTP(recorder, **options)
            server = await asyncio.get_running_loop().create_server(
                protocol, host=host, port=port, ssl=context if mode == "implicit" else None)
            open(os.path.join(directory, "ready"), "w").close()
            await server.serve_forever()

        asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]))

        """

    static let silentScript = """
        # A server that completes TCP handshakes (the kernel does) and never reads or writes.
        import os, socket, sys, time
        listener = socket.socket(socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((sys.argv[1], int(sys.argv[2])))
        listener.listen(128)
        open(os.path.join(sys.argv[3], "ready"), "w").close()
        held = []
        while True:
            connection, _ = listener.accept()
            held.append(connection)

        """
}
