import CheckerCore
import CheckerProbes
import Foundation
import Testing
import LinuxNet

/// A reload's hand-over on the checker thread: work handed in with `perform` runs there, and
/// `retarget` moves the scheduled probes of continuing checkers to their new ids and drops the rest.
@Suite struct ProbeLoopRetargetTests {
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [CheckerID] = []
        func append(_ id: CheckerID) { lock.withLock { ids.append(id) } }
        var all: [CheckerID] { lock.withLock { ids } }
    }

    @Test func retargetKeepsContinuingProbesUnderTheirNewIDs() {
        let kept = CheckerID(virtualServer: 0, realServer: 0, checker: 0)
        let dropped = CheckerID(virtualServer: 0, realServer: 1, checker: 0)
        let renamed = CheckerID(virtualServer: 1, realServer: 0, checker: 0)
        let last = CheckerID(virtualServer: 0, realServer: 2, checker: 0)
        let loop = ProbeLoop()
        let now = MonotonicClock.now()
        loop.schedule(ProbeRequest(checker: kept, delay: 50_000), now: now)
        loop.schedule(ProbeRequest(checker: dropped, delay: 50_000), now: now)
        loop.schedule(ProbeRequest(checker: last, delay: 150_000), now: now)
        loop.perform { loop.retarget([kept: renamed, last: last]) }
        let results = Results()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            loop.run(start: { _, _ in .result(.tcp(.connected)) }, finished: { id, _, _, _ in
                results.append(id)
                if id == last { loop.stop() }
            })
            done.signal()
        }
        thread.start()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(results.all == [renamed, last])
    }
}
