import Foundation
import Testing
import KeepalivedTestSupport

/// When the mail tests run: with the lab and aiosmtpd; in CI always, so a missing piece fails there.
enum MailGate {
    static let shouldRun = Lab.availability.testsShouldRun && (Lab.availability.isCI || SMTPSink.isAvailable)
}

/// E-mail alerts against a real SMTP server (aiosmtpd) in the lab: the messages keepalived 2.2.7
/// sends for a scripted sequence of transitions and the ones ours sends are the same; and a silent,
/// a refusing and an unreachable server leave failover as fast as VRRP allows.
@Suite(.serialized, .enabled(if: MailGate.shouldRun, "needs root, iproute2 and python3-aiosmtpd (scripts/bootstrap)"))
struct MailTests {
    typealias F = VRRPFixtures

    init() {
        #expect(SMTPSink.isAvailable, "python3-aiosmtpd is missing: run scripts/bootstrap")
    }

    static let sinkAddress = Lab.clientIPv4

    /// One alerting instance in a one-member sync group (both mail, by the global smtp_alert), a
    /// second instance with `smtp_alert off`, and a track_file that faults the first one.
    static func sequenceConfig(faultFile: String) -> String {
        """
        global_defs {
          notification_email {
            ops@lab.example
            noc@lab.example
          }
          smtp_server \(sinkAddress)
          smtp_connect_timeout 5
          smtp_alert
        }
        track_file fault_file {
          file \(faultFile)
          weight 0
          init_file 0 overwrite
        }
        vrrp_sync_group G1 {
          group {
            VI_1
          }
        }

        """ + F.config(priority: 120, extra: "  track_file {\n    fault_file\n  }\n")
            + F.config(priority: 120, vrid: 52, vip: "10.77.0.201", extra: "  smtp_alert off\n").replacingOccurrences(of: "VI_1", with: "VI_2")
    }

    /// Runs `implementation` through BACKUP → MASTER → FAULT → BACKUP → MASTER → stop; the mails.
    static func runSequence(_ implementation: F.Implementation) throws -> (mails: [SMTPSink.Mail], output: String) {
        try Lab.withLab(routers: 1) { lab in
            let sink = try SMTPSink.start(in: lab.client, address: sinkAddress, port: 25, directory: lab.directory + "/mail")
            let router = lab.router(1)
            let file = lab.directory + "/fault"
            let daemon = try F.start(implementation, in: router, config: sequenceConfig(faultFile: file))
            let master = F.masterDownInterval(priority: 120) + F.slack
            #expect(F.waitUntil(router, holds: F.vip4, atMost: master) != nil, "never master:\n\(daemon.output)")
            // Each step waits for its mail, so the order of arrival is the order of the transitions.
            _ = sink.waitForMails(4, timeout: .seconds(5))
            #expect(FileManager.default.createFile(atPath: file, contents: Data("1\n".utf8)))
            #expect(F.waitUntil(router, holds: F.vip4, false, atMost: 2 + F.slack) != nil, "no fault:\n\(daemon.output)")
            _ = sink.waitForMails(6, timeout: .seconds(5))
            #expect(FileManager.default.createFile(atPath: file, contents: Data("0\n".utf8)))
            #expect(F.waitUntil(router, holds: F.vip4, atMost: master) != nil, "not master again:\n\(daemon.output)")
            _ = sink.waitForMails(10, timeout: .seconds(5))
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            usleep(1_500_000)
            return (sink.mails(), "\(daemon.output)")
        }
    }

    /// The DATA text with the Date value masked and our Message-ID line (keepalived has none) removed.
    static func masked(_ mail: SMTPSink.Mail) -> SMTPSink.Mail {
        var copy = mail
        let lines = mail.data.components(separatedBy: "\r\n").compactMap { line -> String? in
            if line.hasPrefix("Message-ID: ") { return nil }
            return line.hasPrefix("Date: ") ? "Date: <masked>" : line
        }
        copy.data = lines.joined(separator: "\r\n")
        return copy
    }

    @Test func sameMessagesAsKeepalivedForAScriptedSequence() throws {
        let theirs = try Self.runSequence(.debian)
        let ours = try Self.runSequence(.ours)
        let subjects = ours.mails.map { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } ?? "" }
        print("keepalived 2.2.7 sent \(theirs.mails.count) mails, ours \(ours.mails.count):\n" + subjects.joined(separator: "\n"))
        #expect(!theirs.mails.isEmpty, "keepalived 2.2.7 sent nothing:\n\(theirs.output)")
        // Mails of one moment (an instance and its group) may arrive in either order from keepalived.
        let sortKey = { (mail: SMTPSink.Mail) in mail.data }
        #expect(ours.mails.map(Self.masked).sorted { sortKey($0) < sortKey($1) }
                    == theirs.mails.map(Self.masked).sorted { sortKey($0) < sortKey($1) },
                "keepalived 2.2.7:\n\(theirs.mails.map(\.data))\nours:\n\(ours.mails.map(\.data))\n\(ours.output)")

        // What both sent, spelled out: one mail per transition, none for VI_2, none at stop.
        for state in ["MASTER", "BACKUP", "FAULT"] {
            #expect(subjects.contains { $0.hasSuffix("] VRRP Instance VI_1 - Entering \(state) state") }, "\(subjects)")
            #expect(subjects.contains { $0.hasSuffix("] VRRP Group G1 - Entering \(state) state") }, "\(subjects)")
        }
        #expect(!subjects.contains { $0.contains("VI_2") || $0.contains("Stopping") }, "\(subjects)")
        #expect(ours.mails.allSatisfy { $0.rcptTos == ["ops@lab.example", "noc@lab.example"] && $0.data.hasSuffix(" <=\r\n\r\n") })
        #expect(ours.mails.allSatisfy { !$0.data.replacingOccurrences(of: "\r\n", with: "").contains("\n") }, "bare LF in a message")

        // Ours adds what keepalived lacks: a Message-ID, unique per mail, next to an RFC 5322 date.
        let ids = ours.mails.compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: <") } }
        #expect(ids.count == ours.mails.count && Set(ids).count == ids.count, "\(ids)")
        let date = /Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}/
        #expect(ours.mails.allSatisfy { $0.data.firstMatch(of: date) != nil })
    }

    /// How the SMTP server misbehaves.
    enum Hostile: String, CaseIterable, CustomStringConvertible {
        /// Accepts the connection and never answers.
        case silent
        /// Nothing listens: the connection is refused.
        case refusing
        /// An address nobody on the segment has.
        case unreachable
        var description: String { rawValue }
    }

    /// Both routers mail every transition to a server that `hostile`. While the mail thread is
    /// stuck, the master keeps advertising, and cutting its link fails over within
    /// Master_Down_Interval; the mail is dropped with keepalived's log line. keepalived 2.2.7 runs
    /// the same case as the baseline.
    @Test(arguments: Hostile.allCases, [F.Implementation.ours, .debian])
    func aHostileServerLeavesFailoverTimingUnchanged(_ hostile: Hostile, _ implementation: F.Implementation) throws {
        try Lab.withLab(routers: 2) { lab in
            let server = hostile == .unreachable ? "10.77.0.250" : Self.sinkAddress
            let port = hostile == .unreachable ? 25 : 2525
            if hostile == .silent {
                _ = try SMTPSink.start(in: lab.client, address: server, port: port, directory: lab.directory + "/mail", behaviour: .silent)
            }
            let global = "global_defs {\n  notification_email {\n    ops@lab.example\n  }\n  smtp_server \(server) \(port)\n"
                + "  smtp_connect_timeout 5\n  smtp_alert\n}\n"
            let backup = try F.start(implementation, in: lab.router(2), config: global + F.config(priority: 100))
            let master = try F.start(implementation, in: lab.router(1), config: global + F.config(priority: 150))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 150) + F.slack) != nil,
                    "router 1 never became master:\n\(master.output)")
            // The master's mail is in trouble now; its adverts must keep the backup quiet.
            #expect(F.wait(atMost: 1.5) { F.holds(lab.router(2), F.vip4) } == nil, "the backup took over from a live master")
            try lab.cutLink(router: 1)
            let bound = F.masterDownInterval(priority: 100)
            let took = F.waitUntil(lab.router(2), holds: F.vip4, atMost: bound + F.slack)
            print("\(implementation): failover with a \(hostile) SMTP server: \(took.map { String(format: "%.2f s", $0) } ?? "none") (bound \(bound) s)")
            #expect(took != nil, "no failover:\n\(backup.output)")

            // keepalived 2.2.7's lines: a silent server times out the banner's read; a refused or
            // unreachable one fails the connect in progress, which its write watcher reports.
            let line = hostile == .silent ? "Timeout reading data to remote SMTP server [\(server)]:\(port)." : "returned write error"
            #expect(backup.waitForOutput(containing: line, timeout: .seconds(15)), "no '\(line)':\n\(backup.output)")
            if implementation == .ours {
                let dropped = "not sent to [\(server)]:\(port)"
                #expect(backup.waitForOutput(containing: dropped, timeout: .seconds(15)), "no drop line:\n\(backup.output)")
            }
        }
    }

    // MARK: - Extensions

    /// A single router of ours mailing with `global` (VI_1 at priority 120), with an SMTP sink on
    /// the client at `sinkPort` first if given; runs `body` once it is master.
    static func withOurRouter(
        global: String, before: String = "", instance: String = "", sinkPort: Int? = nil, _ body: (Lab, LabProcess, SMTPSink?) throws -> Void
    ) throws {
        try Lab.withLab(routers: 1) { lab in
            let sink = try sinkPort.map { try SMTPSink.start(in: lab.client, address: sinkAddress, port: $0, directory: lab.directory + "/mail") }
            let config = "global_defs {\n  notification_email {\n    ops@lab.example\n  }\n  smtp_alert\n" + global + "}\n"
            let daemon = try F.start(.ours, in: lab.router(1), config: config + before + F.config(priority: 120, extra: instance))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 120) + F.slack) != nil,
                    "never master:\n\(daemon.output)")
            try body(lab, daemon, sink)
        }
    }

    /// smtp_fallback_server: the refused primary is logged, the fallback gets every alert.
    @Test func aFallbackServerGetsTheAlertsTheRefusingPrimaryCannotTake() throws {
        let global = "  smtp_server \(Self.sinkAddress) 2526\n  smtp_fallback_server \(Self.sinkAddress) 25\n"
        try Self.withOurRouter(global: global, sinkPort: 25) { _, daemon, sink in
            let mails = try #require(sink).waitForMails(2, timeout: .seconds(10))
            let subjects = mails.compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } }
            #expect(subjects.count == 2 && subjects[0].hasSuffix("BACKUP state") && subjects[1].hasSuffix("MASTER state"),
                    "\(subjects)\n\(daemon.output)")
            #expect(daemon.output.contains("not sent to [\(Self.sinkAddress)]:2526"), "\(daemon.output)")
        }
    }

    /// smtp_retries: alerts that failed while the server was down arrive once it is back, after
    /// the logged back-off.
    @Test func retriesDeliverOnceTheServerIsBack() throws {
        let global = "  smtp_server \(Self.sinkAddress) 2527\n  smtp_retries 4\n  smtp_retry_delay 1\n"
        try Self.withOurRouter(global: global) { lab, daemon, _ in
            #expect(daemon.waitForOutput(containing: ": retry 1 of 4 in 1 s", timeout: .seconds(5)), "\(daemon.output)")
            let sink = try SMTPSink.start(in: lab.client, address: Self.sinkAddress, port: 2527, directory: lab.directory + "/mail")
            let mails = sink.waitForMails(2, timeout: .seconds(20))
            let subjects = mails.compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } }
            #expect(subjects.count == 2 && subjects[0].hasSuffix("BACKUP state") && subjects[1].hasSuffix("MASTER state"),
                    "\(subjects)\n\(daemon.output)")
        }
    }

    /// Every file of conf/extensions: ours accepts it silently; keepalived 2.2.7 objects to exactly
    /// its extension keywords and to nothing else, so they are the only difference.
    @Test(arguments: ["mail-delivery.conf", "mail-tls.conf"])
    func anExtensionSampleDiffersFromKeepalivedOnlyByItsExtensions(_ sample: String) throws {
        let extensions: Set<String> = [
            "smtp_fallback_server", "smtp_retries", "smtp_retry_delay", "smtp_rate_limit", "smtp_ehlo", "smtp_tls",
            "smtp_tls_ca_file", "smtp_tls_server_name", "smtp_auth_user", "smtp_auth_secret_file",
        ]
        let ours = try #require(PackagePaths.keepalived, "our keepalived is not built")
        let text = try String(contentsOfFile: PackagePaths.conf + "/extensions/" + sample, encoding: .utf8)
        let used = text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }.filter(extensions.contains)
        #expect(used.count >= 3, "\(used)")
        try Lab.withLab(routers: 1) { lab in
            let path = "/etc/keepalived/" + sample
            try lab.router(1).installFile(path, contents: text)
            let result = try lab.router(1).run([ours, "-t", "-f", path])
            #expect(result.status == 0 && result.standardError.isEmpty, "\(result)")
            let theirs = try lab.router(1).run([F.debianBinary, "-t", "-f", path])
            let complaints = (theirs.standardOutput + theirs.standardError).split(separator: "\n").map(String.init)
            let unknown = complaints.compactMap { $0.firstMatch(of: /Unknown keyword '(\w+)'/).map { String($0.1) } }
            #expect(unknown == used, "\(theirs)")
            #expect(complaints.count == used.count, "\(theirs)")
        }
    }

    /// smtp_rate_limit 1 8: after the first alert, a flap (MASTER, FAULT, BACKUP, MASTER) is held
    /// back and mailed as its latest state(s) with the count of what was suppressed.
    @Test func aFlapOverTheRateLimitIsMailedAsItsLatestStateWithASuppressedCount() throws {
        let file = "/tmp/swift-keepalived-mail-rate-\(getpid())"
        defer { unlink(file) }
        let track = "track_file fault_file {\n  file \(file)\n  weight 0\n  init_file 0 overwrite\n}\n"
        let global = "  smtp_server \(Self.sinkAddress)\n  smtp_rate_limit 1 8\n"
        try Self.withOurRouter(global: global, before: track, instance: "  track_file {\n    fault_file\n  }\n", sinkPort: 25) { lab, daemon, sink in
            #expect(FileManager.default.createFile(atPath: file, contents: Data("1\n".utf8)))
            #expect(daemon.waitForOutput(containing: "Entering FAULT STATE", timeout: .seconds(3)), "\(daemon.output)")
            #expect(FileManager.default.createFile(atPath: file, contents: Data("0\n".utf8)))
            #expect(F.waitUntil(lab.router(1), holds: F.vip4, atMost: F.masterDownInterval(priority: 120) + F.slack) != nil)
            let sink = try #require(sink)
            // Five transitions; at most three mails, the last one MASTER, one of them with the count.
            func lastIsMaster() -> Bool { sink.mails().last?.data.contains("Entering MASTER state") == true }
            _ = F.wait(atMost: 20) { sink.mails().count >= 2 && lastIsMaster() }
            usleep(500_000)
            let mails = sink.mails()
            let subjects = mails.compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } }
            #expect((2...3).contains(mails.count) && subjects.first?.hasSuffix("BACKUP state") == true
                    && subjects.last?.hasSuffix("MASTER state") == true, "\(subjects)\n\(daemon.output)")
            #expect(mails.contains { $0.data.contains(" earlier alerts suppressed by smtp_rate_limit <=\r\n") }, "\(mails.map(\.data))")
            #expect(daemon.output.contains("SMTP alerts over smtp_rate_limit (1 in 8 s)"), "\(daemon.output)")
        }
    }

    /// A reload that removes an alerting instance: keepalived 2.2.7 reports it FAULT (no
    /// notify_deleted) and mails that; ours sends the same mails for the same sequence.
    static func runReload(_ implementation: F.Implementation) throws -> (mails: [SMTPSink.Mail], output: String) {
        try Lab.withLab(routers: 1) { lab in
            let sink = try SMTPSink.start(in: lab.client, address: sinkAddress, port: 25, directory: lab.directory + "/mail")
            let global = "global_defs {\n  router_id lab-mail\n  notification_email {\n    ops@lab.example\n  }\n"
                + "  notification_email_from keepalived@lab.example\n  smtp_server \(sinkAddress)\n  smtp_alert\n}\n"
            let second = F.config(priority: 120, vrid: 52, vip: "10.77.0.201").replacingOccurrences(of: "VI_1", with: "VI_2")
            let router = lab.router(1)
            let daemon = try F.start(implementation, in: router, config: global + F.config(priority: 120) + second)
            let master = F.masterDownInterval(priority: 120) + F.slack
            #expect(F.waitUntil(router, holds: "10.77.0.201", atMost: master) != nil, "never master:\n\(daemon.output)")
            _ = sink.waitForMails(4, timeout: .seconds(5))
            try router.installFile("/etc/keepalived/keepalived-\(implementation).conf", contents: global + F.config(priority: 120))
            daemon.send(SIGHUP)
            #expect(F.waitUntil(router, holds: "10.77.0.201", false, atMost: 5) != nil, "VI_2 kept its VIP:\n\(daemon.output)")
            _ = sink.waitForMails(5, timeout: .seconds(5))
            usleep(1_000_000)
            daemon.send(SIGTERM)
            #expect(daemon.waitForExit(timeout: .seconds(5)))
            return (sink.mails(), daemon.output)
        }
    }

    @Test func aReloadThatRemovesAnInstanceMailsAsKeepalivedDoes() throws {
        let theirs = try Self.runReload(.debian)
        let ours = try Self.runReload(.ours)
        let subjects = { (mails: [SMTPSink.Mail]) in
            mails.compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") } }.sorted()
        }
        print("keepalived 2.2.7 around a reload:\n" + subjects(theirs.mails).joined(separator: "\n"))
        #expect(subjects(theirs.mails).contains("Subject: [lab-mail] VRRP Instance VI_2 - Entering FAULT state"), "\(theirs.output)")
        let sortKey = { (mail: SMTPSink.Mail) in mail.data }
        #expect(ours.mails.map(Self.masked).sorted { sortKey($0) < sortKey($1) }
                    == theirs.mails.map(Self.masked).sorted { sortKey($0) < sortKey($1) },
                "keepalived 2.2.7:\n\(subjects(theirs.mails))\nours:\n\(subjects(ours.mails))\n\(ours.output)")
    }
}
