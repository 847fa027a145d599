/// keepalived's health-checker policy as a value: probe results and "now" in, actions out.
///
/// A checker's state (keepalived's is_up / has_run / retry_it):
///
///                 success                        failure, retries left
///     ┌────────┐ ───────► ┌──────┐ ─────────────► ┌──────────┐
///     │ start  │          │  up  │ ◄───────────── │ retrying │
///     └────────┘ ───────► └──────┘   success      └──────────┘
///       │  alpha            ▲  │ failure, no retries left  │ last retry fails
///       ▼                   │  ▼                           ▼
///     ┌────────────────────────────────────────────────────────┐
///     │ down: probed every delay_loop; one success brings it up │
///     └────────────────────────────────────────────────────────┘
///
/// A real server is alive while none of its checkers is down; its IPVS destination follows
/// (removed, or weight 0 with inhibit_on_failure). The sum of live weights drives each virtual
/// server's quorum (with hysteresis), which swaps the real servers for the sorry server.
import IPVSModel
import KeepalivedConfig
import NetworkTypes
import VRRPCore

public struct HealthChecker: Sendable {
    /// The global switches the checker follows.
    public struct Options: Hashable, Sendable {
        /// keepalived.conf: checker_log_all_failures
        public var logAllFailures = false
        /// keepalived.conf: no_checker_emails
        public var noCheckerEmails = false
        /// keepalived.conf: rs_init_notifies
        public var realServerInitNotifies = false
        /// keepalived.conf: lvs_flush (empty the IPVS table before adding ours)
        public var flushAtStart = false
        /// keepalived.conf: lvs_flush_on_stop
        public var flushOnStop = LVSGlobals.FlushOnStop.none
        public init() {}
    }

    var virtualServers: [VirtualServerState]
    var checkers: [CheckerID: CheckerState]
    let options: Options
    /// The kernel services each virtual server stands for (configuration order).
    let services: [[IPVSService]]
    /// The IPVS table as the changes sent so far leave it (from empty, or flushed).
    var table = IPVSTable()
    /// FILE_CHECK: the last value read from each tracked file, by track_file name.
    var trackFileValues: [String: Int64] = [:]

    /// Builds the model from a validated configuration (defaults already resolved).
    public init(configuration: Configuration) {
        var options = Options()
        options.logAllFailures = configuration.global.lvs.checkerLogAllFailures
        options.noCheckerEmails = configuration.global.smtp.noCheckerEmails
        options.realServerInitNotifies = configuration.global.lvs.realServerInitNotifies
        options.flushAtStart = configuration.global.lvs.flush
        options.flushOnStop = configuration.global.lvs.flushOnStop
        let smtp = configuration.global.smtp
        self.init(virtualServers: configuration.virtualServers, groups: configuration.virtualServerGroups,
                  trackFiles: configuration.trackFiles, options: options, alertDefault: smtp.alertChecker ?? smtp.alert)
    }

    /// FILE_CHECKs get the ids after their real server's other checkers (keepalived queues them last).
    public init(virtualServers: [VirtualServer], groups: [VirtualServerGroup] = [], trackFiles: [TrackFile] = [],
                options: Options = Options(), alertDefault: Bool? = nil) {
        self.options = options
        services = virtualServers.map { IPVSPlan.services($0, groups: groups) }
        var states: [VirtualServerState] = []
        var checkers: [CheckerID: CheckerState] = [:]
        for (v, vs) in virtualServers.enumerated() {
            var state = VirtualServerState(vs, identity: VirtualServerIdentity(vs, services: services[v]), alertDefault: alertDefault)
            for (r, rs) in vs.realServers.enumerated() {
                for (c, checker) in rs.checkers.enumerated() {
                    guard let kind = CheckerKind(checker.probe) else { continue }
                    let id = CheckerID(virtualServer: v, realServer: r, checker: c)
                    var checkerState = CheckerState(id: id, kind: kind, checker: checker, virtualServer: vs)
                    // keepalived: alpha checkers start failed and their server not alive; every
                    // checker starts with its retries used up, so a first failure counts at once.
                    if checkerState.alpha {
                        checkerState.isUp = false
                        state.realServers[r].failedCheckers += 1
                        state.realServers[r].alive = false
                    }
                    checkerState.retryIteration = checkerState.retry
                    // keepalived's smtp_start_check_thread starts every run with no retries used.
                    if case .smtp = kind { checkerState.retryIteration = 0 }
                    checkers[id] = checkerState
                }
                for (f, file) in Self.fileChecks(rs, trackFiles: trackFiles).enumerated() {
                    let id = CheckerID(virtualServer: v, realServer: r, checker: rs.checkers.count + f)
                    checkers[id] = CheckerState(id: id, file: file)
                }
            }
            // keepalived's set_quorum_states, before anything is alive.
            state.quorumUp = state.liveWeight >= state.quorum + state.hysteresis
            states.append(state)
        }
        self.virtualServers = states
        self.checkers = checkers
    }

    /// The checkers, in configuration order.
    public var checkerIDs: [CheckerID] { checkers.keys.sorted() }

    /// What kind of probe a checker runs.
    public func kind(of id: CheckerID) -> CheckerKind? { checkers[id]?.kind }

    /// keepalived's start_check (lvs_flush), init_services then register_checkers_thread: the
    /// services and the initially alive destinations are installed, each quorum settled, and each
    /// checker scheduled. `trackFiles` holds the value each tracked file reads at start (by
    /// track_file name; missing: 0) for the FILE_CHECKs, which are not probed.
    public mutating func start(warmup: (UInt64) -> UInt64, trackFiles: [String: Int64] = [:]) -> [CheckerAction] {
        applyInitialTrackFiles(trackFiles)
        var actions: [CheckerAction] = options.flushAtStart ? ipvs(.flush) : []
        for v in virtualServers.indices { actions += initService(virtualServer: v) }
        for id in checkerIDs { actions += activate(id, warmup: warmup) }
        return actions
    }

    /// keepalived's init_service_vs: the services not yet in the table (one a group shares with
    /// another virtual server is added once), the real servers that start in the pool, the quorum,
    /// an inhibited sorry server. After a reload, a server carried over stays as it is; only a
    /// new weight is sent.
    mutating func initService(virtualServer v: Int) -> [CheckerAction] {
        var actions: [CheckerAction] = []
        for service in services[v] where table.virtualServer(service.key) == nil {
            actions += ipvs(.addService(service))
        }
        for r in virtualServers[v].realServers.indices {
            let rs = virtualServers[v].realServers[r]
            if let before = rs.weightBeforeReload {
                if rs.effectiveWeight != before {
                    virtualServers[v].realServers[r].effectiveWeight = before
                    actions += updateWeight(rs.effectiveWeight, virtualServer: v, realServer: r, updatingQuorum: false)
                }
                continue
            }
            if (rs.failedCheckers == 0 && !rs.alive) || (rs.inhibit && !rs.inSet) {
                actions += command(.add, virtualServer: v, server: .real(r))
                if rs.failedCheckers == 0 {
                    virtualServers[v].realServers[r].alive = true
                    if options.realServerInitNotifies {
                        actions += realServerNotifies(virtualServer: v, realServer: r)
                    }
                }
            }
        }
        actions += updateQuorum(virtualServer: v, starting: true)
        if let sorry = virtualServers[v].sorry, sorry.inhibit, !sorry.inSet {
            if virtualServers[v].sorryDuplicatesRealServer {
                virtualServers[v].sorry?.inSet = true
            } else {
                // keepalived adds an inhibited sorry server at weight 0 until the quorum goes.
                virtualServers[v].sorry?.failedCheckers = 1
                actions += command(.add, virtualServer: v, server: .sorry)
                virtualServers[v].sorry?.failedCheckers = 0
            }
        }
        return actions
    }

    /// keepalived's register_checkers_thread for one checker: its first probe after the 1 s
    /// bootstrap delay plus `warmup(maximum)` µs (keepalived: random in [0, warmup]).
    func activate(_ id: CheckerID, warmup: (UInt64) -> UInt64) -> [CheckerAction] {
        // FILE_CHECKs are not probed: the tracked file's changes drive them.
        guard let checker = checkers[id] else { return [] }
        if case .file = checker.kind { return [] }
        let vs = virtualServers[id.virtualServer]
        let delay = 1_000_000 + (checker.warmup > 0 ? min(warmup(checker.warmup), checker.warmup) : 0)
        return [
            .log("Activating healthchecker for service \(vs.realServers[id.realServer].name) for VS \(vs.name)"),
            .scheduleProbe(ProbeRequest(checker: id, delay: delay, url: checker.urlIndex)),
        ]
    }

    /// A probe ended. `started` is when it began (MISC_CHECK schedules from there, as keepalived does).
    public mutating func handle(_ result: ProbeResult, for id: CheckerID, started: Instant, now: Instant) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        switch (checker.kind, result) {
        case (.tcp, .tcp(let connect)):
            return tcpCompleted(id, connect)
        case (.http, .http(let fetch)), (.ssl, .http(let fetch)):
            return httpCompleted(id, fetch)
        case (.misc, .misc(let script)):
            return miscCompleted(id, script, started: started, now: now)
        case (.smtp, .smtp(let dialogue)):
            return smtpCompleted(id, dialogue)
        case (.dns, .dns(let dialogue)):
            return dnsCompleted(id, dialogue)
        case (.udp, .udp(let datagram)):
            return udpCompleted(id, datagram)
        case (.ping, .ping(let datagram)):
            return pingCompleted(id, datagram)
        default:
            return []
        }
    }

    /// The IPVS table the changes sent so far leave.
    public var desiredTable: IPVSTable { table }

    /// The kernel services a virtual server (by configuration index) stands for.
    public func services(ofVirtualServer v: Int) -> [IPVSService] { services[v] }

    /// Whether each virtual server has its quorum.
    public func quorumUp(virtualServer: Int) -> Bool { virtualServers[virtualServer].quorumUp }

    /// Whether a real server is alive (all its checkers up).
    public func isAlive(virtualServer: Int, realServer: Int) -> Bool {
        virtualServers[virtualServer].realServers[realServer].alive
    }

    /// A real server's weight as keepalived holds it (misc_dynamic changes it).
    public func effectiveWeight(virtualServer: Int, realServer: Int) -> Int64 {
        virtualServers[virtualServer].realServers[realServer].effectiveWeight
    }
}
