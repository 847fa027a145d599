/// keepalived.conf: vrrp_track_process NAME { ... } — a process whose number of instances
/// decides whether the trackers see it up.
public struct TrackProcess: Sendable {
    /// How a process's parameters are compared (keepalived.conf: param_match).
    public enum ParameterMatch: Sendable, Hashable {
        case none, exact, initial, partial
    }

    /// keepalived.conf: vrrp_track_process NAME
    public var name: String
    public var location: SourceLocation
    /// keepalived.conf: process PATH [PARAMS...] (the path or name)
    public var process: String?
    /// keepalived.conf: process PATH PARAMS... (the parameters, each word)
    public var parameters: [String] = []
    /// keepalived.conf: param_match [initial|partial]
    public var parameterMatch: ParameterMatch = .none
    /// keepalived.conf: full_command (also implied by parameters and param_match)
    public var fullCommand = false
    /// keepalived.conf: weight -254..254 [reverse]; default 0.
    public var weight: Int = 0
    /// keepalived.conf: weight N reverse
    public var weightReverse = false
    /// keepalived.conf: quorum 1..65535; default 1.
    public var quorum: UInt32 = 1
    /// keepalived.conf: quorum_max 0..65535; default unlimited (UInt32.max).
    public var quorumMax: UInt32 = UInt32.max
    /// keepalived.conf: terminate_delay (or delay), microseconds; 0 means none.
    public var terminateDelay: UInt64 = 0
    /// keepalived.conf: fork_delay (or delay), microseconds; 0 means none.
    public var forkDelay: UInt64 = 0

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
