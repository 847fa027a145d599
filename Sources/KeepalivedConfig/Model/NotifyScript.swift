/// A script keyword's value: `notify_master "/path/to/x arg" [USER [[:]GROUP]]`, split the way
/// keepalived splits it (quotes and escapes), with the user and group it runs as.
public struct NotifyScript: Sendable, Hashable {
    /// argv, exactly as keepalived would pass it (argv[0] is the program).
    public var arguments: [String]
    /// The user named on the line, if any (otherwise `script_user`, then keepalived_script).
    public var user: String?
    /// The group named on the line, if any; a leading ':' also asks for supplementary groups.
    public var group: String?
    public var location: SourceLocation

    public init(arguments: [String], user: String? = nil, group: String? = nil, location: SourceLocation) {
        self.arguments = arguments
        self.user = user
        self.group = group
        self.location = location
    }

    public var program: String { arguments.first ?? "" }
}

extension ConfigParser {
    /// Reads a script keyword's line (keepalived's notify_script_init): the first word after the
    /// keyword is the command line, then an optional user and group. keepalived only logs problems
    /// here, so they are warnings outside the `-t` verdict.
    func readScript(_ line: KeywordLine, kind: String) -> NotifyScript? {
        guard case let .success(words) = Tokenizer.scriptWords(line.raw) else {
            note("Unable to parse notify script", line, hint: "check the quotes on this line")
            return nil
        }
        guard words.count >= 2, case let .success(arguments) = Tokenizer.scriptWords(words[1]), !arguments.isEmpty else {
            note("Unable to parse script '\(words.count > 1 ? words[1] : "")' - ignoring", line, word: 1,
                 hint: "give the script path, in quotes if it has arguments")
            return nil
        }
        var script = NotifyScript(arguments: arguments, location: line.location(of: 1))
        if words.count > 2 {
            let user = words[2]
            let group = words.count > 3 ? words[3] : nil
            if host.user(named: user) == nil {
                note("Script user '\(user)' does not exist", line, word: 2)
                note("Invalid user/group for \(kind) script \(arguments[0]) - ignoring", line, word: 2,
                     hint: "name an existing user (and group)")
                return nil
            }
            if let group, host.group(named: group.hasPrefix(":") ? String(group.dropFirst()) : group) == nil {
                note("Script group '\(group)' does not exist", line, word: 3)
                note("Invalid user/group for \(kind) script \(arguments[0]) - ignoring", line, word: 3,
                     hint: "name an existing group")
                return nil
            }
            script.user = user
            script.group = group
        }
        return script
    }
}
