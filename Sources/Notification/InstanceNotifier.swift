#if canImport(Glibc)
import Glibc
#endif

/// What to run and write when a VRRP instance changes state, in keepalived's order: the state's
/// own script, then the generic `notify` with `INSTANCE name STATE priority`, then the FIFO line.
public struct InstanceNotifications: Sendable {
    public var master: ScriptRunner.Command?
    public var backup: ScriptRunner.Command?
    public var fault: ScriptRunner.Command?
    public var stop: ScriptRunner.Command?
    public var generic: ScriptRunner.Command?
    /// keepalived.conf: notify_master_rx_lower_pri
    public var masterReceivedLowerPriority: ScriptRunner.Command?
    /// keepalived.conf: notify_deleted SCRIPT (run when a reload removes the instance)
    public var deleted: ScriptRunner.Command?

    public init(
        master: ScriptRunner.Command? = nil, backup: ScriptRunner.Command? = nil, fault: ScriptRunner.Command? = nil,
        stop: ScriptRunner.Command? = nil, generic: ScriptRunner.Command? = nil,
        masterReceivedLowerPriority: ScriptRunner.Command? = nil, deleted: ScriptRunner.Command? = nil
    ) {
        self.deleted = deleted
        self.masterReceivedLowerPriority = masterReceivedLowerPriority
        self.master = master
        self.backup = backup
        self.fault = fault
        self.stop = stop
        self.generic = generic
    }
}

/// Turns instance transitions into scripts and FIFO lines on a thread of its own, in the order the
/// transitions happened, so a slow script or a stuck FIFO never delays the VRRP thread.
public final class InstanceNotifier: @unchecked Sendable {
    private let runner: ScriptRunner
    private let fifos: [NotifyFIFO]
    /// Read and replaced on the notifier thread only.
    private var notifications: [String: InstanceNotifications]
    /// priorityChange: FIFO line only; event: notify_master_rx_lower_pri and a FIFO line;
    /// reconfigure: switch to the next of `reloaded` (a reload), in order with the transitions.
    private enum Kind { case instance, group, priorityChange, event, reconfigure, instanceState, groupState }
    private var reloaded: [(instances: [String: InstanceNotifications], groups: [String: InstanceNotifications])] = []
    private typealias Item = (name: String, state: String, priority: Int, kind: Kind)
    private var queue: [Item] = []
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var stopping = false
    private var thread = pthread_t()

    private var groupNotifications: [String: InstanceNotifications]

    /// `groups`: the vrrp_sync_groups' scripts (the generic one gets `GROUP name STATE 0`).
    public init(
        notifications: [String: InstanceNotifications], groups: [String: InstanceNotifications] = [:], fifos: [NotifyFIFO],
        runner: ScriptRunner
    ) {
        self.notifications = notifications
        groupNotifications = groups
        self.fifos = fifos
        self.runner = runner
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        let unmanaged = Unmanaged.passUnretained(self)
        pthread_create(&thread, nil, { argument in
            Unmanaged<InstanceNotifier>.fromOpaque(argument!).takeUnretainedValue().loop()
            return nil
        }, unmanaged.toOpaque())
    }

    /// Queues a transition (called on the VRRP thread; returns at once). `state` is keepalived's
    /// word: MASTER, BACKUP, FAULT, STOP, DELETED.
    public func transition(instance: String, state: String, priority: Int) {
        pthread_mutex_lock(&mutex)
        queue.append((instance, state, priority, .instance))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Queues keepalived's notify_priority_changes FIFO event (no scripts run for it).
    /// state: MASTER or BACKUP, the instance's state when its effective priority changed.
    public func priorityChange(instance: String, state: String, priority: Int) {
        pthread_mutex_lock(&mutex)
        queue.append((instance, state + "_PRIORITY", priority, .priorityChange))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Queues keepalived's MASTER_RX_LOWER_PRI event: the instance's notify_master_rx_lower_pri
    /// script (no arguments added) and the FIFO line.
    public func masterReceivedLowerPriority(instance: String, priority: Int) {
        pthread_mutex_lock(&mutex)
        queue.append((instance, "MASTER_RX_LOWER_PRI", priority, .event))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Queues a sync group's transition (keepalived: group script, `notify` with GROUP, FIFO line).
    public func groupTransition(group: String, state: String) {
        pthread_mutex_lock(&mutex)
        queue.append((group, state, 0, .group))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// keepalived.conf: fifo_write_vrrp_states_on_reload. The FIFO line of an instance or group a
    /// reload left in its state (no script runs).
    public func unchangedByReload(_ name: String, isGroup: Bool, state: String, priority: Int) {
        pthread_mutex_lock(&mutex)
        queue.append((name, state, priority, isGroup ? .groupState : .instanceState))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// A reload's scripts: transitions queued before this call still run the old ones.
    public func reconfigure(notifications: [String: InstanceNotifications], groups: [String: InstanceNotifications]) {
        pthread_mutex_lock(&mutex)
        reloaded.append((notifications, groups))
        queue.append(("", "", 0, .reconfigure))
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Stops the notify FIFO reader scripts (at shutdown, before the last transitions are written).
    public func stopFIFOReaders() {
        for fifo in fifos { fifo.stopReader() }
    }

    /// Delivers everything queued, then stops the thread.
    public func finish() {
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
        pthread_join(thread, nil)
        runner.reap()
    }

    private func loop() {
        while true {
            pthread_mutex_lock(&mutex)
            while queue.isEmpty && !stopping {
                var deadline = timespec()
                clock_gettime(CLOCK_REALTIME, &deadline)
                deadline.tv_nsec += 200_000_000
                if deadline.tv_nsec >= 1_000_000_000 { deadline.tv_sec += 1; deadline.tv_nsec -= 1_000_000_000 }
                pthread_cond_timedwait(&condition, &mutex, &deadline)
                if queue.isEmpty { pthread_mutex_unlock(&mutex); runner.reap(); pthread_mutex_lock(&mutex) }
            }
            let work = queue
            queue.removeAll()
            let done = stopping
            pthread_mutex_unlock(&mutex)
            for item in work { deliver(item) }
            runner.reap()
            if done && work.isEmpty { return }
        }
    }

    private func deliver(_ item: Item) {
        if item.kind == .reconfigure {
            pthread_mutex_lock(&mutex)
            let next = reloaded.removeFirst()
            pthread_mutex_unlock(&mutex)
            notifications = next.instances
            groupNotifications = next.groups
            return
        }
        let kind = item.kind == .group || item.kind == .groupState ? "GROUP" : "INSTANCE"
        let line = "\(kind) \"\(item.name)\" \(item.state) \(item.priority)"
        guard item.kind != .priorityChange, item.kind != .event, item.kind != .instanceState, item.kind != .groupState else {
            if item.kind == .event, let script = notifications[item.name]?.masterReceivedLowerPriority { runner.launch(script) }
            for fifo in fifos { fifo.write(line) }
            return
        }
        let configured = item.kind == .group ? groupNotifications[item.name] : notifications[item.name]
        let specific: ScriptRunner.Command?
        switch item.state {
        case "MASTER": specific = configured?.master
        case "BACKUP": specific = configured?.backup
        case "FAULT": specific = configured?.fault
        case "STOP": specific = configured?.stop
        case "DELETED": specific = configured?.deleted
        default: specific = nil
        }
        if let specific { runner.launch(specific) }
        if var generic = configured?.generic {
            generic.arguments += [kind, item.name, item.state, String(item.priority)]
            runner.launch(generic)
        }
        for fifo in fifos { fifo.write(line) }
    }
}
