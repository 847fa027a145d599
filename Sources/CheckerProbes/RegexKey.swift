/// The compiled regexes of a configuration, one per pattern and option set (keepalived shares a
/// regex between the urls that give the same one).
import KeepalivedConfig

struct RegexKey: Hashable, Sendable {
    var pattern: String
    var options: Set<String>

    init(_ url: URLCheck) {
        pattern = url.regex ?? ""
        options = Set(url.regexOptions)
    }

    /// Compiles every url's regex; urls naming regex_stack share one JIT stack sized by the largest
    /// start and max given. `errors` are keepalived's lines for patterns that do not compile (those
    /// urls then never match).
    static func compileAll(_ kinds: [Checker.Probe]) -> (regexes: [RegexKey: BodyRegex], errors: [String]) {
        let urls = kinds.flatMap { kind -> [URLCheck] in
            switch kind {
            case .http(let http), .ssl(let http): http.urls.filter { $0.regex != nil }
            default: []
            }
        }
        let stacks = urls.compactMap(\.regexStack)
        let shared = stacks.isEmpty ? nil : BodyRegex.JITStack(start: stacks.map(\.start).max()!, max: stacks.map(\.max).max()!)
        var regexes: [RegexKey: BodyRegex] = [:]
        var errors: [String] = []
        var seen: Set<RegexKey> = []
        for url in urls {
            let key = RegexKey(url)
            guard seen.insert(key).inserted else { continue }
            switch BodyRegex.compile(key.pattern, options: url.regexOptions, stack: url.regexStack == nil ? nil : shared) {
            case .success(let regex): regexes[key] = regex
            case .failure(let error): errors.append(error.line)
            }
        }
        return (regexes, errors)
    }
}
