import Glibc
import KeepalivedConfig
import LinuxNet
import Notification
import VRRPCore

/// Running the daemon: configuration, pidfiles, the VRRP thread, and signals on the main thread.
enum DaemonRunner {
    static let versionLine = "Keepalived v2.2.7 (swift-keepalived)"

    static func run(_ options: CommandLineOptions, stdout: TextOutput, stderr: TextOutput) -> Int32 {
        if let namespace = options.namespace {
            do { try NetworkNamespace.enter(namespace) } catch {
                stderr.line("Unable to set network namespace \(namespace) - exiting (\(error))")
                return 1
            }
        }
        let report = ConfigTest.report(options, host: LocalHost())
        for line in report.diagnosticLines { stderr.line(line) }
        for line in report.dumpLines { stdout.line(line) }
        let loaded = report.loaded
        if loaded.fileMissing { return 6 }
        guard loaded.isRunnable else {
            stderr.line("keepalived: the configuration cannot run (see the errors above); not starting")
            return 1
        }
        for option in options.unsupportedOptionsInUse {
            stderr.line("keepalived: option \(option.displayName) is accepted but not supported yet")
        }

        let mainPid = PidFile(path: options.pidFile ?? "/run/keepalived.pid")
        let vrrpPid = PidFile(path: options.vrrpPidFile ?? "/run/keepalived_vrrp.pid")
        if mainPid.runningPid() != nil {
            stderr.line("daemon is already running")
            return 0
        }
        if !options.dontFork {
            switch daemonize() {
            case .parent: return 0
            case .failed(let code):
                stderr.line("keepalived: fork failed (errno \(code))")
                return 1
            case .child: break
            }
        }
        let log = DaemonLog(console: options.logToConsole, syslog: !options.noSyslog, facility: options.logFacility.syslogValue)
        log.info("Starting \(versionLine)")
        log.info("Configuration file \(options.effectiveConfigFile)")
        applyUmask(loaded.configuration, options: options) { log.info($0) }
        if (loaded.configuration.global.maxAutoPriority ?? 0) == 0 {
            log.info("NOTICE: setting config option max_auto_priority should result in better keepalived performance")
        }
        applyProcessName(loaded.configuration) { log.info($0) }
        _ = mainPid.write()
        _ = vrrpPid.write()
        let vrrpTuning = vrrpTuning(loaded.configuration) { log.info($0) }
        let checkerTuning = checkerTuning(loaded.configuration) { log.info($0) }
        let statsClearSignal = __libc_current_sigrtmax() - 1
        let jsonSignal = __libc_current_sigrtmin() + 2
        // keepalived's set_sigxcpu_handler: RLIMIT_RTTIME's soft limit warns before the hard one kills.
        let realtime = vrrpTuning.realtime || (!loaded.configuration.virtualServers.isEmpty && checkerTuning.realtime)
        // Installed before the startup script, whose wait a SIGTERM or SIGINT ends (other signals
        // arriving then are dropped: nothing is running yet that they could reach).
        SignalPipe.install([SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, statsClearSignal, jsonSignal] + (realtime ? [SIGXCPU] : []))
        let runner = ScriptRunner { log.info($0) }
        let logDetailOn = options.logDetail != .normal
        let started = startStopScript(loaded.configuration, startup: true) { log.info($0) }?.run(
            runner: runner, logDetail: logDetailOn, log: { log.info($0) },
            pause: { milliseconds in SignalPipe.next(waitingAtMost: milliseconds).map { $0 == SIGTERM || $0 == SIGINT } ?? false })
        if started == false {
            // keepalived: a stop during the startup script starts nothing and goes to the shutdown script.
            log.info("Stopping")
            finishStop(loaded.configuration, runner: runner, logDetail: logDetailOn, vrrpPid: vrrpPid, mainPid: mainPid) { log.info($0) }
            return 0
        }
        let runsChecker = !loaded.configuration.virtualServers.isEmpty
        let fifos = NotificationAssembly.fifos(loaded.configuration, checker: runsChecker, runner: runner) { log.info($0) }
        let notifier = InstanceNotifier(
            notifications: NotificationAssembly.notifications(loaded.configuration) { log.info($0) },
            groups: NotificationAssembly.groupNotifications(loaded.configuration) { log.info($0) },
            fifos: fifos.vrrp,
            runner: runner)
        let runtimes = VRRPAssembly.runtimes(loaded.configuration)
        let snmp = SNMPReporter(loaded.configuration, runtimes: runtimes, options: options) { log.info($0) }
        var logDetail: (@Sendable (String) -> Void)?
        if options.logDetail != .normal { logDetail = { log.info($0) } }
        let mailer = MailAssembly.sender(loaded.configuration, log: { log.info($0) }, logDetail: logDetail)
        var checker: CheckerService?
        if runsChecker {
            let applier = IPVSAppliers.forThisHost { log.info($0) }
            checker = CheckerService(configuration: loaded.configuration, applier: applier, logChanges: options.logDetail != .normal,
                                     fifos: fifos.checker, mailer: mailer) { log.info($0) }
            checker?.snmp = snmp
            checker?.tuning = checkerTuning
        }
        let syncDaemon = LVSSyncDaemonController(loaded.configuration, runsChecker: runsChecker) { log.info($0) }
        let service: VRRPService
        do {
            service = try VRRPService(
                instances: runtimes,
                syncGroups: VRRPAssembly.syncGroups(loaded.configuration),
                scripts: VRRPAssembly.scripts(loaded.configuration) { log.info($0) },
                files: VRRPAssembly.files(loaded.configuration) { log.info($0) },
                processes: VRRPAssembly.processes(loaded.configuration),
                releaseAddressesOnStop: !options.dontReleaseVRRP,
                log: { log.info($0) },
                onTransition: { name, _, to, priority in
                    syncDaemon.transition(instance: name, to: to)
                    snmp?.instanceTransition(name, to: to)
                    if let word = NotificationAssembly.word(to) {
                        notifier.transition(instance: name, state: word, priority: Int(priority.rawValue))
                    }
                    if let state = NotificationAssembly.alertState(to) { mailer.transition(AlertSubject.instance(name), entering: state) }
                },
                onGroupTransition: { group, _, to in
                    snmp?.groupTransition(group, to: to)
                    if let word = NotificationAssembly.word(to) { notifier.groupTransition(group: group, state: word) }
                    if let state = NotificationAssembly.alertState(to) { mailer.transition(AlertSubject.group(group), entering: state) }
                },
                onPriorityChange: { instance, state, priority in
                    notifier.priorityChange(instance: instance, state: state == .master ? "MASTER" : "BACKUP",
                                            priority: Int(priority.rawValue))
                },
                onLowerPriorityMaster: { instance, priority in
                    notifier.masterReceivedLowerPriority(instance: instance, priority: Int(priority.rawValue))
                },
                onStatus: snmp?.statusHandler,
                onDrop: snmp?.dropHandler)
            service.statics = StaticDataPlane(loaded.configuration)
        } catch {
            log.info("Unable to start VRRP: \(error)")
            mainPid.remove()
            vrrpPid.remove()
            return 1
        }
        service.routerID = loaded.configuration.global.routerID ?? SNMPStatusAssembly.hostName()
        service.logDetail = logDetailOn
        service.tuning = vrrpTuning
        service.startupDelay = loaded.configuration.global.vrrp.startupDelay
        service.garpInterval = loaded.configuration.global.vrrp.garpInterval
        service.gnaInterval = loaded.configuration.global.vrrp.gnaInterval
        service.logUnknownVRIDs = loaded.configuration.global.vrrp.logUnknownVRIDs
        if loaded.configuration.global.vrrp.fifoWriteStatesOnReload {
            service.onUnchangedByReload = { name, isGroup, state, priority in
                guard let word = NotificationAssembly.word(state) else { return }
                notifier.unchangedByReload(name, isGroup: isGroup, state: word, priority: Int(priority.rawValue))
            }
        }
        service.firewall = VRRPAssembly.firewall(loaded.configuration, runtimes: runtimes) { log.info($0) }
            .map { NFTablesFirewall(script: $0) { log.info($0) } }
        service.groupSMTPAlert = Dictionary(loaded.configuration.syncGroups.map { group in
            (group.name, MailAlertPolicy.resolve(own: group.smtpAlert, vrrpDefault: loaded.configuration.global.smtp.alertVRRP,
                                                 globalDefault: loaded.configuration.global.smtp.alert))
        }, uniquingKeysWith: { first, _ in first })
        // The VMACs exist now: the MIBs show them.
        if runtimes.contains(where: { $0.virtualMAC != nil }) { snmp?.reconfigure(loaded.configuration, runtimes: runtimes) }
        snmp?.acceptWrites(vrrp: service, checker: checker)
        snmp?.start()
        syncDaemon.start()
        let thread = ServiceThread { service.run() }
        thread.start()
        checker?.start()
        log.info("Startup complete")
        while true {
            let signal = SignalPipe.next()
            switch signal {
            case SIGTERM, SIGINT:
                log.info("Stopping")
                notifier.stopFIFOReaders()
                checker?.stop(releaseIPVS: !options.dontReleaseIPVS)
                // keepalived's stop leaves no mail behind (its STOP alerts never get connected), so
                // the sender stops first and the STOP transitions are not mailed.
                mailer.stop()
                service.requestStop()
                thread.join()
                syncDaemon.stop()
                notifier.finish()
                snmp?.stop()
                finishStop(loaded.configuration, runner: runner, logDetail: logDetailOn, vrrpPid: vrrpPid, mainPid: mainPid) { log.info($0) }
                return 0
            case SIGHUP:
                checker = reload(options, service: service, checker: checker, notifier: notifier, mailer: mailer, snmp: snmp,
                                 syncDaemon: syncDaemon, log: log)
            case SIGUSR2:
                service.requestStats(clear: false)
            case statsClearSignal:
                service.requestStats(clear: true)
            case jsonSignal:
                service.requestJSON()
            case SIGXCPU:
                log.info(vrrpTuning.realtime ? vrrpTuning.cpuLimitLine : checkerTuning.cpuLimitLine)
            case SIGUSR1:
                service.requestData()
            default:
                break
            }
        }
    }

    /// SIGHUP: the configuration is read and checked here, on the main thread; a configuration that
    /// cannot run is reported and the running one kept. Otherwise the VRRP thread and the checker
    /// thread apply it (a checker starts if virtual servers appear). Returns the checker.
    static func reload(_ options: CommandLineOptions, service: VRRPService, checker: CheckerService?, notifier: InstanceNotifier,
                       mailer: MailSender, snmp: SNMPReporter?, syncDaemon: LVSSyncDaemonController, log: DaemonLog) -> CheckerService? {
        log.info("Reloading")
        let report = ConfigTest.report(options, host: LocalHost())
        for line in report.diagnosticLines { log.info(line) }
        let loaded = report.loaded
        // Stricter than start-up: any problem that stops keepalived from running VRRP (a missing
        // interface among them) keeps the running configuration.
        let blocking = loaded.diagnostics.contains { $0.keepalivedClass?.preventsRunning == true }
        guard !loaded.fileMissing, loaded.isRunnable, !blocking else {
            log.info("Reload aborted: the new configuration cannot run (see above); the running configuration is kept")
            return checker
        }
        let configuration = loaded.configuration
        applyUmask(configuration, options: options) { log.info($0) }
        applyProcessName(configuration) { log.info($0) }
        let runtimes = VRRPAssembly.runtimes(configuration)
        notifier.reconfigure(
            notifications: NotificationAssembly.notifications(configuration) { log.info($0) },
            groups: NotificationAssembly.groupNotifications(configuration) { log.info($0) })
        snmp?.reconfigure(configuration, runtimes: runtimes)
        MailAssembly.reconfigure(mailer, configuration) { log.info($0) }
        var request = VRRPService.ReloadRequest(
            instances: runtimes, syncGroups: VRRPAssembly.syncGroups(configuration),
            scripts: VRRPAssembly.scripts(configuration) { log.info($0) }, files: VRRPAssembly.files(configuration) { log.info($0) },
            processes: VRRPAssembly.processes(configuration))
        request.firewall = VRRPAssembly.firewall(configuration, runtimes: runtimes) { log.info($0) }
        request.statics = StaticDataPlane(configuration)
        request.tuning = vrrpTuning(configuration) { log.info($0) }
        service.requestReload(request)
        syncDaemon.reload(configuration, runsChecker: checker != nil || !configuration.virtualServers.isEmpty)
        if let checker {
            checker.reload(configuration)
            return checker
        }
        guard !configuration.virtualServers.isEmpty else { return nil }
        let started = CheckerService(configuration: configuration, applier: IPVSAppliers.forThisHost { log.info($0) },
                                     logChanges: options.logDetail != .normal, mailer: mailer) { log.info($0) }
        started.snmp = snmp
        started.start()
        return started
    }

    enum ForkResult { case parent, child, failed(Int32) }

    /// keepalived's xdaemon: fork, the parent returns, the child starts a session and drops the terminal.
    static func daemonize() -> ForkResult {
        let pid = fork()
        if pid < 0 { return .failed(errno) }
        if pid > 0 { return .parent }
        setsid()
        chdir("/")
        let null = open("/dev/null", O_RDWR)
        if null >= 0 {
            dup2(null, 0)
            dup2(null, 1)
            dup2(null, 2)
            if null > 2 { close(null) }
        }
        return .child
    }
}
