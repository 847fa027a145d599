// `keepalived-lab cleanup`: remove labs left behind by processes that died without tearing down.
import KeepalivedTestSupport

/// Sweeps stale lab namespaces (`kl<pid>-*` whose pid is gone), or with `--all` every lab of other processes.
struct CleanupCommand {
    let includeLive: Bool

    func run() -> Int32 {
        let availability = Lab.availability
        guard availability.isAvailable else {
            say("keepalived-lab cleanup: \(availability.reason ?? "lab unavailable")")
            return 1
        }
        let removed = Lab.sweepStale(includeLive: includeLive)
        if removed.isEmpty {
            say("No stale labs.")
        } else {
            for name in removed { say("removed \(name)") }
        }
        let left = Lab.existingNamespaces()
        if !left.isEmpty { say("Still present (owned by running processes): \(left.joined(separator: " "))") }
        return 0
    }
}
