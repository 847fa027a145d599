/// genhash mode: parse its command line, fetch once, print what keepalived 2.2.7 prints (the
/// body's MD5 in hex on standard output, or the reason the fetch failed) and exit 0.
import CheckerProbes
import LinuxNet
import Notification

enum Genhash {
    static func run(arguments: [String], programName: String, stdout: TextOutput, stderr: TextOutput) -> Int32 {
        let asGenhash = programName.split(separator: "/").last == "genhash"
        // keepalived: with argc <= 2 there is nothing to parse.
        let commandLine = GenhashCommandLine.parse(arguments, bare: asGenhash ? arguments.count <= 1 : arguments.isEmpty)
        for message in commandLine.messages { stderr.line(message) }
        guard let request = commandLine.request else {
            stderr.write(GenhashCommandLine.usage(programName: programName, asGenhash: asGenhash))
            return 1
        }
        var tls: TLSContext?
        if request.useTLS {
            guard let context = GenhashFetch.tlsContext() else {
                stderr.line("Cannot initialize SSL context.")
                stderr.write(GenhashCommandLine.usage(programName: programName, asGenhash: asGenhash))
                return 1
            }
            tls = context
        }
        let started = MonotonicClock.now()
        let verbose: (@Sendable (String) -> Void)? = commandLine.verbose ? { @Sendable text in stdout.write(text) } : nil
        switch GenhashFetch.run(request, tls: tls, verbose: verbose) {
        case .digest(let digest): stdout.line(digest.map { hex($0) }.joined())
        case .noData: stderr.line("no data received from remote webserver")
        case .failed(let reason): stdout.line(reason)
        }
        if commandLine.verbose {
            let elapsed = MonotonicClock.now().microseconds - started.microseconds
            stdout.write("\nGlobal response time for [\(request.path)] = \(elapsed) usecs\n")
        }
        return 0
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
    }
}
