/// `keepalived --signum=SIGFUNC`: which signal asks the running daemon for what (lib/signals.c get_signum).
import Glibc

/// A request an operator sends the daemon with kill(1), named as `--signum` names it.
public enum SignalFunction: String, CaseIterable, Sendable {
    /// Stop the daemon: SIGTERM.
    case stop = "STOP"
    /// Reload the configuration: SIGHUP.
    case reload = "RELOAD"
    /// Dump the data (keepalived.data): SIGUSR1.
    case data = "DATA"
    /// Dump the statistics (keepalived.stats): SIGUSR2.
    case stats = "STATS"
    /// Dump and clear the statistics: SIGRTMAX-1.
    case statsClear = "STATS_CLEAR"
    /// Dump the state as JSON (keepalived.json): SIGRTMIN+2.
    case json = "JSON"

    /// keepalived matches the name exactly (case-sensitive); anything else is an unknown sigfunc.
    public init?(name: String) { self.init(rawValue: name) }

    /// The signal number given the real-time signal range (glibc reserves the first few for itself).
    public func signalNumber(realTimeMin: Int32, realTimeMax: Int32) -> Int32 {
        switch self {
        case .stop: SIGTERM
        case .reload: SIGHUP
        case .data: SIGUSR1
        case .stats: SIGUSR2
        case .statsClear: realTimeMax - 1
        case .json: realTimeMin + 2
        }
    }

    /// The signal number on this machine (SIGRTMIN/SIGRTMAX are glibc's run-time values).
    public var signalNumber: Int32 {
        signalNumber(realTimeMin: __libc_current_sigrtmin(), realTimeMax: __libc_current_sigrtmax())
    }

    /// What `--signum=NAME` prints and its exit status: the number on stdout and 0, or
    /// `Unknown sigfunc NAME` on stderr and 1.
    public static func answer(_ name: String) -> (standardOutput: String?, standardError: String?, status: Int32) {
        guard let function = SignalFunction(name: name) else { return (nil, "Unknown sigfunc \(name)", 1) }
        return ("\(function.signalNumber)", nil, 0)
    }
}
