/// The health checker at run time: CheckerCore's decisions driven by CheckerProbes on a thread of
/// its own (never the VRRP thread), its actions carried out in keepalived's order.
import CheckerCore
import CheckerProbes
import Glibc
import IPVSModel
import KeepalivedConfig
import LinuxNet
import Notification
import VRRPCore

final class CheckerService: @unchecked Sendable {
    // engine, factory and resolve belong to the checker thread once it runs (a reload swaps them
    // there); before start and after stop, to the caller.
    private var engine: HealthChecker
    private let loop = ProbeLoop()
    private var factory: ProbeFactory
    private let runner: ScriptRunner
    private let applier: any IPVSApplier
    private let log: @Sendable (String) -> Void
    /// -D/--log-detail: each IPVS change is logged as it is sent (keepalived logs only refusals).
    private let logChanges: Bool
    private var resolve: @Sendable (NotifyScript) -> ScriptRunner.Command
    private var thread: ServiceThread?
    /// notify_fifo and lvs_notify_fifo (NotificationAssembly.fifos).
    private let fifos: [Notification.NotifyFIFO]
    /// Where smtp_alert mails go (shared with VRRP: one queue, one rate limit).
    private let mailer: MailSender?
    /// The track_files FILE_CHECKs follow.
    private let trackedFiles: [TrackFileRuntime]
    private var fileWatcher: TrackFileWatcher?
    /// The SNMP side (set before `start`): the checker's snapshots and its traps.
    var snmp: SNMPReporter?
    /// The last snapshot handed to SNMP, so an unchanged state is not republished.
    private var published: CheckerStatusSnapshot?
    /// keepalived.conf: lvs_timeouts (empty: none).
    private var timeouts: IPVSTimeouts
    /// Set while the IPVS table is released at shutdown (the quorum traps then report status 3).
    private var stopping = false
    /// keepalived.conf: checker_priority, checker_rt_priority, checker_no_swap, checker_process_name.
    var tuning: ThreadTuning?

    init(configuration: Configuration, applier: any IPVSApplier, logChanges: Bool = false, fifos: [Notification.NotifyFIFO] = [],
         mailer: MailSender? = nil, log: @escaping @Sendable (String) -> Void) {
        engine = HealthChecker(configuration: configuration)
        timeouts = Self.timeouts(configuration)
        self.logChanges = logChanges
        self.fifos = fifos
        self.mailer = mailer
        let runner = ScriptRunner { log($0) }
        self.runner = runner
        self.applier = applier
        self.log = log
        (factory, resolve) = Self.probing(configuration, runner: runner, log: log)
        let used = Set(configuration.virtualServers.flatMap { $0.realServers.flatMap { $0.fileChecks.compactMap(\.trackFile) } })
        trackedFiles = configuration.trackFiles.compactMap { file in
            guard used.contains(file.name), let path = file.path else { return nil }
            return TrackFileRuntime(name: file.name, path: path)
        }
    }

    /// The probes and the notify-script resolution a configuration asks for.
    private static func probing(_ configuration: Configuration, runner: ScriptRunner, log: @escaping @Sendable (String) -> Void)
        -> (ProbeFactory, @Sendable (NotifyScript) -> ScriptRunner.Command) {
        let global = configuration.global
        let resolve: @Sendable (NotifyScript) -> ScriptRunner.Command = { script in
            NotificationAssembly.resolve(script, global: global) { log($0) }
        }
        let factory = ProbeFactory(virtualServers: configuration.virtualServers, ssl: configuration.ssl, runner: runner) { script in
            resolve(script)
        }
        for line in factory.setupLog { log(line) }
        return (factory, resolve)
    }

    /// SIGHUP: the checker thread swaps in the new configuration's engine between two probes
    /// (keepalived's reload_check_thread); the probes of unchanged checkers go on, the IPVS table
    /// is changed only where the configuration changed.
    func reload(_ configuration: Configuration) {
        let fresh = HealthChecker(configuration: configuration)
        let (factory, resolve) = Self.probing(configuration, runner: runner, log: log)
        loop.perform { [self] in
            var random = SystemRandomNumberGenerator()
            let reload = engine.reloaded(to: fresh) { maximum in UInt64.random(in: 0...maximum, using: &random) }
            loop.retarget(reload.continuing)
            engine = reload.engine
            self.factory = factory
            self.resolve = resolve
            // keepalived: the new lvs_timeouts, or the kernel's own back when they were dropped.
            let timeouts = Self.timeouts(configuration)
            if !timeouts.isEmpty || !self.timeouts.isEmpty { applier.setTimeouts(timeouts.isEmpty ? nil : timeouts) }
            self.timeouts = timeouts
            execute(reload.actions, now: MonotonicClock.now())
            log("Reloaded the checker: \(reload.continuing.count) of \(engine.checkerIDs.count) checkers carried over")
        }
    }

    /// A manager's weight for a real server (SNMP realServerWeight), applied on the checker thread.
    func managerSetWeight(_ weight: UInt8, virtualServer v: Int, realServer r: Int) {
        loop.perform { [self] in
            execute(engine.managerSetWeight(Int64(weight), virtualServer: v, realServer: r), now: MonotonicClock.now())
        }
    }

    /// keepalived.conf: lvs_timeouts tcp N tcpfin N udp N (0 for each not given).
    static func timeouts(_ configuration: Configuration) -> IPVSTimeouts {
        let lvs = configuration.global.lvs
        return IPVSTimeouts(tcp: lvs.tcpTimeout ?? 0, tcpFin: lvs.tcpFinTimeout ?? 0, udp: lvs.udpTimeout ?? 0)
    }

    /// Starts the checker thread.
    func start() {
        let thread = ServiceThread { [self] in run() }
        self.thread = thread
        thread.start()
    }

    /// Ends the FIFO reader scripts (keepalived's first step), stops the probes and waits for the
    /// thread, then, unless `releaseIPVS` is false (-I/--dont-release-ipvs), takes our services out
    /// of the IPVS table as keepalived does. What that starts (omega's scripts and mails) gets one
    /// second, keepalived's allowance for its last scripts.
    func stop(releaseIPVS: Bool) {
        for fifo in fifos { fifo.stopReader() }
        loop.stop()
        thread?.join()
        stopping = true
        // keepalived's ipvs_stop puts the kernel's timeouts back, -I or not.
        defer { applier.setTimeouts(nil) }
        guard releaseIPVS else { return }
        let earlier = runner.running
        let started = MonotonicClock.now()
        let actions = engine.stop()
        execute(actions, now: started)
        runner.finish(runner.running.subtracting(earlier), within: 1000)
        guard actions.contains(where: { if case .alert = $0 { true } else { false } }) else { return }
        let spent = Int((MonotonicClock.now().microseconds - started.microseconds) / 1000)
        mailer?.flush(within: 1000 - spent)
    }

    private func run() {
        tuning?.applyToCurrentThread()
        var random = SystemRandomNumberGenerator()
        // Read here, on the checker's thread, after the VRRP side has applied any init_file.
        var initialValues: [String: Int64] = [:]
        if !trackedFiles.isEmpty {
            let watcher = TrackFileWatcher(trackedFiles) { [log] in log($0) }
            for (name, value) in watcher.initialValues { initialValues[name] = value }
            loop.watch(watcher.descriptor) { [self] in
                for (name, value) in watcher.changes() {
                    execute(engine.trackFileChanged(name, value: value), now: MonotonicClock.now())
                }
            }
            fileWatcher = watcher
        }
        // keepalived sets lvs_timeouts before it programs the table.
        if !timeouts.isEmpty { applier.setTimeouts(timeouts) }
        let now = MonotonicClock.now()
        execute(engine.start(warmup: { maximum in UInt64.random(in: 0...maximum, using: &random) }, trackFiles: initialValues), now: now)
        loop.run(
            start: { [self] request, now in factory.start(request, now: now) },
            finished: { [self] id, result, started, now in
                execute(engine.handle(result, for: id, started: started, now: now), now: now)
                runner.reap()
            })
    }

    private func execute(_ actions: [CheckerAction], now: Instant) {
        for action in actions {
            switch action {
            case .log(let line): log(line)
            case .ipvs(let change):
                if logChanges { log("IPVS: \(change)") }
                applier.apply(change)
            case .runScript(let script): runner.launch(resolve(script))
            case .scheduleProbe(let request): loop.schedule(request, now: now)
            case .fifo(let line): for fifo in fifos { fifo.write(line) }
            case .alert(let alert): mailer?.checkerAlert(MailAssembly.subject(alert.subject), state: alert.state, body: alert.message)
            case .realServerChanged(let v, let r, _): snmp?.realServerChanged(virtualServer: v, realServer: r, engine.statusSnapshot)
            case .quorumChanged(let v, _): snmp?.quorumChanged(virtualServer: v, stopping: stopping, engine.statusSnapshot)
            }
        }
        publishStatus()
    }

    /// Hands SNMP the engine's state when it changed (a value: SNMP never reads the engine).
    private func publishStatus() {
        guard let snmp else { return }
        let snapshot = engine.statusSnapshot
        guard snapshot != published else { return }
        published = snapshot
        snmp.checkerStatusChanged(snapshot)
    }
}
