/// The checker's one thread: probes waiting for their time, probes in flight, all polled
/// together, never blocking one another (keepalived's checker process runs the same way).
import CheckerCore
import Glibc
import LinuxNet
import VRRPCore

/// Runs timers and probes on a thread of its own. Everything it calls back runs on that thread.
public final class ProbeLoop: @unchecked Sendable {
    /// Makes the probe for a request (nil: the checker cannot run; it is rescheduled).
    public typealias Start = (ProbeRequest, Instant) -> ProbeStart?
    /// A probe finished: the checker, its result, when it started, and now.
    public typealias Finished = (CheckerID, ProbeResult, Instant, Instant) -> Void

    private var timers: [(due: Instant, request: ProbeRequest)] = []
    private var running: [(checker: CheckerID, started: Instant, probe: any Probe)] = []
    private var watches: [(fd: Int32, readable: () -> Void)] = []
    private var wake: [Int32] = [-1, -1]
    private var stopping = false
    /// Work handed in from other threads, run on the loop's thread (guarded by `mutex`).
    private var requests: [@Sendable () -> Void] = []
    private var mutex = pthread_mutex_t()
    private var thread = pthread_t()
    private var body: (() -> Void)?

    public init() {
        pthread_mutex_init(&mutex, nil)
        _ = pipe(&wake)
        for fd in wake { _ = fcntl(fd, F_SETFL, O_NONBLOCK) }
    }

    deinit {
        close(wake[0])
        close(wake[1])
    }

    /// Queues a probe request; call only from the loop's own callbacks or before `run`.
    public func schedule(_ request: ProbeRequest, now: Instant) {
        let due = now.adding(request.delay)
        let index = timers.firstIndex { $0.due > due } ?? timers.endIndex
        timers.insert((due, request), at: index)
    }

    /// Polls `fd` beside the probes and calls `readable` on the loop's thread whenever it can be
    /// read (FILE_CHECK's inotify descriptor); call before `run`.
    public func watch(_ fd: Int32, readable: @escaping () -> Void) {
        watches.append((fd, readable))
    }

    /// Asks `run` to return (from any thread).
    public func stop() {
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_mutex_unlock(&mutex)
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    /// Runs `work` on the loop's thread at its next turn (from any thread; dropped once stopped).
    public func perform(_ work: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(&mutex)
        requests.append(work)
        pthread_mutex_unlock(&mutex)
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    /// A reload's hand-over: the probes scheduled or running for the checkers in `mapping` go on
    /// under their new ids; every other one is dropped (a running probe cancelled). Call only from
    /// the loop's thread.
    public func retarget(_ mapping: [CheckerID: CheckerID]) {
        timers = timers.compactMap { timer in
            guard let id = mapping[timer.request.checker] else { return nil }
            var request = timer.request
            request.checker = id
            return (timer.due, request)
        }
        running = running.compactMap { entry in
            guard let id = mapping[entry.checker] else {
                entry.probe.cancel()
                return nil
            }
            return (id, entry.started, entry.probe)
        }
    }

    private func takeRequests() -> [@Sendable () -> Void] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let taken = requests
        requests.removeAll()
        return taken
    }

    private var isStopping: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return stopping
    }

    /// Runs until `stop`: starts due probes with `start`, reports each result to `finished`.
    public func run(start: Start, finished: Finished) {
        while !isStopping {
            for work in takeRequests() { work() }
            var now = MonotonicClock.now()
            while let first = timers.first, first.due <= now {
                timers.removeFirst()
                launch(first.request, now: now, start: start, finished: finished)
            }
            var descriptors = [pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            var owners: [Int] = [-1]
            for watch in watches {
                descriptors.append(pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0))
                owners.append(-1)
            }
            var next = timers.first?.due
            for (index, entry) in running.enumerated() {
                if let wants = entry.probe.wants {
                    descriptors.append(pollfd(fd: wants.fd, events: wants.events, revents: 0))
                    owners.append(index)
                }
                next = min(next ?? entry.probe.deadline, entry.probe.deadline)
            }
            let timeout: Int32 = next.map { due in
                due <= now ? 0 : Int32(min((due.microseconds - now.microseconds + 999) / 1000, 1000))
            } ?? 1000
            _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if descriptors[0].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                _ = read(wake[0], &drain, drain.count)
            }
            for (index, watch) in watches.enumerated() where descriptors[index + 1].revents != 0 { watch.readable() }
            now = MonotonicClock.now()
            var revents = [Int16](repeating: 0, count: running.count)
            for (slot, owner) in owners.enumerated() where owner >= 0 { revents[owner] = descriptors[slot].revents }
            var finishedIndices: [Int] = []
            var results: [(CheckerID, ProbeResult, Instant)] = []
            for (index, entry) in running.enumerated() where revents[index] != 0 || entry.probe.deadline <= now {
                if let result = entry.probe.advance(revents: revents[index], now: now) {
                    finishedIndices.append(index)
                    results.append((entry.checker, result, entry.started))
                }
            }
            for index in finishedIndices.reversed() { running.remove(at: index) }
            for (checker, result, started) in results { finished(checker, result, started, now) }
        }
        for entry in running { entry.probe.cancel() }
        running.removeAll()
    }

    private func launch(_ request: ProbeRequest, now: Instant, start: Start, finished: Finished) {
        guard let made = start(request, now) else { return }
        switch made {
        case .result(let result): finished(request.checker, result, now, now)
        case .probe(let probe): running.append((request.checker, now, probe.probe))
        }
    }
}

/// What starting a probe gave: a result at once, or a probe to drive.
public enum ProbeStart {
    case result(ProbeResult)
    case probe(RunningProbe)
}

/// A probe in flight (opaque outside this module).
public struct RunningProbe {
    let probe: any Probe
}
