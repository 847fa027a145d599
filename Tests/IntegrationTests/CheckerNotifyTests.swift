import Foundation
import Testing
import KeepalivedTestSupport

/// The checker's notifications for a real server failing and returning in a lab namespace: the
/// smtp_alert mails at a real SMTP server (aiosmtpd), the notify_fifo lines, the lvs_notify_fifo
/// lines its script reads, and the notify_up/notify_down and quorum scripts, through to omega's
/// shutdown. keepalived 2.2.7's checker cannot start on a kernel without ip_vs, so the expected
/// texts are the ones its source gives (ipwrapper.c, check_tcp.c, smtp.c).
@Suite(.serialized, .enabled(if: MailGate.shouldRun, "needs root, iproute2 and python3-aiosmtpd (scripts/bootstrap)"))
struct CheckerNotifyTests {
    typealias F = VRRPFixtures

    init() {
        #expect(SMTPSink.isAvailable, "python3-aiosmtpd is missing: run scripts/bootstrap")
    }

    static func config(directory: String) -> String {
        """
        global_defs {
          router_id lab1
          notification_email {
            ops@lab.example
          }
          notification_email_from ka@lab.example
          smtp_server \(Lab.clientIPv4)
          smtp_connect_timeout 5
          notify_fifo \(directory)/all.fifo
          lvs_notify_fifo \(directory)/lvs.fifo
          lvs_notify_fifo_script /etc/keepalived/lvs-reader.sh
          enable_script_security
          script_user root
        }
        virtual_server 10.77.0.100 80 {
          delay_loop 1
          lvs_sched rr
          lvs_method NAT
          protocol TCP
          omega
          smtp_alert
          quorum_up "/etc/keepalived/record.sh quorum_up"
          quorum_down "/etc/keepalived/record.sh quorum_down"
          real_server 10.77.0.12 9000 {
            notify_up "/etc/keepalived/record.sh up"
            notify_down "/etc/keepalived/record.sh down"
            TCP_CHECK {
              connect_timeout 1
              retry 0
            }
          }
        }
        """
    }

    static let listener = """
        import socket
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("10.77.0.12", 9000)); s.listen(64)
        while True:
            c, _ = s.accept(); c.close()
        """

    static func subject(_ mail: SMTPSink.Mail) -> String {
        mail.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) } ?? ""
    }

    static func body(_ mail: SMTPSink.Mail) -> String {
        mail.data.components(separatedBy: "\r\n\r\n").dropFirst().first ?? ""
    }

    static func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func aFailingServerIsMailedWrittenToTheFIFOsAndScriptedThroughOmegasShutdown() throws {
        F.checkPrerequisites()
        try Lab.withLab(routers: 2) { lab in
            let sink = try SMTPSink.start(in: lab.client, address: Lab.clientIPv4, port: 25, directory: lab.directory + "/mail")
            let router = lab.router(1)
            let record = lab.directory + "/scripts.log"
            let lvsRecord = lab.directory + "/lvs-fifo.log"
            try router.installFile("/etc/keepalived/record.sh", contents: "#!/bin/sh\necho \"$*\" >> \(record)\n", mode: 0o755)
            try router.installFile("/etc/keepalived/lvs-reader.sh", contents:
                "#!/bin/sh\necho \"started: $(basename \"$1\")\" >> \(lvsRecord)\nwhile read line; do echo \"$line\" >> \(lvsRecord); done < \"$1\"\n",
                mode: 0o755)
            let fifo = lab.directory + "/all.fifo"
            #expect(mkfifo(fifo, 0o644) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            defer { close(reader) }
            var server = try lab.router(2).start(["python3", "-c", Self.listener], name: "listener")
            usleep(500_000)
            let ours = try F.start(.ours, in: router, config: Self.config(directory: lab.directory))
            let vs = "[10.77.0.100]:tcp:80", rs = "[10.77.0.12]:tcp:9000"
            func saw(_ line: String) -> Bool { F.wait(atMost: 6) { ours.output.contains(line) } != nil }

            #expect(saw("TCP connection to \(rs) success."), "\(ours.output)")
            _ = server.stop()
            #expect(saw("Removing service \(rs) from VS \(vs)"), "\(ours.output)")
            _ = sink.waitForMails(3, timeout: .seconds(5))
            server = try lab.router(2).start(["python3", "-c", Self.listener], name: "listener-again")
            #expect(saw("Adding service \(rs) to VS \(vs)"), "\(ours.output)")
            _ = sink.waitForMails(5, timeout: .seconds(5))
            ours.send(SIGTERM)
            #expect(ours.waitForExit(timeout: .seconds(5)), "\(ours.output)")
            let mails = sink.waitForMails(7, timeout: .seconds(3))

            // The mails: the quorum's first, then the server's, as the checker decides them.
            let expected = [
                ("[lab1] Virtualserver \(vs) - UP", "=> Starting with quorum up 1+0=1 <= 1 <="),
                ("[lab1] Virtualserver \(vs) - DOWN", "=> Lost quorum 1+0=1 <= 0 <="),
                ("[lab1] Realserver \(rs) of virtual server \(vs) - DOWN", "=> TCP CHECK failed on service <="),
                ("[lab1] Virtualserver \(vs) - UP", "=> Gained quorum 1+0=1 <= 1 <="),
                ("[lab1] Realserver \(rs) of virtual server \(vs) - UP", "=> TCP CHECK succeed on service <="),
                ("[lab1] Realserver \(rs) of virtual server \(vs) - DOWN", "=> Shutting down <="),
                ("[lab1] Virtualserver \(vs) - DOWN", "=> Shutting down <="),
            ]
            #expect(mails.map { Self.subject($0) } == expected.map(\.0), "\(mails.map(\.data))\n\(ours.output)")
            #expect(mails.map { Self.body($0) } == expected.map(\.1), "\(mails.map(\.data))")
            #expect(mails.allSatisfy { $0.data.hasSuffix(" <=\r\n\r\n") })
            #expect(mails.allSatisfy { $0.mailFrom == "ka@lab.example" && $0.rcptTos == ["ops@lab.example"] })

            // notify_fifo: every line, through omega's shutdown.
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let fifoLines = (count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : "").split(separator: "\n").map(String.init)
            let running = ["VS \(vs) UP", "RS \(rs) \(vs) DOWN", "VS \(vs) DOWN", "RS \(rs) \(vs) UP", "VS \(vs) UP"]
            let shutdown = ["RS \(rs) \(vs) DOWN", "VS \(vs) DOWN"]
            #expect(fifoLines == running + shutdown, "\(fifoLines)")
            // lvs_notify_fifo: its script started with the FIFO's name, ended before the shutdown lines.
            #expect(Self.lines(lvsRecord) == ["started: lvs.fifo"] + running, "\(Self.lines(lvsRecord))")
            // The scripts, moment by moment (those of one moment run concurrently).
            let scripts = Self.lines(record)
            let moments = [0..<1, 1..<3, 3..<5, 5..<7].map { range in scripts.count >= 7 ? scripts[range].sorted() : [] }
            #expect(scripts.count == 7 && moments == [["quorum_up"], ["down", "quorum_down"], ["quorum_up", "up"], ["down", "quorum_down"]],
                    "\(scripts)")
        }
    }
}
