/// The health checker at run time: CheckerCore's decisions driven by CheckerProbes on a thread of
/// its own (never the VRRP thread), its actions carried out in keepalived's order.
import CheckerCore
import CheckerProbes
import Glibc
import KeepalivedConfig
import LinuxNet
import Notification
import VRRPCore

final class CheckerService: @unchecked Sendable {
    private var engine: HealthChecker
    private let loop = ProbeLoop()
    private let factory: ProbeFactory
    private let runner: ScriptRunner
    private let applier: any IPVSApplier
    private let log: @Sendable (String) -> Void
    private let resolve: @Sendable (NotifyScript) -> ScriptRunner.Command
    private var thread: ServiceThread?
    /// keepalived.conf: checker_priority, checker_rt_priority, checker_no_swap, checker_process_name.
    var tuning: ThreadTuning?

    init(configuration: Configuration, applier: any IPVSApplier, log: @escaping @Sendable (String) -> Void) {
        engine = HealthChecker(configuration: configuration)
        let runner = ScriptRunner { log($0) }
        self.runner = runner
        self.applier = applier
        self.log = log
        let global = configuration.global
        let resolve: @Sendable (NotifyScript) -> ScriptRunner.Command = { script in
            NotificationAssembly.resolve(script, global: global) { log($0) }
        }
        self.resolve = resolve
        factory = ProbeFactory(virtualServers: configuration.virtualServers, runner: runner) { script in resolve(script) }
        for line in Self.unprogrammedTunnelSettings(configuration.virtualServers) { log(line) }
    }

    /// One line per server whose `lvs_method TUN` names a type or checksum option: IPVS gets a
    /// plain ipip tunnel for it, since those destination attributes are not programmed yet.
    static func unprogrammedTunnelSettings(_ virtualServers: [VirtualServer]) -> [String] {
        var lines: [String] = []
        for vs in virtualServers {
            var servers = vs.realServers.map { ($0.address, $0.port, $0.forwarding) }
            if let sorry = vs.sorryServer { servers.append((sorry.address, sorry.port, sorry.forwarding)) }
            for (address, port, method) in servers {
                guard let method, method.kind == .tunnel, method.tunnelType != .ipip || method.tunnelChecksum != .none else { continue }
                lines.append("\(vs.keepalivedName(destination: address, port: port)) of VS \(vs.keepalivedName): lvs_method TUN type "
                             + "\(method.tunnelType.rawValue) \(method.tunnelChecksum.rawValue) is not programmed yet; IPVS gets ipip")
            }
        }
        return lines
    }

    /// Starts the checker thread.
    func start() {
        let thread = ServiceThread { [self] in run() }
        self.thread = thread
        thread.start()
    }

    /// Stops the probes and waits for the thread, then, unless `releaseIPVS` is false
    /// (-I/--dont-release-ipvs), takes our services out of the IPVS table as keepalived does.
    func stop(releaseIPVS: Bool) {
        loop.stop()
        thread?.join()
        if releaseIPVS { execute(engine.stop(), now: MonotonicClock.now()) }
    }

    private func run() {
        tuning?.applyToCurrentThread()
        var random = SystemRandomNumberGenerator()
        let now = MonotonicClock.now()
        execute(engine.start { maximum in UInt64.random(in: 0...maximum, using: &random) }, now: now)
        loop.run(
            start: { [factory] request, now in factory.start(request, now: now) },
            finished: { [self] id, result, started, now in
                execute(engine.handle(result, for: id, started: started, now: now), now: now)
                runner.reap()
            })
    }

    private func execute(_ actions: [CheckerAction], now: Instant) {
        for action in actions {
            switch action {
            case .log(let line): log(line)
            case .ipvs(let change): applier.apply(change)
            case .runScript(let script): runner.launch(resolve(script))
            case .scheduleProbe(let request): loop.schedule(request, now: now)
            case .fifo, .alert, .realServerChanged, .quorumChanged:
                // notify_fifo lines, smtp_alert mails and the checker traps are not wired yet.
                break
            }
        }
    }
}
