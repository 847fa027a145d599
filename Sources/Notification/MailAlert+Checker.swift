/// The subject and body keepalived 2.2.7 mails for the health checker (smtp_alert on a real_server
/// or virtual_server): its SMTP_MSG_RS, SMTP_MSG_RS_SHUT and SMTP_MSG_VS subjects around the
/// checker's own body line.

extension MailAlert {
    /// keepalived's texts for a checker event: `state` is UP or DOWN, `body` the line the checker
    /// worded (`=> TCP CHECK failed on service <=`). nil for VRRP subjects.
    public init?(checker subject: AlertSubject, state: String, body: String, routerID: String) {
        switch subject {
        case let .realServer(realServer, virtualServer):
            self.init(subject: "[\(routerID)] Realserver \(realServer) of virtual server \(virtualServer) - \(state)", body: body)
        case let .virtualServer(name):
            self.init(subject: "[\(routerID)] Virtualserver \(name) - \(state)", body: body)
        case .instance, .group:
            return nil
        }
    }
}
