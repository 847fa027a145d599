/// A probe in flight: what it waits for (a descriptor, a deadline) and how it moves on.
import CheckerCore
import VRRPCore

/// One probe as a small state machine the loop drives: `wants` says what to poll for and until
/// when; `advance` is called when that happens (or the deadline passes) and returns the result
/// once there is one. A probe never blocks.
protocol Probe: AnyObject {
    /// A result known when the probe was made (a refused socket, a failed send): nothing to poll.
    var immediateResult: ProbeResult? { get }
    /// The descriptor to poll and its events (nil: only the deadline matters).
    var wants: (fd: Int32, events: Int16)? { get }
    /// When `advance` must be called even if nothing happened.
    var deadline: Instant { get }
    /// Moves on; `revents` is 0 when called for the deadline.
    func advance(revents: Int16, now: Instant) -> ProbeResult?
    /// Releases the descriptor or child (the loop is stopping).
    func cancel()
}
