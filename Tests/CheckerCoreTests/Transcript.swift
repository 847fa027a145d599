import CheckerCore
import IPVSModel
import KeepalivedConfig
import KeepalivedTestSupport
import VRRPCore

/// Loads a configuration and builds the engine from it.
func engine(_ text: String) -> HealthChecker {
    let loaded = ConfigLoader.load(
        .init(configFile: "/etc/keepalived/keepalived.conf", configID: "lab1", reportUnsupported: false),
        host: InMemoryHost(files: ["/etc/keepalived/keepalived.conf": text]))
    return HealthChecker(configuration: loaded.configuration)
}

/// One line per action, for transcripts that read like keepalived's log.
func render(_ actions: [CheckerAction]) -> [String] {
    actions.compactMap { action in
        switch action {
        case .log(let line): return line
        case .ipvs(let change): return "ipvs \(change)"
        case .runScript(let script): return "script \(script.arguments.joined(separator: " "))"
        case .fifo(let line): return "fifo \(line)"
        case .alert(let alert):
            switch alert.subject {
            case let .realServer(rs, vs): return "mail Realserver \(rs) of virtual server \(vs) - \(alert.state): \(alert.message)"
            case let .virtualServer(vs): return "mail Virtualserver \(vs) - \(alert.state): \(alert.message)"
            }
        case .realServerChanged, .quorumChanged: return nil
        case .scheduleProbe(let request):
            return "probe \(request.checker.realServer).\(request.checker.checker) in "
                + (request.delay % 1_000_000 == 0 ? "\(request.delay / 1_000_000).0s" : "\(request.delay)µs")
                + (request.url.map { " url \($0)" } ?? "")
        }
    }
}

/// Drives an engine with a manual clock.
struct Driver {
    var checker: HealthChecker
    var now = Instant.zero

    init(_ text: String) { checker = engine(text) }

    mutating func start() -> [String] { render(checker.start { _ in 0 }) }

    mutating func result(_ result: ProbeResult, rs: Int, checker c: Int = 0, vs: Int = 0, after seconds: UInt64 = 1) -> [String] {
        let started = now
        now = now.adding(seconds * 1_000_000)
        return render(checker.handle(result, for: CheckerID(virtualServer: vs, realServer: rs, checker: c), started: started, now: now))
    }

    /// The destinations of the virtual server's first kernel service, sorted, as `[address]:port wN`.
    func table(_ vs: Int = 0) -> [String] {
        guard let key = checker.services(ofVirtualServer: vs).first?.key else { return [] }
        return (checker.desiredTable.virtualServer(key)?.destinations ?? []).map { "[\($0.address)]:\($0.port) w\($0.weight)" }
    }
}
