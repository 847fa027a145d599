import CLinuxNet
import Glibc
import KeepalivedConfig
import Notification

/// The process-wide global_defs: umask, process names, the VRRP and checker threads' scheduling,
/// and the startup and shutdown scripts.
extension DaemonRunner {
    /// keepalived's default file creation mask (lib/utils.c umask_val): u=rw, nothing for others.
    static let defaultUmask: UInt32 = 0o177

    /// keepalived.conf: umask — set while the configuration is read (at start and on each reload),
    /// unless -u/--umask gave one, which keepalived then keeps and says so.
    static func applyUmask(_ configuration: Configuration, options: CommandLineOptions, log: (String) -> Void) {
        guard let mask = configuration.global.umask else { return }
        if options.umask != nil {
            log("umask command line option specified, ignoring config option")
        } else {
            Glibc.umask(mode_t(mask))
        }
    }

    /// keepalived.conf: process_name — the main thread's name (threads started later inherit it,
    /// as keepalived's children inherit the parent's name unless vrrp/checker_process_name is set).
    static func applyProcessName(_ configuration: Configuration, log: (String) -> Void) {
        guard let name = configuration.global.processName else { return }
        if clinuxnet_set_thread_name(name) != 0 { log("Failed to set process name '\(name)'") }
    }

    /// The VRRP thread's tuning (vrrp_* keywords, vrrp_process_name, max_auto_priority).
    static func vrrpTuning(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void) -> ThreadTuning {
        let global = configuration.global
        return ThreadTuning(title: "VRRP", prefix: "vrrp", name: global.vrrpProcessName, settings: global.vrrpProcess,
                            global: global, log: log)
    }

    /// The checker thread's tuning (checker_* keywords, checker_process_name; its loop does not
    /// measure timer lateness, so max_auto_priority does not raise it).
    static func checkerTuning(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void) -> ThreadTuning {
        var global = configuration.global
        global.maxAutoPriority = nil
        return ThreadTuning(title: "Checker", prefix: "checker", name: global.checkerProcessName, settings: global.checkerProcess,
                            global: global, log: log)
    }

    /// The end of a stop: the VRRP pidfile goes (keepalived's VRRP child removes it as it exits),
    /// then the shutdown script runs, then the main pidfile goes and keepalived's last line.
    static func finishStop(_ configuration: Configuration, runner: ScriptRunner, logDetail: Bool, vrrpPid: PidFile, mainPid: PidFile,
                           log: (String) -> Void) {
        vrrpPid.remove()
        startStopScript(configuration, startup: false, log: log)?.run(runner: runner, logDetail: logDetail, log: log)
        mainPid.remove()
        log("Stopped \(versionLine)")
    }

    /// keepalived.conf: startup_script / shutdown_script, resolved to the user they run as.
    static func startStopScript(_ configuration: Configuration, startup: Bool, log: (String) -> Void) -> StartStopScript? {
        let global = configuration.global
        guard let script = startup ? global.startupScript : global.shutdownScript else { return nil }
        return StartStopScript(kind: startup ? "startup" : "shutdown",
                               command: NotificationAssembly.resolve(script, global: global, log: log),
                               timeout: (startup ? global.startupScriptTimeout : global.shutdownScriptTimeout) ?? 10)
    }
}
