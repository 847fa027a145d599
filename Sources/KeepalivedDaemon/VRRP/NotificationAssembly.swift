import Glibc
import KeepalivedConfig
import Notification
import VRRPCore

/// Builds the notifier's view of the configuration: each instance's scripts with the user they run
/// as, and the FIFOs VRRP events go to.
enum NotificationAssembly {
    static func notifications(_ configuration: Configuration, log: (String) -> Void) -> [String: InstanceNotifications] {
        var result: [String: InstanceNotifications] = [:]
        let global = configuration.global
        func command(_ script: NotifyScript?) -> ScriptRunner.Command? {
            guard let script else { return nil }
            return resolve(script, global: global, log: log)
        }
        for instance in configuration.vrrpInstances {
            result[instance.name] = InstanceNotifications(
                master: command(instance.notifyMaster), backup: command(instance.notifyBackup),
                fault: command(instance.notifyFault), stop: command(instance.notifyStop), generic: command(instance.notify),
                masterReceivedLowerPriority: command(instance.notifyMasterReceivedLowerPriority),
                deleted: command(instance.notifyDeletedScript))
        }
        return result
    }

    /// The vrrp_sync_groups' notify scripts.
    static func groupNotifications(_ configuration: Configuration, log: (String) -> Void) -> [String: InstanceNotifications] {
        var result: [String: InstanceNotifications] = [:]
        for group in configuration.syncGroups {
            func command(_ script: NotifyScript?) -> ScriptRunner.Command? {
                script.map { resolve($0, global: configuration.global, log: log) }
            }
            result[group.name] = InstanceNotifications(
                master: command(group.notifyMaster), backup: command(group.notifyBackup), fault: command(group.notifyFault),
                stop: command(group.notifyStop), generic: command(group.notify))
        }
        return result
    }

    /// The notify FIFOs each side writes to: VRRP to notify_fifo and vrrp_notify_fifo, the checker
    /// to notify_fifo and lvs_notify_fifo.
    struct FIFOs {
        var vrrp: [Notification.NotifyFIFO]
        var checker: [Notification.NotifyFIFO]
    }

    /// Opens each FIFO once, with its notify_fifo_script started as keepalived starts it: the FIFO's
    /// name as its last argument, once the FIFO exists. As keepalived does, a specific FIFO naming
    /// notify_fifo's path is dropped, and lvs_notify_fifo may share vrrp_notify_fifo's (then only
    /// vrrp_notify_fifo_script runs when both have one). The checker's FIFO only when `checker`.
    static func fifos(_ configuration: Configuration, checker: Bool, runner: ScriptRunner? = nil, log: (String) -> Void) -> FIFOs {
        let global = configuration.global
        func open(_ settings: KeepalivedConfig.NotifyFIFO, type: String) -> Notification.NotifyFIFO? {
            guard let path = settings.path else { return nil }
            guard let fifo = Notification.NotifyFIFO(path: path) else {
                log("Unable to open \(type)notify fifo \(path) - errno \(errno)")
                return nil
            }
            start(settings.script, reading: fifo, global: global, runner: runner, log: log)
            return fifo
        }
        let common = open(global.notifyFIFO, type: "")
        var vrrp: Notification.NotifyFIFO?
        if let path = global.vrrpNotifyFIFO.path, path == global.notifyFIFO.path {
            log("notify FIFO \(path) has been specified for global and vrrp FIFO - ignoring vrrp FIFO")
        } else {
            vrrp = open(global.vrrpNotifyFIFO, type: "vrrp_")
        }
        var lvs: Notification.NotifyFIFO?
        let settings = global.lvsNotifyFIFO
        if checker, let path = settings.path {
            if path == global.notifyFIFO.path {
                log("notify FIFO \(path) has been specified for global and LVS FIFO - ignoring LVS FIFO")
            } else if let shared = vrrp, shared.path == path {
                lvs = shared
                if global.vrrpNotifyFIFO.script != nil && settings.script != nil {
                    log("LVS notify FIFO and vrrp FIFO are the same both with scripts - ignoring LVS FIFO script")
                } else {
                    start(settings.script, reading: shared, global: global, runner: runner, log: log)
                }
            } else {
                lvs = open(settings, type: "lvs_")
            }
        }
        return FIFOs(vrrp: [common, vrrp].compactMap { $0 }, checker: [common, lvs].compactMap { $0 })
    }

    /// Starts a notify_fifo_script with the FIFO's name as its last argument.
    private static func start(_ script: NotifyScript?, reading fifo: Notification.NotifyFIFO, global: GlobalDefinitions,
                              runner: ScriptRunner?, log: (String) -> Void) {
        guard let script, let runner else { return }
        var command = resolve(script, global: global, log: log)
        command.arguments.append(fifo.path)
        fifo.readerPID = runner.launch(command)
    }

    /// The user a script runs as: the one on its line, else script_user, else keepalived_script if it
    /// exists, else the daemon's own.
    static func resolve(_ script: NotifyScript, global: GlobalDefinitions, log: (String) -> Void) -> ScriptRunner.Command {
        var command = ScriptRunner.Command(arguments: script.arguments)
        let userName = script.user ?? global.scriptUser ?? (getpwnam("keepalived_script") != nil ? "keepalived_script" : nil)
        if let userName, let entry = getpwnam(userName) {
            command.uid = entry.pointee.pw_uid
            command.gid = entry.pointee.pw_gid
        }
        let groupName = (script.user != nil ? script.group : global.scriptGroup).map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }
        if let groupName, let entry = getgrnam(groupName) { command.gid = entry.pointee.gr_gid }
        return command
    }

    /// keepalived's word for a state in notifications.
    static func word(_ state: VRRPCore.VRRPState) -> String? {
        switch state {
        case .master: "MASTER"
        case .backup: "BACKUP"
        case .fault: "FAULT"
        case .stop: "STOP"
        case .deleted: "DELETED"
        case .initialize: nil
        }
    }

    /// The state an e-mail alert reports (INIT is never mailed).
    static func alertState(_ state: VRRPCore.VRRPState) -> AlertState? {
        word(state).flatMap(AlertState.init(rawValue:))
    }
}
