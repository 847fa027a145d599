/// keepalived.conf: lvs_sync_daemon — which IPVS sync daemons run when, as keepalived 2.2.7 drives
/// them: with a VRRP instance named, its VRRP side starts a backup daemon at start, switches to a
/// master daemon while the instance is master and back to backup when it leaves master, and stops
/// the one running at shutdown (vrrp_scheduler.c vrrp_init_state, vrrp.c become/leave master,
/// vrrp_daemon.c); with none named, its checker runs both from start to stop (check_daemon.c).
import IPVSModel
import KeepalivedConfig
import VRRPCore

struct LVSSyncDaemonPlan: Sendable, Equatable {
    /// One IPVS_CMD_NEW_DAEMON or IPVS_CMD_DEL_DAEMON.
    struct Step: Sendable, Equatable {
        enum Command: Sendable, Equatable { case start, stop }
        var command: Command
        var state: IPVSSyncState
        /// The settings it starts with, or whose sync id it stops.
        var daemon: IPVSSyncDaemon
        /// keepalived ignores errors when it clears daemons left by an earlier run.
        var quiet = false
    }

    private func step(_ command: Step.Command, _ state: IPVSSyncState, quiet: Bool = false) -> Step {
        Step(command: command, state: state, daemon: daemon, quiet: quiet)
    }

    /// The daemon's settings (its state is set per step).
    let daemon: IPVSSyncDaemon
    /// The vrrp_instance whose state it follows; nil: master and backup both run.
    let instance: String?
    /// The state the instance-driven daemon runs in.
    private(set) var running: IPVSSyncState?

    /// The plan a configuration asks for, and the lines to log: none without lvs_sync_daemon, none
    /// (with keepalived's error line) when the instance it names does not exist, and none without an
    /// instance unless the checker runs (keepalived's checker process runs that one).
    static func resolve(_ configuration: Configuration, runsChecker: Bool) -> (plan: LVSSyncDaemonPlan?, log: [String]) {
        guard let sync = configuration.global.lvs.syncDaemon, sync.vrrpInstance != nil || runsChecker else { return (nil, []) }
        var syncID = sync.syncID.map(UInt32.init)
        if let name = sync.vrrpInstance {
            guard let instance = configuration.vrrpInstances.first(where: { $0.name == name }) else {
                return (nil, ["Unable to find vrrp instance \(name) for lvs_syncd - clearing lvs_syncd config"])
            }
            // keepalived: the sync id defaults to the instance's VRID.
            if syncID == nil { syncID = instance.vrid.map { UInt32($0.rawValue) } }
        }
        let daemon = IPVSSyncDaemon(state: .backup, interface: sync.interface, syncID: syncID ?? 0, maxLength: sync.maxLength,
                                    port: sync.port, ttl: sync.ttl, group: sync.group)
        return (LVSSyncDaemonPlan(daemon: daemon, instance: sync.vrrpInstance), [])
    }

    /// At start: a backup daemon until the instance becomes master; without an instance, whatever an
    /// earlier run left is cleared and both daemons start.
    mutating func started() -> [Step] {
        guard instance != nil else {
            return [step(.stop, .master, quiet: true), step(.stop, .backup, quiet: true), step(.start, .master), step(.start, .backup)]
        }
        running = .backup
        return [step(.start, .backup)]
    }

    /// An instance's transition: entering master swaps the backup daemon for a master one, leaving
    /// master swaps it back (keepalived's ipvs_syncd_master and ipvs_syncd_backup). Shutdown's own
    /// transitions change nothing: `stopped` ends the daemon that runs.
    mutating func transition(instance name: String, to state: VRRPCore.VRRPState) -> [Step] {
        guard let current = running, name == instance, state != .stop else { return [] }
        let wanted: IPVSSyncState = state == .master ? .master : .backup
        guard wanted != current else { return [] }
        running = wanted
        return [step(.stop, current), step(.start, wanted)]
    }

    /// SIGHUP: an unchanged lvs_sync_daemon is left running; a changed one (or one added or removed)
    /// is stopped and started again with its new settings, in the state its instance is in, as
    /// keepalived 2.2.7 leaves it after a reload.
    static func reconfigured(from old: LVSSyncDaemonPlan?, to new: LVSSyncDaemonPlan?,
                             instanceStates: [String: VRRPCore.VRRPState]) -> (plan: LVSSyncDaemonPlan?, steps: [Step]) {
        guard old?.daemon != new?.daemon || old?.instance != new?.instance else { return (old, []) }
        var previous = old
        var steps = previous?.stopped() ?? []
        guard var plan = new else { return (nil, steps) }
        steps += plan.started()
        if let name = plan.instance, let state = instanceStates[name] { steps += plan.transition(instance: name, to: state) }
        return (plan, steps)
    }

    /// At shutdown: the running daemon stops (both without an instance, errors ignored as keepalived's
    /// checker ignores them).
    mutating func stopped() -> [Step] {
        guard instance != nil else {
            return [step(.stop, .master, quiet: true), step(.stop, .backup, quiet: true)]
        }
        guard let current = running else { return [] }
        running = nil
        return [step(.stop, current)]
    }
}
