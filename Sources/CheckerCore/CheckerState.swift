/// The engine's per-server and per-checker state (keepalived's real_server_t, virtual_server_t
/// and checker_t run-time fields).
import IPVSModel
import KeepalivedConfig
import NetworkTypes

/// The checker types the engine runs today.
public enum CheckerKind: Hashable, Sendable {
    case tcp
    case http(HTTPCheck)
    case ssl(HTTPCheck)
    case misc(MiscCheck)
    case smtp(SMTPCheck)
    case dns(DNSCheck)
    case udp(UDPCheck)
    case ping
    /// FILE_CHECK: not probed; the tracked file's value arrives with `trackFileChanged`.
    case file(TrackedFileCheck)

    /// The same checker with its source locations blanked, so that moving it in the file is no change.
    var ignoringLocations: CheckerKind {
        let nowhere = SourceLocation(file: "", line: 0)
        switch self {
        case .tcp: return .tcp
        case .http(var http), .ssl(var http):
            for u in http.urls.indices { http.urls[u].location = nowhere }
            if case .ssl = self { return .ssl(http) }
            return .http(http)
        case .misc(var misc):
            misc.script?.location = nowhere
            return .misc(misc)
        case .smtp, .dns, .udp, .ping, .file:
            return self
        }
    }

    init?(_ probe: Checker.Probe) {
        switch probe {
        case .tcp: self = .tcp
        case .http(let http): self = .http(http)
        case .ssl(let http): self = .ssl(http)
        case .misc(let misc): self = .misc(misc)
        case .smtp(let smtp): self = .smtp(smtp)
        case .dns(let dns): self = .dns(dns)
        case .udp(let udp): self = .udp(udp)
        case .ping: self = .ping
        case .bfd: return nil
        }
    }
}

/// keepalived.conf: FILE_CHECK { track_file NAME; weight W [reverse] } with the track_file's own
/// weight filled in when the checker gives none (keepalived's file_end_handler).
public struct TrackedFileCheck: Hashable, Sendable {
    /// keepalived.conf: track_file (the track_file block's name)
    public var trackFile: String
    /// keepalived.conf: weight (-2147483647...2147483647; 0: any non-zero value is a failure)
    public var weight: Int64
    /// keepalived.conf: weight W reverse (the multiplier is -1)
    public var reverse: Bool

    public init(trackFile: String, weight: Int64, reverse: Bool) {
        self.trackFile = trackFile
        self.weight = weight
        self.reverse = reverse
    }

    /// keepalived's IPVS_WEIGHT_FAULT: the status that takes the real server down.
    public static let fault = Int64(Int32.min)

    /// keepalived's status for a file value: the value times the weight (times -1 reversed),
    /// clamped to Int32; with weight 0, Int32.min (fault) for a non-zero value (a zero one reversed).
    public func status(_ value: Int64) -> Int64 {
        guard weight != 0 else { return (value != 0) != reverse ? Self.fault : 0 }
        // Values are read within Int32 (+1) and weights too, so the product fits in Int64.
        return min(max(value * weight * (reverse ? -1 : 1), Self.fault), Int64(Int32.max))
    }
}

/// A real server (or a sorry server) at run time.
struct RealServerState: Sendable {
    var name: String
    var address: IPAddress
    var port: UInt16
    var forwarding: ForwardingMethod
    var upperThreshold: UInt32 = 0
    var lowerThreshold: UInt32 = 0
    var inhibit: Bool
    var notifyUp: NotifyScript?
    var notifyDown: NotifyScript?
    var smtpAlert: Bool
    /// keepalived's alive: in the pool as far as the checks go.
    var alive = false
    /// keepalived's set: present in the IPVS table (maybe at weight 0).
    var inSet = false
    var failedCheckers = 0
    /// Set when a reload carried this server over: the effective weight it had before
    /// (keepalived's reloaded and peffective_weight).
    var weightBeforeReload: Int64?
    var effectiveWeight: Int64
    /// keepalived's iweight: the configured weight.
    var initialWeight: Int64

    /// keepalived's real_weight: the weight IPVS gets.
    var ipvsWeight: UInt32 { UInt32(clamping: max(0, min(effectiveWeight, Int64(Int32.max)))) }

    /// keepalived's real_weight for any effective weight.
    static func clampedWeight(_ weight: Int64) -> Int32 { Int32(clamping: max(0, weight)) }
}

/// Which server of a virtual server a command is about.
enum ServerRef: Hashable, Sendable {
    case real(Int)
    case sorry
}

/// keepalived's vs_iseq: what makes a virtual server the same one across a reload. keepalived
/// matches a group by name alone; here its protocol counts too, so a TCP and a UDP virtual server
/// sharing a group each find their own.
enum VirtualServerIdentity: Hashable, Sendable {
    /// An address or fwmark service: its kernel key (protocol, address and port; mark and family).
    case service(IPVSServiceKey?)
    case group(String, IPVSProtocol)

    init(_ vs: VirtualServer, services: [IPVSService]) {
        if let name = vs.groupName {
            self = .group(name, IPVSPlan.serviceProtocol(vs.serviceProtocol))
        } else {
            self = .service(services.first?.key)
        }
    }
}

/// A virtual server at run time.
struct VirtualServerState: Sendable {
    var name: String
    var identity: VirtualServerIdentity
    var realServers: [RealServerState]
    var sorry: RealServerState?
    var sorryDuplicatesRealServer = false
    var quorum: Int64
    var hysteresis: Int64
    var quorumUp = false
    var omega: Bool
    var smtpAlert: Bool
    var quorumUpScript: NotifyScript?
    var quorumDownScript: NotifyScript?

    init(_ vs: VirtualServer, identity: VirtualServerIdentity, alertDefault: Bool?) {
        name = vs.keepalivedName
        self.identity = identity
        let defaultForwarding = vs.forwarding ?? ForwardingMethod(kind: .nat)
        realServers = vs.realServers.map { rs in
            let weight = Int64(rs.weight ?? vs.weight)
            return RealServerState(
                name: vs.keepalivedName(destination: rs.address, port: rs.port), address: rs.address,
                port: rs.port ?? 0, forwarding: rs.forwarding ?? defaultForwarding,
                upperThreshold: rs.upperThreshold, lowerThreshold: rs.lowerThreshold,
                inhibit: rs.inhibitOnFailure ?? vs.inhibitOnFailure, notifyUp: rs.notifyUp, notifyDown: rs.notifyDown,
                smtpAlert: rs.smtpAlert ?? alertDefault ?? true, effectiveWeight: weight, initialWeight: weight)
        }
        if let sorry = vs.sorryServer {
            self.sorry = RealServerState(
                name: vs.keepalivedName(destination: sorry.address, port: sorry.port), address: sorry.address,
                port: sorry.port ?? 0, forwarding: sorry.forwarding ?? defaultForwarding, inhibit: sorry.inhibit,
                smtpAlert: false, effectiveWeight: 1, initialWeight: 1)
            sorryDuplicatesRealServer = vs.realServers.contains { $0.address == sorry.address && $0.port == sorry.port }
        }
        quorum = Int64(vs.quorum)
        hysteresis = Int64(vs.hysteresis)
        omega = vs.omega
        smtpAlert = vs.smtpAlert ?? alertDefault ?? false
        quorumUpScript = vs.quorumUp
        quorumDownScript = vs.quorumDown
    }

    /// keepalived's weigh_live_realservers.
    var liveWeight: Int64 {
        realServers.reduce(0) { $0 + ($1.alive ? Int64($1.ipvsWeight) : 0) }
    }
}

/// One checker at run time.
struct CheckerState: Sendable {
    let id: CheckerID
    let kind: CheckerKind
    /// keepalived.conf: connect_ip, connect_port, bindto, ... (what a probe connects with).
    let connection: ConnectionOptions?
    let retry: Int
    let delayLoop: UInt64
    let delayBeforeRetry: UInt64
    let warmup: UInt64
    let alpha: Bool
    let logAllFailures: Bool
    /// MISC_CHECK: misc_timeout, else the virtual server's delay_loop.
    let scriptTimeout: UInt64
    var isUp = true
    var hasRun = false
    var retryIteration = 0
    /// misc_dynamic: what this checker adds to the real server's weight.
    var currentWeight: Int64 = 0
    var lastExitCode: Int32 = 0
    /// HTTP: the url being checked (nil past the last) and the one that failed.
    var urlIndex: Int?
    var failedURL: Int?
    /// HTTP: per url, the last Content-Length mismatch reported.
    var lengthMismatch: [Int: Int] = [:]

    init(id: CheckerID, kind: CheckerKind, checker: Checker, virtualServer: VirtualServer) {
        self.id = id
        self.kind = kind
        connection = checker.connection
        retry = Int(checker.retry ?? checker.defaultRetry)
        delayLoop = checker.delayLoop ?? virtualServer.delayLoop
        delayBeforeRetry = checker.delayBeforeRetry ?? checker.defaultDelayBeforeRetry ?? delayLoop
        warmup = checker.warmup ?? delayLoop
        alpha = checker.alpha ?? virtualServer.alpha
        logAllFailures = checker.logAllFailures
        if case .misc(let misc) = kind {
            scriptTimeout = misc.timeout ?? virtualServer.delayLoop
        } else {
            scriptTimeout = 0
        }
        switch kind {
        case .http(let http), .ssl(let http): urlIndex = http.urls.isEmpty ? nil : 0
        default: urlIndex = nil
        }
    }

    /// A FILE_CHECK: never probed, never alpha, and counted as run from the start (keepalived's
    /// add_rs_to_track_files).
    init(id: CheckerID, file: TrackedFileCheck) {
        self.id = id
        kind = .file(file)
        connection = nil
        retry = 0
        delayLoop = 0
        delayBeforeRetry = 0
        warmup = 0
        alpha = false
        logAllFailures = false
        scriptTimeout = 0
        hasRun = true
        urlIndex = nil
    }
}

extension CheckerState {
    /// keepalived's checker compare functions: the same type probing the same way, so a reload
    /// lets the probe go on.
    func probesLike(_ other: CheckerState) -> Bool {
        kind.ignoringLocations == other.kind.ignoringLocations && connection == other.connection
    }
}
