/// Turns a checker's configuration into the probe it runs (connect_ip/port, bindto, timeouts,
/// the url to fetch and its regex, SSL_GET's TLS context and SNI name, the script and its user,
/// the HELO name, the DNS question, the UDP payload).
import CheckerCore
import KeepalivedConfig
import Notification
import VRRPCore

public struct ProbeFactory: Sendable {
    private let virtualServers: [VirtualServer]
    private let runner: ScriptRunner
    private let resolveScript: @Sendable (NotifyScript) -> ScriptRunner.Command
    private let tls: TLSContext?
    private let regexes: [RegexKey: BodyRegex]
    /// What setting up gave to log: keepalived's lines for an `SSL { }` context that cannot be
    /// built (its SSL_GET checkers then fail every time) and for regexes that do not compile.
    public let setupLog: [String]

    /// `resolveScript` turns a misc_path into argv and the user to run as (script_user rules);
    /// `ssl` is the `SSL { }` block SSL_GET checkers share.
    public init(virtualServers: [VirtualServer], ssl: SSLSettings? = nil, runner: ScriptRunner,
                resolveScript: @escaping @Sendable (NotifyScript) -> ScriptRunner.Command) {
        self.virtualServers = virtualServers
        self.runner = runner
        self.resolveScript = resolveScript
        var log: [String] = []
        let kinds = virtualServers.flatMap { $0.realServers.flatMap { $0.checkers.map(\.probe) } }
        if kinds.contains(where: { if case .ssl = $0 { true } else { false } }) {
            switch TLSContext.checker(certificateChain: ssl?.certificateFile, key: ssl?.keyFile, password: ssl?.password,
                                      caFile: ssl?.caFile) {
            case .success(let context): tls = context
            case .failure(let error):
                tls = nil
                log += [error.reason, "Error Initialize SSL, ctx Instance", "  SSL  keyfile:\(ssl?.keyFile ?? "(null)")",
                        "  SSL   cafile:\(ssl?.caFile ?? "(null)")"]
            }
        } else {
            tls = nil
        }
        let compiled = RegexKey.compileAll(kinds)
        regexes = compiled.regexes
        setupLog = log + compiled.errors
    }

    public func start(_ request: ProbeRequest, now: Instant) -> ProbeStart? {
        let id = request.checker
        let vs = virtualServers[id.virtualServer]
        let rs = vs.realServers[id.realServer]
        let checker = rs.checkers[id.checker]
        let connection = checker.connection ?? ConnectionOptions()
        let target = ProbeEndpoint(address: connection.connectIP ?? rs.address, port: connection.connectPort ?? rs.port ?? 0)
        let source = connection.bindTo.map { ProbeEndpoint(address: $0, port: connection.bindPort ?? 0) }
        let timeout = connection.connectTimeout ?? rs.connectTimeout ?? vs.connectTimeout
        switch checker.probe {
        case .tcp:
            return Self.launch(TCPConnectProbe(target: target, source: source, fwmark: connection.fwmark, timeout: timeout, now: now))
        case .http(let http), .ssl(let http):
            guard let index = request.url, index < http.urls.count else { return .result(.http(.failed(reason: "no url"))) }
            let url = http.urls[index]
            let host = url.virtualhost ?? http.virtualhost ?? rs.virtualhost ?? vs.virtualhost
            let bytes = HTTPGetProbe.request(path: url.path ?? "/", protocolVersion: http.httpProtocol,
                                             virtualhost: host, target: target)
            var reader = HTTPResponseReader()
            reader.wantDigest = url.digest != nil
            if url.regex != nil, let regex = regexes[RegexKey(url)] {
                reader.regex = RegexScan(regex: regex, minOffset: url.regexMinOffset, maxOffset: url.regexMaxOffset)
            }
            var session: HTTPGetProbe.TLS?
            if case .ssl = checker.probe {
                guard let tls else { return .result(.http(.failed(reason: HTTPGetProbe.handshakeError))) }
                // keepalived: SNI names the url's, the checker's or the virtual server's virtualhost.
                session = HTTPGetProbe.TLS(context: tls, serverName: http.enableSNI ? url.virtualhost ?? http.virtualhost ?? vs.virtualhost : nil)
            }
            return Self.launch(HTTPGetProbe(target: target, source: source, fwmark: connection.fwmark, request: bytes, response: reader,
                                            tls: session, timeout: timeout, now: now))
        case .misc(let misc):
            guard var script = misc.script else { return nil }
            if let user = misc.user {
                script.user = user
                script.group = misc.group
            }
            return Self.launch(ScriptProbe(command: resolveScript(script), runner: runner,
                                           timeout: misc.timeout ?? vs.delayLoop, now: now))
        case .smtp(let smtp):
            return Self.launch(SMTPProbe(target: target, source: source, fwmark: connection.fwmark, heloName: smtp.heloName,
                                         realServer: ProbeEndpoint(address: rs.address, port: rs.port ?? 0),
                                         timeout: timeout, now: now))
        case .dns(let dns):
            return Self.launch(DNSProbe(target: target, source: source, fwmark: connection.fwmark, check: dns, timeout: timeout, now: now))
        case .udp(let udp):
            return Self.launch(UDPProbe(target: target, source: source, fwmark: connection.fwmark, check: udp, timeout: timeout, now: now))
        case .ping:
            return Self.launch(PingProbe(target: target, timeout: timeout, now: now))
        case .bfd:
            // BFD_CHECK is not built yet.
            return nil
        }
    }

    /// A probe that already has its result needs no polling.
    private static func launch(_ probe: any Probe) -> ProbeStart {
        if let result = probe.immediateResult { return .result(result) }
        return .probe(RunningProbe(probe: probe))
    }
}
