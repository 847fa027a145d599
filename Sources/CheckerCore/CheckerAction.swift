/// What the health checker asks its executor to do, in the order keepalived does it.
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

/// One IPVS destination as the kernel should hold it.
public struct IPVSDestination: Hashable, Sendable {
    public var address: IPAddress
    /// The port IPVS gets (0 for none).
    public var port: UInt16
    public var weight: UInt32
    public var forwarding: ForwardingMethod
    public var upperThreshold: UInt32
    public var lowerThreshold: UInt32

    public init(address: IPAddress, port: UInt16, weight: UInt32, forwarding: ForwardingMethod,
                upperThreshold: UInt32 = 0, lowerThreshold: UInt32 = 0) {
        self.address = address
        self.port = port
        self.weight = weight
        self.forwarding = forwarding
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
    }
}

/// An IPVS change, as keepalived's ipvs_cmd sends it (after its inhibit rewriting).
public enum IPVSCommand: Hashable, Sendable {
    /// IP_VS_SO_SET_ADD: the virtual service itself (index into `Configuration.virtualServers`).
    case addService(virtualServer: Int)
    /// IP_VS_SO_SET_ADDDEST
    case addDestination(virtualServer: Int, IPVSDestination)
    /// IP_VS_SO_SET_EDITDEST (a new weight; weight 0 is how inhibit_on_failure "removes")
    case editDestination(virtualServer: Int, IPVSDestination)
    /// IP_VS_SO_SET_DELDEST
    case deleteDestination(virtualServer: Int, IPVSDestination)
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
}

/// What the checker engine asks of its executor.
public enum CheckerAction: Hashable, Sendable {
    /// A line for the log, worded as keepalived 2.2.7 words it.
    case log(String)
    /// Change the kernel's IPVS table.
    case ipvs(IPVSCommand)
    /// Run a notify_up/notify_down/quorum_up/quorum_down script (no arguments added).
    case runScript(NotifyScript)
    /// A line for notify_fifo and lvs_notify_fifo (no trailing newline).
    case fifo(String)
    /// An smtp_alert mail.
    case alert(CheckerAlert)
    /// A real server went up or down (the realServerStateChange trap, status snapshots).
    case realServerChanged(virtualServer: Int, realServer: Int, up: Bool)
    /// A virtual server's quorum changed (the virtualServerQuorumStateChange trap).
    case quorumChanged(virtualServer: Int, up: Bool)
    /// Start a probe later.
    case scheduleProbe(ProbeRequest)
}
