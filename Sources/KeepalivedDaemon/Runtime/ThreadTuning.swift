import CLinuxNet
import Glibc
import KeepalivedConfig

/// keepalived.conf: vrrp_* / checker_* priority, rt_priority, rlimit_rttime, no_swap, cpu_affinity
/// and *_process_name, applied as keepalived's set_process_priorities applies them to its VRRP or
/// checker child — here to the thread that does that work (our daemon is one process).
/// Scheduling and nice are per thread on Linux; mlockall and RLIMIT_RTTIME are per process.
final class ThreadTuning: @unchecked Sendable {
    /// keepalived's name for the process in its SIGXCPU line ("VRRP", "Checker").
    let title: String
    /// The keyword prefix ("vrrp", "checker").
    let prefix: String
    private let name: String?
    private let settings: ProcessTuning
    private let log: @Sendable (String) -> Void
    /// Touched only by the tuned thread once it runs.
    private var auto: AutoPriority
    private var rlimitSet = false
    /// The nice value before ours, restored by `replace(with:)` (keepalived's orig_priority).
    private var originalNice: Int32?
    private var locked = false

    init(title: String, prefix: String, name: String?, settings: ProcessTuning, global: GlobalDefinitions,
         log: @escaping @Sendable (String) -> Void) {
        self.title = title
        self.prefix = prefix
        self.name = name
        self.settings = settings
        self.log = log
        auto = AutoPriority(maximum: global.maxAutoPriority ?? 0, minimumDelay: global.minAutoPriorityDelay, current: 0)
        realtime = settings.realtimePriority != nil || auto.maximum > 0
    }

    /// Whether this thread may run SCHED_RR, so a SIGXCPU from RLIMIT_RTTIME may be ours (read by
    /// the main thread: fixed at init).
    let realtime: Bool

    /// On the thread to tune: its name (prctl(PR_SET_NAME) as keepalived names its processes), then
    /// real-time priority or else nice, then CPU affinity and memory locking.
    func applyToCurrentThread() {
        if let name, clinuxnet_set_thread_name(name) != 0 {
            log("Failed to set process name '\(name)'")
        }
        if let priority = settings.realtimePriority {
            setRealtime(priority)
        } else if settings.nicePriority != 0 {
            // Scripts forked from this thread start at nice 0 (keepalived resets its script
            // children's priority); the kernel does that for a negative nice with this flag.
            var parameters = sched_param(sched_priority: 0)
            _ = sched_setscheduler(clinuxnet_gettid(), SCHED_OTHER | Self.resetOnFork, &parameters)
            errno = 0
            let before = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(clinuxnet_gettid()))
            if errno == 0 { originalNice = before }
            errno = 0
            if setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(clinuxnet_gettid()), Int32(settings.nicePriority)) == -1 && errno != 0 {
                log("Unable to set process priority to \(settings.nicePriority) - \(String(cString: strerror(errno)))")
            }
        }
        if !settings.cpuAffinity.isEmpty {
            let cpus = settings.cpuAffinity.map { Int32(clamping: $0) }
            if clinuxnet_set_cpu_affinity(clinuxnet_gettid(), cpus, Int32(cpus.count)) != 0 {
                log("unable to set cpu affinity to \(prefix) process (\(String(cString: strerror(errno))))")
            }
        }
        if settings.noSwap {
            // keepalived: current and future pages, faulted in when touched (Linux 4.4+).
            if mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) == -1 {
                log("Unable to lock process in memory - \(String(cString: strerror(errno)))")
            } else {
                locked = true
            }
        }
    }

    /// A reload (SIGHUP), on the tuned thread: keepalived's reset_process_priorities (ordinary
    /// scheduling, the original nice, memory unlocked), then the new configuration's settings; a
    /// name the new configuration drops goes back to keepalived's own.
    func replace(with next: ThreadTuning) {
        if auto.current != 0 {
            var parameters = sched_param(sched_priority: 0)
            if sched_setscheduler(clinuxnet_gettid(), SCHED_OTHER, &parameters) != 0 {
                log("child process: cannot reset realtime scheduling")
            }
        }
        if let originalNice {
            errno = 0
            if setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(clinuxnet_gettid()), originalNice) == -1 && errno != 0 {
                log("Unable to reset process priority - \(String(cString: strerror(errno)))")
            }
        }
        if locked { munlockall() }
        if name != nil && next.name == nil && clinuxnet_set_thread_name("keepalived") != 0 {
            log("Failed to set process name 'keepalived'")
        }
        next.applyToCurrentThread()
    }

    /// The loop's earliest timer fired `lateBy` µs late (keepalived's scheduler check, max_auto_priority).
    func timerLate(by lateBy: UInt64) {
        let decision = auto.timerExpired(lateBy: lateBy)
        // keepalived's order: the lateness, any failure to raise, then the new priority.
        decision.lines.prefix(1).forEach(log)
        if let priority = decision.priority { setRealtime(priority) }
        decision.lines.dropFirst().forEach(log)
    }

    /// keepalived's sched_setscheduler(SCHED_RR | SCHED_RESET_ON_FORK): scripts forked from this
    /// thread start as ordinary processes. RLIMIT_RTTIME (soft half the hard limit, for a SIGXCPU
    /// warning first) is set once.
    private func setRealtime(_ priority: Int) {
        var parameters = sched_param(sched_priority: Int32(priority))
        guard sched_setscheduler(clinuxnet_gettid(), SCHED_RR | Self.resetOnFork, &parameters) == 0 else {
            log("child process: cannot raise priority")
            return
        }
        auto.current = priority
        guard !rlimitSet, settings.realtimeLimit != 0 else { return }
        if clinuxnet_set_rttime_limit(UInt(settings.realtimeLimit / 2), UInt(settings.realtimeLimit)) != 0 {
            log("child process cannot set realtime rlimit")
        } else {
            rlimitSet = true
        }
    }

    /// SCHED_RESET_ON_FORK (linux/sched.h; Glibc's module does not export it).
    private static let resetOnFork: Int32 = 0x4000_0000

    /// keepalived's SIGXCPU line, for the real-time thread that most likely ran too long.
    var cpuLimitLine: String {
        "\(title) process has used too much CPU time, \(prefix)_rlimit_rttime may need to be increased"
    }
}
