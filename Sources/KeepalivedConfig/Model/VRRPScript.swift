/// keepalived.conf: vrrp_script NAME { ... } — a command run periodically whose exit status
/// adjusts the priority of the instances and sync groups that track it.
public struct VRRPScript: Sendable {
    /// keepalived.conf: vrrp_script NAME
    public var name: String
    public var location: SourceLocation
    /// keepalived.conf: script "PATH ARGS" (quote/escape split; user and group from `user`).
    public var script: NotifyScript?
    /// keepalived.conf: interval SECONDS — whole seconds in 2.2.7, held in microseconds; default 1 s.
    public var interval: UInt64 = 1_000_000
    /// keepalived.conf: timeout SECONDS — whole seconds, in microseconds; 0 (the default) means
    /// the interval is used.
    public var timeout: UInt64 = 0
    /// keepalived.conf: weight -253..253 [reverse]; default 0.
    public var weight: Int = 0
    /// keepalived.conf: weight N reverse
    public var weightReverse = false
    /// keepalived.conf: rise N (successes before OK); default 1.
    public var rise: Int = 1
    /// keepalived.conf: fall N (failures before KO); default 1.
    public var fall: Int = 1
    /// keepalived.conf: user USER [GROUP] — the user the script runs as (nil: the default script user).
    public var user: String?
    /// keepalived.conf: user USER GROUP
    public var group: String?
    /// Whether `user` was given and valid.
    public var userSet = false
    /// A `user` line named a user or group that does not exist: the script is dropped at the end.
    var userInvalid = false
    /// keepalived.conf: init_fail — start in the failed state.
    public var initFail = false

    public init(name: String, location: SourceLocation) { self.name = name; self.location = location }
}
