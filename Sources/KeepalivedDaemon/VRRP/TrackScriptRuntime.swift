import Notification
import VRRPCore

/// A vrrp_script as the VRRP thread runs it.
public struct TrackScriptRuntime: Sendable, Hashable {
    public var name: String
    public var command: ScriptRunner.Command
    /// keepalived.conf: interval (µs)
    public var interval: UInt64
    /// keepalived.conf: timeout (µs; 0 means the interval)
    public var timeout: UInt64
    public var rise: Int
    public var fall: Int
    public var initFail: Bool

    public init(name: String, command: ScriptRunner.Command, interval: UInt64, timeout: UInt64, rise: Int, fall: Int, initFail: Bool) {
        self.name = name
        self.command = command
        self.interval = interval
        self.timeout = timeout
        self.rise = rise
        self.fall = fall
        self.initFail = initFail
    }
}

/// One vrrp_script's schedule: when it runs next, and the run in progress.
final class TrackScriptSchedule {
    let script: TrackScriptRuntime
    var nextRun: Instant
    var running: (pid: Int32, started: Instant)?
    var killedForTimeout = false

    init(script: TrackScriptRuntime, firstRun: Instant) {
        self.script = script
        nextRun = firstRun
    }

    var deadline: Instant? {
        guard let running else { return nextRun }
        let timeout = script.timeout > 0 ? script.timeout : script.interval
        return running.started.adding(timeout)
    }
}
