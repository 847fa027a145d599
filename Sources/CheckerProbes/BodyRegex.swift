/// A url's `regex`, compiled once with PCRE2 as keepalived 2.2.7 compiles it (its
/// regex_options, JIT for hard partial matching, regex_stack's JIT stack).
import CPCRE2
import KeepalivedConfig

/// keepalived.conf: url { regex, regex_options, regex_stack }. Read-only once made; PCRE2 allows
/// matching one compiled pattern from any thread with match data of the caller's own.
final class BodyRegex: @unchecked Sendable {
    let code: OpaquePointer
    /// PCRE2_INFO_MAXLOOKBEHIND: how much text before a partial match must be kept.
    let maxLookbehind: Int
    /// The match context holding the JIT stack (regex_stack), nil for PCRE2's default stack.
    let matchContext: OpaquePointer?

    /// regex_options' names and their PCRE2 compile options (keepalived's table).
    static let options: [String: UInt32] = [
        "allow_empty_class": PCRE2_ALLOW_EMPTY_CLASS, "alt_bsux": PCRE2_ALT_BSUX, "auto_callout": PCRE2_AUTO_CALLOUT,
        "caseless": PCRE2_CASELESS, "dollar_endonly": PCRE2_DOLLAR_ENDONLY, "dotall": PCRE2_DOTALL,
        "dupnames": PCRE2_DUPNAMES, "extended": PCRE2_EXTENDED, "firstline": PCRE2_FIRSTLINE,
        "match_unset_backref": PCRE2_MATCH_UNSET_BACKREF, "multiline": PCRE2_MULTILINE, "never_ucp": PCRE2_NEVER_UCP,
        "never_utf": PCRE2_NEVER_UTF, "no_auto_capture": PCRE2_NO_AUTO_CAPTURE, "no_auto_possess": PCRE2_NO_AUTO_POSSESS,
        "no_dotstar_anchor": PCRE2_NO_DOTSTAR_ANCHOR, "no_start_optimize": PCRE2_NO_START_OPTIMIZE, "ucp": PCRE2_UCP,
        "ungreedy": PCRE2_UNGREEDY, "utf": PCRE2_UTF, "never_backslash_c": PCRE2_NEVER_BACKSLASH_C,
        "alt_circumflex": PCRE2_ALT_CIRCUMFLEX, "alt_verbnames": PCRE2_ALT_VERBNAMES, "use_offset_limit": PCRE2_USE_OFFSET_LIMIT,
    ]

    private init(code: OpaquePointer, matchContext: OpaquePointer?) {
        self.code = code
        self.matchContext = matchContext
        var lookbehind: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MAXLOOKBEHIND), &lookbehind)
        maxLookbehind = Int(lookbehind)
    }

    deinit { pcre2_code_free_8(code) }

    /// Compiles `pattern` with the named options; `stack` is the JIT stack to match with (keepalived
    /// shares one, sized by the largest regex_stack of the configuration). On failure, keepalived's
    /// log line: `Invalid regex: '<pattern>' at offset <n>: <PCRE2's message>`.
    static func compile(_ pattern: String, options: [String], stack: JITStack?) -> Result<BodyRegex, RegexError> {
        let flags = options.reduce(UInt32(0)) { $0 | (Self.options[$1] ?? 0) }
        var errorNumber: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let code = bytes.withUnsafeBufferPointer {
            pcre2_compile_8($0.baseAddress, $0.count, flags, &errorNumber, &errorOffset, nil)
        }
        guard let code else {
            return .failure(RegexError(line: "Invalid regex: '\(pattern)' at offset \(errorOffset): \(message(errorNumber))"))
        }
        // keepalived compiles for hard partial matching; where JIT is unavailable PCRE2 interprets.
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_PARTIAL_HARD))
        return .success(BodyRegex(code: code, matchContext: stack?.matchContext))
    }

    static func message(_ number: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pcre2_get_error_message_8(number, &buffer, buffer.count)
        return String(decoding: buffer.prefix(max(0, Int(count))), as: UTF8.self)
    }

    /// The JIT stack regex_stack asks for, shared by every url that names one.
    final class JITStack: @unchecked Sendable {
        let matchContext: OpaquePointer
        private let stack: OpaquePointer

        /// nil when PCRE2 cannot make one (the urls then use PCRE2's default stack).
        init?(start: UInt64, max: UInt64) {
            guard let context = pcre2_match_context_create_8(nil) else { return nil }
            guard let stack = pcre2_jit_stack_create_8(Int(clamping: start), Int(clamping: max), nil) else {
                pcre2_match_context_free_8(context)
                return nil
            }
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
            matchContext = context
            self.stack = stack
        }

        deinit {
            pcre2_match_context_free_8(matchContext)
            pcre2_jit_stack_free_8(stack)
        }
    }
}

/// A regex that does not compile, with keepalived's log line.
struct RegexError: Error {
    var line: String
}
