// The outcome of one command run to completion (or killed at its timeout).

/// What a finished command left behind: exit status, output and how long it took.
public struct CommandResult: Sendable, CustomStringConvertible {
    /// The command line as run (after `ip netns exec NS`, when run in a namespace).
    public let arguments: [String]
    /// The exit status, or 128 + signal number when a signal ended the command.
    public let status: Int32
    /// The signal that ended the command, if one did.
    public let signal: Int32?
    /// Everything written to standard output.
    public let standardOutput: String
    /// Everything written to standard error.
    public let standardError: String
    /// True when the command outlived its timeout and was killed.
    public let timedOut: Bool
    /// Wall-clock run time.
    public let duration: Duration

    public init(
        arguments: [String], status: Int32, signal: Int32? = nil, standardOutput: String, standardError: String,
        timedOut: Bool = false, duration: Duration = .zero
    ) {
        self.arguments = arguments
        self.status = status
        self.signal = signal
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.timedOut = timedOut
        self.duration = duration
    }

    /// True when the command exited by itself with status 0.
    public var succeeded: Bool { status == 0 && signal == nil && !timedOut }

    /// Standard output then standard error, for messages.
    public var combinedOutput: String {
        [standardOutput, standardError].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Returns self when the command succeeded, throws `LabError.commandFailed` otherwise.
    @discardableResult
    public func check() throws -> CommandResult {
        guard succeeded else { throw LabError.commandFailed(self) }
        return self
    }

    public var description: String {
        var text = "`\(arguments.joined(separator: " "))` "
        if timedOut {
            text += "timed out after \(duration)"
        } else if let signal {
            text += "killed by signal \(signal)"
        } else {
            text += "exited \(status)"
        }
        let output = combinedOutput.trimmingTrailingNewlines
        return output.isEmpty ? text : text + ":\n" + output
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text = text.dropLast() }
        return String(text)
    }
}
