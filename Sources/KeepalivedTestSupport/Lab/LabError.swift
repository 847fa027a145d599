// Why a lab could not be built or a command in it failed.

/// Failures of the namespace lab. Each case says what to do about it.
public enum LabError: Error, CustomStringConvertible {
    /// The machine cannot host a lab (not root, or iproute2 missing).
    case unavailable(String)
    /// A command that had to succeed did not.
    case commandFailed(CommandResult)
    /// A program could not be started at all.
    case launchFailed(String, underlying: String)
    /// Something expected did not happen in time.
    case timeout(String)
    /// A request the lab cannot satisfy (bad router number, path outside /etc, ...).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "network-namespace lab unavailable: \(reason)"
        case .commandFailed(let result): "lab command failed: \(result)"
        case .launchFailed(let program, let underlying): "cannot start \(program): \(underlying)"
        case .timeout(let what): "lab timeout: \(what)"
        case .invalidRequest(let what): "invalid lab request: \(what)"
        }
    }
}
