import Testing
@testable import Notification

/// keepalived 2.2.7's alert texts and DATA layout, and which transitions it mails.
struct MailMessageTests {
    static let date = MailDate(year: 2026, month: 11, day: 5, weekday: 4, hour: 9, minute: 8, second: 7, utcOffset: 3600)

    @Test(arguments: [
        (AlertState.master, "Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <="),
        (.backup, "Entering BACKUP state", "=> VRRP Instance is no longer owning VRRP VIPs <="),
        (.fault, "Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <="),
        (.stop, "Stopping", "=> VRRP Instance stopping <="),
        (.deleted, "Deleted", "=> VRRP Deleted at reload <="),
    ])
    func instanceTexts(state: AlertState, event: String, body: String) {
        let alert = MailAlert(.instance("VI_1"), entering: state, routerID: "lb1")
        #expect(alert == MailAlert(subject: "[lb1] VRRP Instance VI_1 - \(event)", body: body))
    }

    @Test func groupTexts() {
        #expect(MailAlert(.group("G1"), entering: .master, routerID: "r")
            == MailAlert(subject: "[r] VRRP Group G1 - Entering MASTER state", body: "=> All VRRP group instances are now in MASTER state <="))
        #expect(MailAlert(.group("G1"), entering: .fault, routerID: "r")?.body == "=> All VRRP group instances are now in FAULT state <=")
        #expect(MailAlert(.group("G1"), entering: .stop, routerID: "r")
            == MailAlert(subject: "[r] VRRP Group G1 - Stopping", body: "=> All VRRP group instances are now stopping <="))
        #expect(MailAlert(.group("G1"), entering: .deleted, routerID: "r") == nil)
    }

    @Test func subjectAndBodyAreCutAtKeepalivedsLimitsOnCharacterBoundaries() {
        let alert = MailAlert(subject: String(repeating: "é", count: 200), body: String(repeating: "b", count: 600))
        #expect(alert.subject.utf8.count == 254)
        #expect(alert.body.utf8.count == 511)
    }

    @Test(arguments: [
        (MailDate(year: 2026, month: 11, day: 5, weekday: 4, hour: 9, minute: 8, second: 7, utcOffset: 3600), "Thu, 05 Nov 2026 09:08:07 +0100"),
        (MailDate(year: 2021, month: 3, day: 1, weekday: 1, hour: 23, minute: 59, second: 0, utcOffset: -16200), "Mon, 01 Mar 2021 23:59:00 -0430"),
        (MailDate(year: 2000, month: 12, day: 31, weekday: 0, hour: 0, minute: 0, second: 0, utcOffset: 0), "Sun, 31 Dec 2000 00:00:00 +0000"),
    ])
    func datesAreRFC5322(date: MailDate, text: String) {
        #expect(date.description == text)
    }

    @Test func dataHasKeepalivedsHeadersInOrderWithCRLFAndABlankLineAfterTheBody() {
        let alert = MailAlert(.instance("VI_1"), entering: .master, routerID: "lb1")!
        let message = MailMessage(from: "ka@example.org", recipients: ["a@example.org", "b@example.org"], alert: alert,
                                  date: Self.date, messageID: "1.2.3@host")
        #expect(message.data == "Date: Thu, 05 Nov 2026 09:08:07 +0100\r\nFrom: ka@example.org\r\n"
            + "Subject: [lb1] VRRP Instance VI_1 - Entering MASTER state\r\nX-Mailer: Keepalived\r\n"
            + "To: a@example.org, b@example.org\r\nMessage-ID: <1.2.3@host>\r\n\r\n"
            + "=> VRRP Instance is now owning VRRP VIPs <=\r\n\r\n.\r\n")
        #expect(message.mailCommand == "MAIL FROM:<ka@example.org>\r\n")
        #expect(message.recipientCommands == ["RCPT TO:<a@example.org>\r\n", "RCPT TO:<b@example.org>\r\n"])
    }

    @Test func linesStartingWithADotAreDoubled() {
        let message = MailMessage(from: "f", recipients: ["t"], alert: MailAlert(subject: "s", body: ".x\n.\nok"), date: Self.date)
        #expect(message.data.hasSuffix("\r\n\r\n..x\r\n..\r\nok\r\n\r\n.\r\n"))
    }

    @Test func messageIDsAreUniqueAndWellFormed() {
        let first = MailMessage.messageID(secondsSinceEpoch: 100, sequence: 1, random: 255, host: "lb1.example.org")
        #expect(first == "100.1.ff@lb1.example.org")
        #expect(first != MailMessage.messageID(secondsSinceEpoch: 100, sequence: 2, random: 255, host: "lb1.example.org"))
        #expect(MailMessage.messageID(secondsSinceEpoch: 1, sequence: 1, random: 1, host: "bad host").hasSuffix("@localhost"))
    }
}

/// keepalived's rules for which transitions are mailed.
struct MailAlertPolicyTests {
    /// Feeds `steps` to `policy` in order; which of them are mailed.
    static func mailed(_ policy: inout MailAlertPolicy, _ steps: [(AlertSubject, AlertState)]) -> [Bool] {
        steps.map { policy.shouldMail($0.0, entering: $0.1) }
    }

    @Test func onlyAlertingSubjectsAndNeverTheSameStateTwice() {
        var policy = MailAlertPolicy(alerting: [.instance("VI_1"), .group("G1")], noEmailFaults: false)
        let steps: [(AlertSubject, AlertState)] = [
            (.instance("VI_1"), .backup), (.instance("VI_1"), .backup), (.instance("VI_1"), .master),
            (.instance("VI_1"), .backup), (.instance("VI_2"), .master), (.group("G1"), .master), (.group("G1"), .deleted),
        ]
        #expect(Self.mailed(&policy, steps) == [true, false, true, true, false, true, false])
    }

    @Test func noEmailFaultsSkipsFaultWithoutForgettingTheLastMailedState() {
        var policy = MailAlertPolicy(alerting: [.instance("VI_1")], noEmailFaults: true)
        // keepalived: MASTER stays the last state mailed across the unmailed FAULT, so MASTER again is not mailed.
        let steps: [AlertState] = [.master, .fault, .master, .backup]
        #expect(Self.mailed(&policy, steps.map { (.instance("VI_1"), $0) }) == [true, false, false, true])
    }

    @Test(arguments: [
        (Bool?.none, Bool?.none, Bool?.none, false), (true, false, false, true), (nil, true, false, true),
        (nil, false, true, false), (nil, nil, true, true), (false, true, true, false),
    ])
    func smtpAlertDefaultsChain(own: Bool?, vrrp: Bool?, global: Bool?, expected: Bool) {
        #expect(MailAlertPolicy.resolve(own: own, vrrpDefault: vrrp, globalDefault: global) == expected)
    }
}
