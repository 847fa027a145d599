/// Our command line against Debian's keepalived 2.2.7 binary on this machine.
import Glibc
import Testing
@testable import KeepalivedDaemon

/// Debian's keepalived, run with popen(3): only with argument vectors that make it exit while parsing.
enum InstalledKeepalived {
    static let path = "/usr/sbin/keepalived"
    static var isInstalled: Bool { access(path, X_OK) == 0 }
    static var isCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }
    /// Run the comparison when the binary is here, and in CI always (where its absence is a failure).
    static var shouldRun: Bool { isInstalled || isCI }

    enum Stream { case standardOutput, standardError }

    /// One stream's text and the exit status of `keepalived arguments`.
    static func run(_ arguments: [String], capture: Stream) -> (output: String, status: Int32) {
        let quoted = arguments.map { "'" + $0.replacing("'", with: "'\\''") + "'" }.joined(separator: " ")
        let redirect = capture == .standardOutput ? "2>/dev/null" : "2>&1 >/dev/null"
        guard let pipe = popen("\(path) \(quoted) </dev/null \(redirect)", "r") else { return ("", -1) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count == 0 { break }
            output += buffer[0..<count]
        }
        let status = pclose(pipe)
        return (String(decoding: output, as: UTF8.self), (status >> 8) & 0xff)
    }

    static func requireInstalled() throws {
        try #require(isInstalled, "CI=true but \(path) is missing: apt-get install keepalived")
    }
}

@Suite(.enabled(if: InstalledKeepalived.shouldRun, "Debian's /usr/sbin/keepalived is not installed (apt-get install keepalived)"))
struct CommandLineInteropTests {
    /// Every `--name` in keepalived's `--help` is ours too, with the same short letter and argument kind.
    @Test func everyOptionOfKeepalivedHelpIsAccepted() throws {
        try InstalledKeepalived.requireInstalled()
        let (help, status) = InstalledKeepalived.run(["--help"], capture: .standardError)
        #expect(status == 0)
        var seen: Set<String> = []
        for line in help.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let longWord = words.first(where: { $0.hasPrefix("--") }) else { continue }
            let nameEnd = longWord.firstIndex(where: { !($0.isLetter || $0 == "-" || $0 == "_") }) ?? longWord.endIndex
            let name = String(longWord[longWord.index(longWord.startIndex, offsetBy: 2)..<nameEnd])
            let short = words.first.flatMap { $0.count == 3 && $0.hasPrefix("-") && $0.hasSuffix(",") ? $0.dropFirst().first : nil }
            let rest = longWord[nameEnd...]
            let kind: OptionArgument = rest.hasPrefix("[=") ? .optional
                : rest.hasPrefix("=") || words.dropFirst().first(where: { !$0.hasPrefix("-") }) == "id" ? .required : .none
            seen.insert(name)

            let ours = try #require(KeepalivedOption.allCases.first { $0.long == name }, "--\(name) is missing")
            #expect(ours.short == short, "--\(name)")
            // keepalived's help writes `--core-dump-pattern=PATN` for an optional argument.
            #expect(ours.argument == kind || (kind == .required && ours.argument == .optional && name == "core-dump-pattern"), "--\(name)")

            var arguments = ["--\(name)"]
            if ours.argument == .required { arguments.append("x") }
            let parsed = KeepalivedCommandLine.parse(arguments)
            #expect(!parsed.hasBadOption, "--\(name): \(parsed.messages)")
            if let short {
                let shortParsed = KeepalivedCommandLine.parse(["-\(short)"] + arguments.dropFirst())
                #expect(!shortParsed.hasBadOption, "-\(short): \(shortParsed.messages)")
            }
        }
        #expect(seen.count >= 30, "could not read keepalived --help: \(help)")
        let ourVisible = Set(KeepalivedOption.allCases.filter { $0.helpSyntax != nil }.map(\.long))
        #expect(ourVisible == seen)
    }

    @Test(arguments: ["STOP", "RELOAD", "DATA", "STATS", "STATS_CLEAR", "JSON", "TDUMP", "stop", "NONE"])
    func signumAgrees(name: String) throws {
        try InstalledKeepalived.requireInstalled()
        let theirs = InstalledKeepalived.run(["--signum=\(name)"], capture: .standardOutput)
        let ours = SignalFunction.answer(name)
        #expect(theirs.status == ours.status)
        #expect(theirs.output == ours.standardOutput.map { $0 + "\n" } ?? "")
        if ours.status != 0 {
            let message = InstalledKeepalived.run(["--signum=\(name)"], capture: .standardError).output
            #expect(message == (ours.standardError ?? "") + "\n")
        }
    }

    /// Argument vectors keepalived refuses while parsing (each holds an option nothing can consume,
    /// so the real daemon never starts). Where keepalived prints a wrong word (a permuted operand, or
    /// "--X" past its table) we name the option instead; those cases are not compared here.
    static let refusedAlike: [[String]] = [
        ["--bogus"], ["-Z"], ["-nZ"], ["-f"], ["-nf"], ["--use-file="], ["--dont"], ["--no", "-Z"],
        ["--help=x"], ["--bogus=1", "-Y"], ["-S", "8", "-Z"], ["-S", "local9", "-Z"], ["-g", "-Z"],
        ["--flush-log-file"], ["--debug"], ["-L"], ["-u", "077", "-Z"],
        ["--bogus", "foo"], ["-Z", "--", "-n"],
    ]

    @Test(arguments: refusedAlike)
    func refusalsAgree(arguments: [String]) throws {
        try InstalledKeepalived.requireInstalled()
        let theirs = InstalledKeepalived.run(arguments, capture: .standardError)
        let theirOutput = InstalledKeepalived.run(arguments, capture: .standardOutput).output
        let ours = KeepalivedCommandLine.parse(arguments)
        #expect(theirs.status == (ours.hasBadOption ? 1 : 0))
        #expect(theirs.output == ours.messages.map { $0 + "\n" }.joined())
        #expect(theirOutput == (ours.unexpectedArgumentsLine.map { $0 + "\n" } ?? ""))
    }
}
