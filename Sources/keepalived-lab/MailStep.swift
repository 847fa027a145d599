// Demo step: e-mail alerts from ours to a real SMTP server (aiosmtpd) on the client.
import Foundation
import KeepalivedTestSupport

/// Both routers run ours with `smtp_alert`, mailing to aiosmtpd on the client: router 2 (150)
/// becomes master, stops, and router 1 (100) takes over; the mails the server received are shown.
struct MailStep: DemoStep {
    var title: String { "E-mail: smtp_alert mails every transition to an SMTP server on the client (aiosmtpd)" }

    func run(_ context: DemoContext) throws -> [String] {
        guard SMTPSink.isAvailable else { return ["python3-aiosmtpd is missing (run scripts/bootstrap)"] }
        let lab = context.lab
        let (r1, r2) = (lab.router(1), lab.router(2))
        let vip = "10.77.0.203"
        let sink = try SMTPSink.start(in: lab.client, address: Lab.clientIPv4, port: 25, directory: lab.directory + "/mail")
        func config(_ priority: Int, router: String) -> String {
            """
            global_defs {
                router_id \(router)
                notification_email {
                    ops@lab.example
                }
                notification_email_from keepalived@\(router).lab.example
                smtp_server \(Lab.clientIPv4)
                smtp_connect_timeout 5
            }
            vrrp_instance VI_4 {
                interface eth0
                state BACKUP
                virtual_router_id 54
                priority \(priority)
                advert_int 1
                smtp_alert
                virtual_ipaddress {
                    \(vip)/24
                }
            }

            """
        }
        try r1.installFile("/etc/keepalived/mail.conf", contents: config(100, router: "router1"))
        try r2.installFile("/etc/keepalived/mail.conf", contents: config(150, router: "router2"))
        func start(_ router: LabNamespace, _ name: String) throws -> LabProcess {
            let pids = lab.directory + "/" + router.name + "-" + name
            return try router.start(
                [context.paths.ourKeepalived, "-n", "-l", "-G", "-P", "-f", "/etc/keepalived/mail.conf",
                 "-p", pids + ".pid", "-r", pids + "-vrrp.pid"], name: name)
        }
        func holds(_ router: LabNamespace) -> Bool { ((try? router.addresses()) ?? []).contains { $0.address == vip } }
        func wait(within seconds: Double, _ condition: () -> Bool) -> Bool {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return condition()
        }
        var problems: [String] = []
        _ = try start(r1, "mail-backup")
        let master = try start(r2, "mail-master")
        if !wait(within: 7, { holds(r2) }) { problems.append("router 2 never became master") }
        context.say("  router 2 is master; stopping it (SIGTERM) so router 1 takes over")
        master.send(SIGTERM)
        if !wait(within: 3, { holds(r1) }) { problems.append("router 1 did not take over") }
        // router 1: BACKUP then MASTER; router 2: BACKUP then MASTER (nothing at stop, as keepalived).
        let mails = sink.waitForMails(4, timeout: .seconds(10))
        context.say("  the SMTP server on the client received \(mails.count) mails:")
        for mail in mails {
            let headers = mail.data.components(separatedBy: "\r\n")
            let subject = headers.first { $0.hasPrefix("Subject: ") } ?? "?"
            let body = headers.first { $0.hasPrefix("=> ") } ?? "?"
            context.say("    HELO \(mail.helo), from <\(mail.mailFrom)> to \(mail.rcptTos.map { "<\($0)>" }.joined(separator: ", "))")
            context.say("      \(subject)")
            context.say("      \(body)")
        }
        if mails.count != 4 { problems.append("expected 4 mails, got \(mails.count)") }
        return problems
    }
}
