/// getopt_long(3) as glibc does it, with keepalived's option string conventions (a leading ':').

/// Whether an option takes an argument: getopt's `has_arg`.
public enum OptionArgument: Sendable, Hashable {
    /// `no_argument`: `-n`, `--dont-fork`; `--dont-fork=x` is an unknown option.
    case none
    /// `required_argument`: `-fFILE`, `-f FILE`, `--use-file=FILE`, `--use-file FILE`.
    case required
    /// `optional_argument`: only attached, `-tLOG` or `--config-test=LOG`; a following word is an operand.
    case optional
}

/// One option getopt knows: a short letter, a long name, or both.
public struct GetoptOption<ID: Hashable & Sendable>: Sendable {
    public var id: ID
    public var short: Character?
    public var long: String?
    public var argument: OptionArgument

    public init(_ id: ID, short: Character?, long: String?, argument: OptionArgument) {
        self.id = id
        self.short = short
        self.long = long
        self.argument = argument
    }
}

/// Walks an argument vector the way glibc's getopt_long does for an option string beginning with ':'
/// (so errors are reported to the caller, never printed):
///
/// - short options cluster (`-nlD`), a required argument is the rest of the word or the next word,
///   an optional one only the rest of the word;
/// - `--name=value` and `--name value` for required arguments; `--name=value` only for optional ones;
/// - a long name may be abbreviated to any unique prefix; an exact match always wins;
/// - `--` ends the options; a lone `-` is an operand;
/// - operands are moved after the options (glibc's PERMUTE) unless `permute` is false
///   (glibc's POSIXLY_CORRECT), in which case the first operand ends the options.
///
/// keepalived additionally treats an empty argument to a long option that requires one
/// (`--use-file=`) as missing; that check is done here too.
public struct Getopt<ID: Hashable & Sendable>: Sendable {
    /// What one step of the walk found.
    public enum Event: Sendable, Hashable {
        /// An option and its argument (nil when it has none), with the spelling used (`-f`, `--use-file`).
        case option(ID, argument: String?, spelling: String)
        /// An unknown or ambiguous option, or an argument given to an option that takes none,
        /// as the user wrote it (`-Z`, `--bogus=1`, `--dont`).
        case unknown(String)
        /// A required argument is missing or empty: the option's full name (`-f`, `--use-file`).
        case missingArgument(String)
    }

    public let options: [GetoptOption<ID>]
    public let arguments: [String]
    public let permute: Bool
    /// Index of the next word to examine.
    private var index = 0
    /// The unread letters of the short-option cluster being walked.
    private var cluster: Substring = ""
    /// Words that are not options, in their original order.
    public private(set) var operands: [String] = []

    public init(options: [GetoptOption<ID>], arguments: [String], permute: Bool = true) {
        self.options = options
        self.arguments = arguments
        self.permute = permute
    }

    /// Index of the next word not yet examined (the words of a started cluster count as examined).
    public var position: Int { index }

    /// The next option event, or nil when the options are exhausted (operands are then in `operands`).
    public mutating func next() -> Event? {
        while cluster.isEmpty {
            guard index < arguments.count else { return nil }
            let word = arguments[index]
            if word == "--" {
                operands += arguments[(index + 1)...]
                index = arguments.count
                return nil
            }
            if word.hasPrefix("--") {
                index += 1
                return longOption(word)
            }
            if word.hasPrefix("-") && word.count > 1 {
                index += 1
                cluster = word.dropFirst()
                continue
            }
            if !permute {
                operands += arguments[index...]
                index = arguments.count
                return nil
            }
            operands.append(word)
            index += 1
        }
        return shortOption()
    }

    /// Every event up to the end of the options.
    public mutating func all() -> [Event] {
        var events: [Event] = []
        while let event = next() { events.append(event) }
        return events
    }

    private mutating func shortOption() -> Event {
        let letter = cluster.removeFirst()
        let spelling = "-\(letter)"
        guard let option = options.first(where: { $0.short == letter }) else { return .unknown(spelling) }
        switch option.argument {
        case .none:
            return .option(option.id, argument: nil, spelling: spelling)
        case .optional:
            let attached = cluster.isEmpty ? nil : String(cluster)
            cluster = ""
            return .option(option.id, argument: attached, spelling: spelling)
        case .required:
            if !cluster.isEmpty {
                let attached = String(cluster)
                cluster = ""
                return .option(option.id, argument: attached, spelling: spelling)
            }
            guard index < arguments.count else { return .missingArgument(spelling) }
            index += 1
            return .option(option.id, argument: arguments[index - 1], spelling: spelling)
        }
    }

    private mutating func longOption(_ word: String) -> Event {
        let body = word.dropFirst(2)
        let name: Substring
        let value: String?
        if let equals = body.firstIndex(of: "=") {
            name = body[..<equals]
            value = String(body[body.index(after: equals)...])
        } else {
            name = body
            value = nil
        }
        let option: GetoptOption<ID>
        if let exact = options.first(where: { $0.long.map { $0[...] == name } ?? false }) {
            option = exact
        } else {
            let candidates = options.filter { $0.long?.hasPrefix(name) ?? false }
            // glibc: two or more prefix matches with different meanings are ambiguous.
            guard candidates.count == 1 else { return .unknown(word) }
            option = candidates[0]
        }
        let fullName = "--\(option.long ?? "")"
        switch option.argument {
        case .none:
            guard value == nil else { return .unknown(word) }
            return .option(option.id, argument: nil, spelling: fullName)
        case .optional:
            return .option(option.id, argument: value, spelling: fullName)
        case .required:
            var argument = value
            if argument == nil, index < arguments.count {
                argument = arguments[index]
                index += 1
            }
            // keepalived: an empty argument to a long option counts as missing.
            guard let argument, !argument.isEmpty else { return .missingArgument(fullName) }
            return .option(option.id, argument: argument, spelling: fullName)
        }
    }
}
