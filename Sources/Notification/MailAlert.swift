/// The subject and body keepalived 2.2.7 mails for a VRRP instance or sync group entering a state.

/// A state a VRRP alert can report, with keepalived's word for it.
public enum AlertState: String, Sendable, Hashable, CaseIterable {
    case master = "MASTER"
    case backup = "BACKUP"
    case fault = "FAULT"
    case stop = "STOP"
    case deleted = "DELETED"
}

/// What an alert is about: one vrrp_instance or one vrrp_sync_group, or for the health checker
/// one real_server of a virtual_server or one virtual_server's quorum (names as keepalived
/// formats them: `[10.0.0.1]:tcp:80`).
public enum AlertSubject: Sendable, Hashable {
    case instance(String)
    case group(String)
    case realServer(String, virtualServer: String)
    case virtualServer(String)
}

/// The two texts of one alert mail.
public struct MailAlert: Sendable, Hashable {
    /// keepalived: at most 255 bytes (its subject buffer holds 256 with the terminator).
    public var subject: String
    /// keepalived: at most 511 bytes.
    public var body: String

    public init(subject: String, body: String) {
        self.subject = Self.truncated(subject, toBytes: 255)
        self.body = Self.truncated(body, toBytes: 511)
    }

    /// keepalived's texts for `subject` entering `state`; nil where it mails nothing (a sync group
    /// is never DELETED; checker subjects have no VRRP state).
    public init?(_ subject: AlertSubject, entering state: AlertState, routerID: String) {
        switch subject {
        case let .instance(name):
            let (event, body): (String, String)
            switch state {
            case .master: (event, body) = ("Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=")
            case .backup: (event, body) = ("Entering BACKUP state", "=> VRRP Instance is no longer owning VRRP VIPs <=")
            case .fault: (event, body) = ("Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <=")
            case .stop: (event, body) = ("Stopping", "=> VRRP Instance stopping <=")
            case .deleted: (event, body) = ("Deleted", "=> VRRP Deleted at reload <=")
            }
            self.init(subject: "[\(routerID)] VRRP Instance \(name) - \(event)", body: body)
        case let .group(name):
            let event: String
            let body: String
            switch state {
            case .master, .backup, .fault:
                event = "Entering \(state.rawValue) state"
                body = "=> All VRRP group instances are now in \(state.rawValue) state <="
            case .stop:
                event = "Stopping"
                body = "=> All VRRP group instances are now stopping <="
            case .deleted:
                return nil
            }
            self.init(subject: "[\(routerID)] VRRP Group \(name) - \(event)", body: body)
        case .realServer, .virtualServer:
            return nil
        }
    }

    /// The longest prefix of `text` that fits in `limit` UTF-8 bytes without splitting a character.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit { break }
            result.unicodeScalars.append(scalar)
            used += size
        }
        return result
    }
}
