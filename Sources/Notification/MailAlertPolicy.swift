/// Which transitions become mail, decided as keepalived 2.2.7 decides: only for instances and
/// groups whose smtp_alert is on, never FAULT with no_email_faults, and never the state last mailed
/// for the same instance or group again.
public struct MailAlertPolicy: Sendable {
    /// The instances and groups whose (resolved) smtp_alert is on.
    public var alerting: Set<AlertSubject>
    /// keepalived.conf: no_email_faults
    public var noEmailFaults: Bool
    /// keepalived: last_email_state, per instance and group (starts as INIT, so anything mails).
    private var lastMailed: [AlertSubject: AlertState] = [:]

    public init(alerting: Set<AlertSubject>, noEmailFaults: Bool) {
        self.alerting = alerting
        self.noEmailFaults = noEmailFaults
    }

    /// Whether `subject` entering `state` is mailed; remembers it as the last mailed state if so.
    public mutating func shouldMail(_ subject: AlertSubject, entering state: AlertState) -> Bool {
        guard alerting.contains(subject) else { return false }
        if noEmailFaults && state == .fault { return false }
        if case .group = subject, state == .deleted { return false }
        guard lastMailed[subject] != state else { return false }
        lastMailed[subject] = state
        return true
    }

    /// keepalived's default chain for smtp_alert: the block's own value, else smtp_alert_vrrp,
    /// else smtp_alert, else off.
    public static func resolve(own: Bool?, vrrpDefault: Bool?, globalDefault: Bool?) -> Bool {
        own ?? vrrpDefault ?? globalDefault ?? false
    }
}
