import VRRPCore

/// keepalived.conf: vrrp_startup_delay — for that long after start a backup cannot time out:
/// its master-down timer counts from the end of the delay (keepalived's vrrp_delayed_start_time).
extension VRRPService {
    /// Logs keepalived's line and fixes the delay's end; called once, at start (not on reload).
    func beginStartupDelay(now: Instant) {
        guard startupDelay > 0 else { return }
        startupDelayEnd = now.adding(startupDelay)
        log("Delaying startup for \(Self.seconds(startupDelay)) seconds")
    }

    /// The expiry of a timer armed at `now` for `at`: during the delay a backup's timer is moved to
    /// the delay's end plus its own length.
    func delayedExpiry(_ at: Instant, for instance: RunningInstance, now: Instant) -> Instant {
        guard let end = startupDelayEnd else { return at }
        guard now < end else {
            startupDelayEnd = nil
            return at
        }
        guard router(instance).state == .backup, at > now else { return at }
        return end.adding(at.microseconds - now.microseconds)
    }

    /// keepalived's "%g" of a delay in seconds: 2, 1.5, 0.25.
    static func seconds(_ microseconds: UInt64) -> String {
        microseconds % 1_000_000 == 0 ? String(microseconds / 1_000_000) : String(Double(microseconds) / 1_000_000)
    }
}
