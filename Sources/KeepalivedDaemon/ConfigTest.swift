/// `keepalived -t[LOG_FILE]` (`--config-test`): read the configuration, report every problem, and exit
/// with keepalived 2.2.7's verdict.
import Glibc
import KeepalivedConfig

public enum ConfigTest {
    /// What a configuration test found.
    public struct Report: Sendable {
        public var loaded: LoadedConfiguration
        /// One compiler-style line per diagnostic (`file:line:col: error: ...`), in the order found.
        public var diagnosticLines: [String]
        /// The `-d` dump of the model (empty unless asked for).
        public var dumpLines: [String]
        /// keepalived's `-t` exit status: 0 fine, 2 aborted, 4 cannot run, 5 errors, 6 script security.
        public var exitCode: Int32 { loaded.configTestExitCode }
    }

    /// Loads the configuration the options name, on `host` (pure apart from what `host` reads).
    public static func report(_ options: CommandLineOptions, host: any ConfigHost) -> Report {
        let loaded = ConfigLoader.load(options.loaderOptions(nodeName: host.nodeName), host: host)
        return Report(
            loaded: loaded, diagnosticLines: loaded.diagnostics.map(\.description),
            dumpLines: options.dumpConfiguration ? ConfigDump.lines(of: loaded.configuration) : [])
    }

    /// Runs the test on this machine: diagnostics to `diagnostics` (stderr, or the LOG_FILE already
    /// put in its place), the dump to `dump`; returns the exit status.
    public static func run(_ options: CommandLineOptions, host: any ConfigHost, diagnostics: TextOutput, dump: TextOutput) -> Int32 {
        let report = report(options, host: host)
        for line in report.diagnosticLines { diagnostics.line(line) }
        for line in report.dumpLines { dump.line(line) }
        return report.exitCode
    }

    /// keepalived: `-tLOG_FILE` appends to LOG_FILE (created rw-r--r--, never through a symbolic link)
    /// and makes it the standard error. Returns the message to print when it cannot be opened.
    public static func redirectStandardError(to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            return "Unable to open config-test log file \(path) \(code) - \(String(cString: strerror(code)))"
        }
        dup2(fd, STDERR_FILENO)
        close(fd)
        return nil
    }
}
