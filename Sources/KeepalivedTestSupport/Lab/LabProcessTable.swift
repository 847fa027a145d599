// The long-running processes a lab started, so teardown can stop them all.
import Foundation

/// Processes started in a lab's namespaces, shared by the lab and its `LabNamespace` values.
final class LabProcessTable: @unchecked Sendable {
    private let lock = NSLock()
    private var processes: [LabProcess] = []
    private var serial = 0

    func add(_ process: LabProcess) {
        lock.withLock { processes.append(process) }
    }

    func nextSerial() -> Int {
        lock.withLock {
            serial += 1
            return serial
        }
    }

    /// Stops every process (SIGTERM, then SIGKILL after `grace`) and forgets them.
    func stopAll(grace: Duration) {
        let all = lock.withLock {
            defer { processes.removeAll() }
            return processes
        }
        for process in all where process.isRunning { process.send(SIGTERM) }
        for process in all { process.stop(grace: grace) }
    }
}
