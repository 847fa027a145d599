/// What the health checker asks its executor to do, in the order keepalived does it.
import IPVSModel
import KeepalivedConfig
import NetworkTypes

/// Names one checker: the virtual server, the real server inside it and the checker inside that,
/// by their positions in the configuration.
public struct CheckerID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var virtualServer: Int
    public var realServer: Int
    public var checker: Int

    public init(virtualServer: Int, realServer: Int, checker: Int) {
        self.virtualServer = virtualServer
        self.realServer = realServer
        self.checker = checker
    }

    public static func < (lhs: CheckerID, rhs: CheckerID) -> Bool {
        (lhs.virtualServer, lhs.realServer, lhs.checker) < (rhs.virtualServer, rhs.realServer, rhs.checker)
    }

    public var description: String { "vs\(virtualServer)/rs\(realServer)/c\(checker)" }
}

/// An `smtp_alert` mail the checker would send (subject parts and body line as keepalived words them).
public struct CheckerAlert: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// SMTP_MSG_RS / SMTP_MSG_RS_SHUT: `Realserver <rs> of virtual server <vs> - UP|DOWN`
        case realServer(String, virtualServer: String)
        /// SMTP_MSG_VS: `Virtualserver <vs> - UP|DOWN`
        case virtualServer(String)
    }
    public var subject: Subject
    public var state: String
    public var message: String
}

/// A probe the executor should start after `delay` microseconds.
public struct ProbeRequest: Hashable, Sendable {
    public var checker: CheckerID
    /// µs from now (0: at once).
    public var delay: UInt64
    /// HTTP_GET/SSL_GET: which `url` block to fetch.
    public var url: Int?

    public init(checker: CheckerID, delay: UInt64, url: Int? = nil) {
        self.checker = checker
        self.delay = delay
        self.url = url
    }
}

/// What the checker engine asks of its executor.
public enum CheckerAction: Hashable, Sendable {
    /// A line for the log, worded as keepalived 2.2.7 words it.
    case log(String)
    /// Change the kernel's IPVS table: one request, after keepalived's inhibit rewriting (a removal
    /// of an inhibited server is a weight-0 update). A virtual server group yields one per service.
    case ipvs(IPVSChange)
    /// Run a notify_up/notify_down/quorum_up/quorum_down script (no arguments added).
    case runScript(NotifyScript)
    /// A line for notify_fifo and lvs_notify_fifo (no trailing newline).
    case fifo(String)
    /// An smtp_alert mail.
    case alert(CheckerAlert)
    /// A real server went up or down (the realServerStateChange trap, status snapshots).
    case realServerChanged(virtualServer: Int, realServer: Int, up: Bool)
    /// A virtual server's quorum changed (the virtualServerQuorumStateChange trap). `stop()` emits it
    /// for every virtual server it clears: keepalived then sends only the trap, with status 3.
    case quorumChanged(virtualServer: Int, up: Bool)
    /// Start a probe later.
    case scheduleProbe(ProbeRequest)
}
