/// keepalived.conf: lvs_sync_daemon at run time: LVSSyncDaemonPlan's steps sent to the kernel over
/// generic netlink from a thread of their own, so a VRRP transition only queues them and never
/// waits on the kernel.
import Glibc
import IPVSModel
import KeepalivedConfig
import LinuxNet
import VRRPCore

final class LVSSyncDaemonController: @unchecked Sendable {
    // plan, states, queue, finished and thread are guarded by mutex; client belongs to the worker.
    private var plan: LVSSyncDaemonPlan?
    /// Every instance's last state, for a reload that names another instance.
    private var states: [String: VRRPCore.VRRPState] = [:]
    private var queue: [LVSSyncDaemonPlan.Step] = []
    private var finished = false
    private var thread: ServiceThread?
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var client: IPVSClient?
    /// Set once IPVS could not be opened (said once, not per step).
    private var unavailable = false
    private let log: @Sendable (String) -> Void

    /// The controller of what `configuration` asks for (logging why not where keepalived does); it
    /// has no thread until there is a daemon to start.
    init(_ configuration: Configuration, runsChecker: Bool, log: @escaping @Sendable (String) -> Void) {
        let (plan, lines) = LVSSyncDaemonPlan.resolve(configuration, runsChecker: runsChecker)
        for line in lines { log(line) }
        self.plan = plan
        self.log = log
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    /// Queues the start-up steps (before the VRRP thread runs, so they come before any transition's).
    func start() {
        update { $0?.started() ?? [] }
    }

    /// Called on the VRRP thread for every instance transition: only records and queues.
    func transition(instance: String, to state: VRRPCore.VRRPState) {
        update { plan in
            states[instance] = state
            return plan?.transition(instance: instance, to: state) ?? []
        }
    }

    /// SIGHUP: the new configuration's lvs_sync_daemon.
    func reload(_ configuration: Configuration, runsChecker: Bool) {
        let (fresh, lines) = LVSSyncDaemonPlan.resolve(configuration, runsChecker: runsChecker)
        for line in lines { log(line) }
        update { plan in
            let (next, steps) = LVSSyncDaemonPlan.reconfigured(from: plan, to: fresh, instanceStates: states)
            plan = next
            return steps
        }
    }

    /// Queues the shutdown steps and waits until they are sent.
    func stop() {
        update { $0?.stopped() ?? [] }
        pthread_mutex_lock(&mutex)
        finished = true
        let worker = thread
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
        worker?.join()
    }

    /// Changes the plan under the lock and queues its steps, starting the worker for the first ones.
    private func update(_ change: (inout LVSSyncDaemonPlan?) -> [LVSSyncDaemonPlan.Step]) {
        pthread_mutex_lock(&mutex)
        let steps = change(&plan)
        queue += steps
        if thread == nil && !steps.isEmpty {
            let worker = ServiceThread { [self] in work() }
            thread = worker
            worker.start()
        }
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
            pthread_mutex_unlock(&mutex)
            for step in steps { send(step) }
            if done && steps.isEmpty { return }
        }
    }

    private func send(_ step: LVSSyncDaemonPlan.Step) {
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
            case .start: try client.startDaemon(step.daemon.with(state: step.state))
            case .stop: try client.stopDaemon(step.state, syncID: step.daemon.syncID)
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
