/// genhash's own command line (`keepalived -T ...`, or keepalived run as `genhash`): keepalived
/// 2.2.7's check_genhash options, messages and usage text.
import CheckerProbes
import KeepalivedConfig
import NetworkTypes

public struct GenhashCommandLine: Sendable {
    /// What to fetch; nil when the usage text is printed instead (exit status 1).
    public var request: GenhashFetch.Request?
    /// -v: verbose output.
    public var verbose = false
    /// Lines for standard error before the usage text or the fetch.
    public var messages: [String] = []

    enum Option: Hashable, Sendable { case help, verbose, ssl, sni, server, virtualhost, port, url, fwmark, proto, timeout }

    static let table: [GetoptOption<Option>] = [
        .init(.help, short: "h", long: "help", argument: .none),
        .init(.verbose, short: "v", long: "verbose", argument: .none),
        .init(.ssl, short: "S", long: "use-ssl", argument: .none),
        .init(.sni, short: "I", long: "use-sni", argument: .none),
        .init(.server, short: "s", long: "server", argument: .required),
        .init(.virtualhost, short: "V", long: "use-virtualhost", argument: .required),
        .init(.port, short: "p", long: "port", argument: .required),
        .init(.url, short: "u", long: "url", argument: .required),
        .init(.fwmark, short: "m", long: "fwmark", argument: .required),
        .init(.proto, short: "P", long: "protocol", argument: .required),
        .init(.timeout, short: "t", long: "timeout", argument: .required),
    ]

    /// Parses the words genhash gets (after -T, or argv without argv[0] when run as genhash).
    /// `bare` is keepalived's `argc <= 2`: nothing to parse, the usage text at once.
    public static func parse(_ arguments: [String], bare: Bool) -> GenhashCommandLine {
        var result = GenhashCommandLine()
        guard !bare else { return result }
        var getopt = Getopt(options: table, arguments: arguments)
        var bad = false
        var address: IPAddress?
        var port: UInt16?
        var path: String?
        var request = GenhashFetch.Request(target: ProbeEndpoint(address: IPAddress("0.0.0.0")!, port: 0), path: "/")
        while let event = getopt.next() {
            switch event {
            case .unknown(let spelling):
                result.messages.append("Unknown option \(spelling)")
                bad = true
            case .missingArgument(let name):
                result.messages.append("Missing parameter for option \(name)")
                bad = true
            case .option(let option, let argument, _):
                let value = argument ?? ""
                switch option {
                case .help: bad = true
                case .verbose: result.verbose = true
                case .ssl: request.useTLS = true
                case .sni: request.sni = true
                case .server:
                    guard let parsed = IPAddress(value) else { return result.failing("server should be an IP, not \(value)") }
                    address = parsed
                case .virtualhost: request.virtualhost = value
                case .port:
                    guard let number = Self.number(value), number > 0, number <= 65535 else {
                        return result.failing("invalid port number '\(value)'")
                    }
                    port = UInt16(number)
                case .url: path = value
                case .fwmark:
                    let trimmed = value.drop { $0 == " " || $0 == "\t" }
                    guard !trimmed.hasPrefix("-"), !trimmed.hasPrefix(" "), let mark = UInt32(trimmed.isEmpty ? "0" : trimmed) else {
                        return result.failing("invalid fwmark '\(value)'")
                    }
                    request.fwmark = mark
                case .proto:
                    switch value {
                    case "1.0": request.protocolVersion = .http10
                    case "1.0c", "1.0C": request.protocolVersion = .http10Close
                    case "1.1": request.protocolVersion = .http11
                    default: return result.failing("invalid HTTP protocol version '\(value)'")
                    }
                case .timeout:
                    let trimmed = value.drop { $0 == " " || $0 == "\t" }
                    guard !trimmed.hasPrefix("-"), let seconds = UInt32(trimmed) else { return result.failing("invalid timeout '\(value)'") }
                    request.timeout = UInt64(seconds) * 1_000_000
                }
            }
        }
        guard !bad else { return result }
        if !getopt.operands.isEmpty {
            return result.failing("Unexpected argument(s):" + getopt.operands.map { " \($0)" }.joined())
        }
        guard let address, let port, let path else { return result }
        request.target = ProbeEndpoint(address: address, port: port)
        request.path = path
        result.request = request
        return result
    }

    /// strtol(3) base 10 over the whole word: leading blanks and a sign allowed.
    static func number(_ text: String) -> Int? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        return Int(trimmed.hasPrefix("+") ? trimmed.dropFirst() : trimmed)
    }

    private func failing(_ message: String) -> GenhashCommandLine {
        var copy = self
        copy.messages.append(message)
        copy.request = nil
        return copy
    }

    /// keepalived's genhash usage text; `asGenhash` when run by that name.
    public static func usage(programName: String, asGenhash: Bool) -> String {
        """
        Usage: \(programName)\(asGenhash ? "" : " --genhash") COMMAND [OPTIONS]
        Commands:
           -s server-address -p port -u url
           -S -s server-address -p port -u url
           -h

        Options:
        Either long or short options are allowed.
           --use-ssl         -S       Use SSL connection to remote server.
           --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).
           --server          -s       Use the specified remote server address.
           --port            -p       Use the specified remote server port.
           --url             -u       Use the specified remote server url.
           --use-virtualhost -V       Use the specified virtualhost in GET query.
           --verbose         -v       Use verbose mode output.
           --help            -h       Display this short inlined help screen.
           --fwmark          -m       Use the specified FW mark.
           --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.
                                        1.0c means 1.0 with 'Connection: close'
           --timeout         -t       Timeout in seconds

        """
    }
}
