// The demo is a list of steps sharing one lab; later steps (failover, SNMP, traps, mail) slot in here.
import Foundation
import KeepalivedTestSupport

/// One step of `keepalived-lab demo`: prints what it shows and reports whether it went as expected.
protocol DemoStep: Sendable {
    /// A one-line title, printed as the step's heading.
    var title: String { get }
    /// Runs the step. Return the problems found (empty when everything matched); throw when the step
    /// could not run at all.
    func run(_ context: DemoContext) throws -> [String]
}

/// What every step can use: the lab, the paths, and a printer.
final class DemoContext {
    let lab: Lab
    let paths: ProjectPaths

    init(lab: Lab, paths: ProjectPaths) {
        self.lab = lab
        self.paths = paths
    }

    /// Prints a line of the demo's output at once (the demo is watched live).
    func say(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
