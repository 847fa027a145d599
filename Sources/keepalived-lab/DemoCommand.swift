// `keepalived-lab demo`: one lab, the demo steps in order, a summary, teardown.
import Foundation
import KeepalivedTestSupport

/// Runs every demo step against one lab of two routers and a client.
struct DemoCommand {
    let confDirectory: String?

    /// The steps, in order. Later features add theirs (failover, snmpwalk, traps, mail) here.
    static let steps: [any DemoStep] = [
        LabTopologyStep(),
        ReachabilityStep(),
        ConfigCheckStep(),
        FailoverStep(),
        TrackedServiceStep(),
        SNMPStep(),
        MailStep(),
    ]

    func run() -> Int32 {
        let availability = Lab.availability
        guard availability.isAvailable else {
            say("keepalived-lab: \(availability.reason ?? "lab unavailable")")
            return 77
        }
        do {
            let paths = try ProjectPaths.locate(confDirectory: confDirectory)
            return try Lab.withLab(routers: 2) { lab in
                let context = DemoContext(lab: lab, paths: paths)
                var failed: [String] = []
                for (index, step) in Self.steps.enumerated() {
                    context.say("")
                    context.say("== Step \(index + 1)/\(Self.steps.count): \(step.title)")
                    do {
                        let problems = try step.run(context)
                        failed += problems.map { "step \(index + 1): \($0)" }
                    } catch {
                        context.say("   step failed: \(error)")
                        failed.append("step \(index + 1) (\(step.title)) could not run: \(error)")
                    }
                }
                context.say("")
                if failed.isEmpty {
                    context.say("Demo finished: every step matched. The lab is being removed.")
                    return 0
                }
                context.say("Demo finished with \(failed.count) problem(s):")
                for problem in failed { context.say("  - \(problem)") }
                return 1
            }
        } catch {
            say("keepalived-lab demo: \(error)")
            return 1
        }
    }
}
