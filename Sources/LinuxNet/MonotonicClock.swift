import CLinuxNet
import VRRPCore

/// clock_gettime(CLOCK_MONOTONIC) as a VRRPCore Instant.
public enum MonotonicClock {
    public static func now() -> Instant { Instant(microseconds: clinuxnet_monotonic_microseconds()) }
}
