/// Composition root of the daemon: what `keepalived` does with its parsed command line.
import Glibc
import KeepalivedConfig

public enum Daemon {
    /// The executable's whole life: does what the command line asks and exits with its status.
    public static func run(_ commandLine: KeepalivedCommandLine) -> Never {
        exit(main(commandLine))
    }

    /// Reads argv as the process got it (POSIXLY_CORRECT from the environment, as glibc's getopt does).
    public static func parseProcessArguments(_ argv: [String]) -> KeepalivedCommandLine {
        KeepalivedCommandLine.parse(argv: argv, permute: getenv("POSIXLY_CORRECT") == nil)
    }

    /// Does what a parsed command line asks and returns the exit status.
    public static func main(_ commandLine: KeepalivedCommandLine) -> Int32 {
        let stdout = TextOutput.standardOutput
        let stderr = TextOutput.standardError
        for message in commandLine.messages { stderr.line(message) }

        switch commandLine.request {
        case .help?:
            stderr.write(HelpText.usage(programName: commandLine.programName))
            return 0
        case .version?:
            stderr.write(HelpText.version(system: systemDescription(), distribution: distributionName()))
            return 0
        case .signum(let name)?:
            let answer = SignalFunction.answer(name)
            if let text = answer.standardOutput { stdout.line(text) }
            if let text = answer.standardError { stderr.line(text) }
            return answer.status
        case .genhash(let arguments, let warning)?:
            if let warning { stderr.line(warning) }
            return Genhash.run(arguments: arguments, programName: commandLine.programName, stdout: stdout, stderr: stderr)
        case nil:
            break
        }

        if let line = commandLine.unexpectedArgumentsLine { stdout.line(line) }
        if commandLine.hasBadOption { return 1 }

        let options = commandLine.options
        Glibc.umask(mode_t(options.umask ?? DaemonRunner.defaultUmask))
        if case .file(let path)? = options.configTest {
            if let failure = ConfigTest.redirectStandardError(to: path) {
                stderr.line(failure)
                return 1
            }
        }
        if options.configTest != nil {
            return ConfigTest.run(options, host: LocalHost(), diagnostics: stderr, dump: stdout)
        }
        return runDaemon(options, stdout: stdout, stderr: stderr)
    }

    /// Starting the daemon proper: VRRP runs; the checker, BFD, reload and dumps say they are not
    /// supported yet.
    static func runDaemon(_ options: CommandLineOptions, stdout: TextOutput, stderr: TextOutput) -> Int32 {
        DaemonRunner.run(options, stdout: stdout, stderr: stderr)
    }

    /// uname(2): `sysname release version`.
    static func systemDescription() -> String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        }
        return "\(text(names.sysname)) \(text(names.release)) \(text(names.version))"
    }

    /// PRETTY_NAME from /etc/os-release, without its quotes.
    static func distributionName() -> String? {
        guard let bytes = LocalHost().readFile(atPath: "/etc/os-release") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            var value = line.dropFirst("PRETTY_NAME=".count)
            if value.hasPrefix("\"") { value = value.dropFirst() }
            if value.hasSuffix("\"") { value = value.dropLast() }
            return String(value)
        }
        return nil
    }
}
