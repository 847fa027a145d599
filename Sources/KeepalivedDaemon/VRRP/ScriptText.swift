import Glibc

/// A script's command line as keepalived prints it (its cmd_str) in the MIB and the data dump.
enum ScriptText {
    /// The program resolved as keepalived's security check resolves it (realpath, or a PATH search
    /// for a bare name, keeping the given file name when it names the same file), then every word in
    /// single quotes, except a first word that is a shell redirection.
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
        guard let candidate = candidates.first, let pointer = realpath(candidate, nil) else { return program }
        let real = String(cString: pointer)
        free(pointer)
        return keepingName(of: candidate, real: real)
    }

    /// keepalived keeps the name the script was given when the link led to another name (a
    /// busybox applet, say): the real directory with the given name, if that is the same file.
    private static func keepingName(of given: String, real: String) -> String {
        let name = given.split(separator: "/").last.map(String.init) ?? given
        guard let slash = real.lastIndex(of: "/"), real[real.index(after: slash)...] != name else { return real }
        let renamed = String(real[...slash]) + name
        var realStat = stat(), renamedStat = stat()
        guard stat(real, &realStat) == 0 else { return renamed }
        guard stat(renamed, &renamedStat) == 0, realStat.st_dev == renamedStat.st_dev, realStat.st_ino == renamedStat.st_ino else {
            return real
        }
        return renamed
    }
}
