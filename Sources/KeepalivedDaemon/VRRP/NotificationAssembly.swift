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

    /// notify_fifo and vrrp_notify_fifo (the specific one is dropped when both name the same path),
    /// each with its notify_fifo_script started as keepalived starts it: the FIFO's name as its last
    /// argument, once the FIFO exists.
    static func fifos(_ configuration: Configuration, runner: ScriptRunner? = nil, log: (String) -> Void) -> [Notification.NotifyFIFO] {
        let global = configuration.global
        var seen: Set<String> = []
        return [global.notifyFIFO, global.vrrpNotifyFIFO].filter { $0.path.map { seen.insert($0).inserted } ?? false }.compactMap { settings in
            guard let path = settings.path else { return nil }
            guard let fifo = Notification.NotifyFIFO(path: path) else {
                log("Unable to open notify FIFO \(path) (errno \(errno))")
                return nil
            }
            if let script = settings.script, let runner {
                var command = resolve(script, global: global, log: log)
                command.arguments.append(path)
                fifo.readerPID = runner.launch(command)
            }
            return fifo
        }
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
