/// glob(3) as keepalived calls it for `include` (GLOB_MARK | GLOB_BRACE), over a ConfigHost.
///
/// Besides the matches it reports what keepalived's GLOB_ALTDIRFUNC hooks observe: directories that
/// could not be opened, literal paths that do not exist, and whether any wildcard was expanded.
struct GlobResult: Equatable {
    /// Matching paths, spelled as the pattern spells them; directories end in "/".
    var paths: [String] = []
    var missingFiles = 0
    var missingDirectories = 0
    var haveWildcards = false
}

struct Glob {
    let host: any ConfigHost
    /// The directory relative patterns start from.
    let workingDirectory: String

    func expand(_ pattern: String) -> GlobResult {
        var result = GlobResult()
        for alternative in Glob.expandBraces(pattern) {
            var matches: [String] = []
            match(alternative, into: &matches, result: &result)
            result.paths += matches.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        return result
    }

    /// `{a,b}` alternatives, left-most group first, nested groups allowed; unbalanced braces stay literal.
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        var depth = 0
        var open: Int?
        var commas: [Int] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if c == "{" {
                if depth == 0 { open = i; commas = [] }
                depth += 1
            } else if c == "}", depth > 0 {
                depth -= 1
                if depth == 0, let start = open {
                    let prefix = String(chars[..<start])
                    let suffix = String(chars[(i + 1)...])
                    var bounds = [start] + commas + [i]
                    var alternatives: [String] = []
                    for k in 0..<(bounds.count - 1) {
                        alternatives.append(String(chars[(bounds[k] + 1)..<bounds[k + 1]]))
                    }
                    bounds.removeAll()
                    return alternatives.flatMap { expandBraces(prefix + $0 + suffix) }
                }
            } else if c == ",", depth == 1 {
                commas.append(i)
            }
            i += 1
        }
        return [pattern]
    }

    private func match(_ pattern: String, into matches: inout [String], result: inout GlobResult) {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty else {
            if absolute { matches.append("/") }
            return
        }
        if !components.contains(where: Glob.hasWildcard) {
            let literal = Glob.unescape(pattern)
            if let status = host.fileStatus(atPath: resolve(literal)) {
                matches.append(status.kind == .directory && !literal.hasSuffix("/") ? literal + "/" : literal)
            } else {
                result.missingFiles += 1
            }
            return
        }
        // Walk the components, keeping every partial path that still matches.
        var partials = [absolute ? "/" : ""]
        for (index, component) in components.enumerated() {
            let last = index == components.count - 1
            var next: [String] = []
            for partial in partials {
                if Glob.hasWildcard(component) {
                    result.haveWildcards = true
                    let directory = partial.isEmpty ? "." : partial
                    guard let entries = host.directoryEntries(atPath: resolve(directory)) else {
                        result.missingDirectories += 1
                        continue
                    }
                    for entry in entries where Glob.fnmatch(component, entry) {
                        let candidate = partial + entry
                        if !last {
                            guard host.fileStatus(atPath: resolve(candidate))?.kind == .directory else { continue }
                            next.append(candidate + "/")
                        } else {
                            next.append(candidate)
                        }
                    }
                } else {
                    let candidate = partial + Glob.unescape(component)
                    guard let status = host.fileStatus(atPath: resolve(candidate)) else {
                        result.missingFiles += 1
                        continue
                    }
                    if !last {
                        guard status.kind == .directory else { continue }
                        next.append(candidate + "/")
                    } else {
                        next.append(candidate)
                    }
                }
            }
            partials = next
        }
        for path in partials {
            let isDirectory = host.fileStatus(atPath: resolve(path))?.kind == .directory
            matches.append(isDirectory && !path.hasSuffix("/") ? path + "/" : path)
        }
    }

    private func resolve(_ path: String) -> String {
        Glob.join(workingDirectory, path)
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if directory.hasSuffix("/") { return directory + path }
        return directory + "/" + path
    }

    static func hasWildcard(_ component: String) -> Bool {
        var escaped = false
        for c in component {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "*" || c == "?" || c == "[" { return true }
        }
        return false
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaped = false
        for c in text {
            if !escaped && c == "\\" { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out
    }

    /// fnmatch(3) without flags, except that a leading "." must be matched literally (glob's rule).
    static func fnmatch(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let n = Array(name.unicodeScalars)
        if n.first == ".", p.first != "." { return false }
        return fnmatch(p, 0, n, 0)
    }

    private static func fnmatch(_ p: [Unicode.Scalar], _ pi: Int, _ n: [Unicode.Scalar], _ ni: Int) -> Bool {
        var pi = pi
        var ni = ni
        while pi < p.count {
            switch p[pi] {
            case "*":
                while pi < p.count, p[pi] == "*" { pi += 1 }
                if pi == p.count { return true }
                var k = ni
                while k <= n.count {
                    if fnmatch(p, pi, n, k) { return true }
                    k += 1
                }
                return false
            case "?":
                guard ni < n.count else { return false }
                pi += 1
                ni += 1
            case "[":
                guard ni < n.count, let (matched, end) = matchBracket(p, pi, n[ni]) else {
                    // An unterminated bracket matches a literal "[".
                    guard ni < n.count, n[ni] == "[" else { return false }
                    pi += 1
                    ni += 1
                    continue
                }
                guard matched else { return false }
                pi = end
                ni += 1
            case "\\" where pi + 1 < p.count:
                guard ni < n.count, n[ni] == p[pi + 1] else { return false }
                pi += 2
                ni += 1
            default:
                guard ni < n.count, n[ni] == p[pi] else { return false }
                pi += 1
                ni += 1
            }
        }
        return ni == n.count
    }

    /// Matches `c` against the bracket expression starting at `start`; nil if it is not terminated.
    private static func matchBracket(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negate, i + 1) }
            first = false
            var low = p[i]
            if low == "\\", i + 1 < p.count { i += 1; low = p[i] }
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                var high = p[i + 2]
                var skip = 3
                if high == "\\", i + 3 < p.count { high = p[i + 3]; skip = 4 }
                if low.value <= c.value && c.value <= high.value { matched = true }
                i += skip
            } else {
                if low == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
