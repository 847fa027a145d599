import Glibc

/// A script's command line as keepalived prints it (its cmd_str) in the MIB and the data dump.
enum ScriptText {
    /// The program resolved as keepalived's security check resolves it (realpath, or a PATH search
    /// for a bare name), then every word in single quotes, except a first word that is a shell redirection.
    static func keepalived(_ arguments: [String]) -> String {
        guard let program = arguments.first else { return "" }
        var words = arguments
        words[0] = resolved(program)
        return words.enumerated().map { index, word in
            index == 0 && (word.hasPrefix("<") || word.hasPrefix(">")) ? word : "'\(word)'"
        }.joined(separator: " ")
    }

    private static func resolved(_ program: String) -> String {
        if program.hasPrefix("<") || program.hasPrefix(">") { return program }
        var candidates = [program]
        if !program.contains("/") {
            let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            candidates = path.split(separator: ":").map { "\($0)/\(program)" }.filter { access($0, X_OK) == 0 }
        }
        guard let candidate = candidates.first, let real = realpath(candidate, nil) else { return program }
        defer { free(real) }
        return String(cString: real)
    }
}
