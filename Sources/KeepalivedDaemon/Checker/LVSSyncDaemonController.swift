/// keepalived.conf: lvs_sync_daemon at run time: LVSSyncDaemonPlan's steps sent to the kernel over
/// generic netlink from a thread of their own, so a VRRP transition only queues them and never
/// waits on the kernel.
import Glibc
import IPVSModel
import KeepalivedConfig
import LinuxNet
import VRRPCore

final class LVSSyncDaemonController: @unchecked Sendable {
    // plan and queue are guarded by mutex; client belongs to the worker thread.
    private var plan: LVSSyncDaemonPlan
    private var queue: [LVSSyncDaemonPlan.Step] = []
    private var finished = false
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var client: IPVSClient?
    /// Set once IPVS could not be opened (said once, not per step).
    private var unavailable = false
    private var thread: ServiceThread?
    private let log: @Sendable (String) -> Void

    init(plan: LVSSyncDaemonPlan, log: @escaping @Sendable (String) -> Void) {
        self.plan = plan
        self.log = log
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    /// The controller a configuration asks for, if any (logging why not where keepalived does). An
    /// instance-driven daemon is the VRRP side's; one without an instance is the checker's, so it
    /// runs only with virtual servers, as keepalived's checker process does.
    static func forConfiguration(_ configuration: Configuration, runsChecker: Bool,
                                 log: @escaping @Sendable (String) -> Void) -> LVSSyncDaemonController? {
        let (plan, lines) = LVSSyncDaemonPlan.resolve(configuration)
        for line in lines { log(line) }
        guard let plan, plan.instance != nil || runsChecker else { return nil }
        return LVSSyncDaemonController(plan: plan, log: log)
    }

    /// Starts the worker and queues the start-up steps.
    func start() {
        let thread = ServiceThread { [self] in work() }
        self.thread = thread
        thread.start()
        update { $0.started() }
    }

    /// Called on the VRRP thread for every instance transition: only queues.
    func transition(instance: String, to state: VRRPCore.VRRPState) {
        update { $0.transition(instance: instance, to: state) }
    }

    /// Queues the shutdown steps and waits until they are sent.
    func stop() {
        update { $0.stopped() }
        pthread_mutex_lock(&mutex)
        finished = true
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
        thread?.join()
    }

    private func update(_ change: (inout LVSSyncDaemonPlan) -> [LVSSyncDaemonPlan.Step]) {
        pthread_mutex_lock(&mutex)
        queue += change(&plan)
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    private func work() {
        while true {
            pthread_mutex_lock(&mutex)
            while queue.isEmpty && !finished { pthread_cond_wait(&condition, &mutex) }
            let steps = queue
            queue.removeAll()
            let done = finished
            let daemon = plan.daemon
            pthread_mutex_unlock(&mutex)
            for step in steps { send(step, daemon: daemon) }
            if done && steps.isEmpty { return }
        }
    }

    private func send(_ step: LVSSyncDaemonPlan.Step, daemon: IPVSSyncDaemon) {
        guard !unavailable else { return }
        if client == nil {
            do { client = try IPVSClient() } catch {
                unavailable = true
                log("IPVS: Can't initialize ipvs: \(error); lvs_sync_daemon is not started")
                return
            }
        }
        guard let client else { return }
        do {
            switch step.command {
            case .start: try client.startDaemon(daemon.with(state: step.state))
            case .stop: try client.stopDaemon(step.state, syncID: daemon.syncID)
            }
        } catch {
            guard !step.quiet else { return }
            log(Self.refusal(step, errno: error.errno ?? 0))
        }
    }

    /// keepalived's `IPVS cmd IP_VS_SO_SET_STOPDAEMON(1164) error: No daemon is running(3)`.
    static func refusal(_ step: LVSSyncDaemonPlan.Step, errno code: Int32) -> String {
        let (name, number, known) = step.command == .start
            ? ("IP_VS_SO_SET_STARTDAEMON", 1163, (EEXIST, "Daemon has already run"))
            : ("IP_VS_SO_SET_STOPDAEMON", 1164, (ESRCH, "No daemon is running"))
        let reason = code == known.0 ? known.1 : String(cString: strerror(code))
        return "IPVS cmd \(name)(\(number)) error: \(reason)(\(code))"
    }
}
