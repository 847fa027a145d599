import KeepalivedConfig
import KeepalivedDaemon

/// `keepalived-bench parse FILE...`: loads each file in-process with our front end and prints the
/// -t exit code, the time taken and every diagnostic (for chasing a slow or surprising input).
enum ParseCommand {
    static func run(_ files: [String]) {
        let clock = ContinuousClock()
        for file in files {
            let start = clock.now
            let loaded = ConfigLoader.load(.init(configFile: file, configID: "lab1"), host: LocalHost())
            let elapsed = clock.now - start
            print("\(file): exit \(loaded.configTestExitCode), \(loaded.diagnostics.count) diagnostics, \(elapsed)")
            for diagnostic in loaded.diagnostics.prefix(50) { print("  \(diagnostic)") }
        }
    }
}
