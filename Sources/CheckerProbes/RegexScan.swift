/// One fetch's regex search, fed the response as it arrives the way keepalived 2.2.7 feeds it:
/// reads of at most 4095 bytes, each matched on its own with hard partial matching, the tail of a
/// partial match (and the pattern's lookbehind) carried into the next read, and regex_min_offset
/// and regex_max_offset counted from the first byte of the response (its header included).
import CPCRE2

struct RegexScan {
    /// keepalived's MAX_BUFFER_LENGTH - 1: the most one read holds.
    static let bufferLimit = 4095
    private let regex: BodyRegex
    /// keepalived.conf: regex_min_offset
    private let minOffset: Int
    /// keepalived.conf: regex_max_offset (one past the last position; 0 for none)
    private let maxOffset: Int
    /// The bytes of the current read (and a kept partial match).
    private var buffer: [UInt8] = []
    /// Where `buffer` starts in the response.
    private var subjectOffset = 0
    /// Where to resume matching in `buffer` after a partial match (the lookbehind kept).
    private var startOffset = 0
    /// Whether the pattern matched (at or before regex_max_offset).
    private(set) var matched = false
    /// Bytes kept from the last read for the next (a partial match and its lookbehind).
    var kept: Int { buffer.count }
    /// keepalived's log lines for what went wrong while matching.
    private(set) var notes: [String] = []

    init(regex: BodyRegex, minOffset: Int, maxOffset: Int) {
        self.regex = regex
        self.minOffset = minOffset
        self.maxOffset = maxOffset
    }

    /// Matches `bytes` as the reads that would bring them.
    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while !rest.isEmpty {
            let room = max(1, Self.bufferLimit - buffer.count)
            buffer += rest.prefix(room)
            rest = rest.dropFirst(room)
            if !check() { buffer.removeAll() }
        }
    }

    /// keepalived's check_regex: true when `buffer` must be kept for the next read.
    private mutating func check() -> Bool {
        guard !matched else { return false }
        var start = 0
        if minOffset > 0 {
            if subjectOffset + buffer.count < minOffset - regex.maxLookbehind {
                subjectOffset += buffer.count
                return false
            }
            if subjectOffset < minOffset { start = minOffset - subjectOffset }
        }
        if maxOffset > 0 && subjectOffset + startOffset >= maxOffset {
            subjectOffset += buffer.count
            return false
        }
        start = max(start, startOffset)
        guard let data = pcre2_match_data_create_from_pattern_8(regex.code, nil) else { return false }
        defer { pcre2_match_data_free_8(data) }
        let result = buffer.withUnsafeBufferPointer {
            pcre2_match_8(regex.code, $0.baseAddress, $0.count, start, UInt32(PCRE2_PARTIAL_HARD), data, regex.matchContext)
        }
        startOffset = 0
        let matchStart = pcre2_get_ovector_pointer_8(data)[0]
        if result == PCRE2_ERROR_PARTIAL {
            let keep = max(0, matchStart - regex.maxLookbehind)
            if keep > 0 {
                startOffset = regex.maxLookbehind
                buffer.removeFirst(keep)
                subjectOffset += keep
            } else if buffer.count >= Self.bufferLimit {
                subjectOffset += buffer.count
                notes.append("Regex partial match preserve too large - discarding")
                return false
            }
            return true
        }
        if result < 0, let note = Self.note(result) { notes.append(note) }
        if result >= 0 && (maxOffset == 0 || subjectOffset + matchStart < maxOffset) { matched = true }
        subjectOffset += buffer.count
        return false
    }

    /// keepalived's line for a failed pcre2_match (none for "no match").
    static func note(_ result: Int32) -> String? {
        switch result {
        case PCRE2_ERROR_NOMATCH: nil
        case PCRE2_ERROR_NULL: "Something was null in regex match"
        case PCRE2_ERROR_BADOPTION: "A bad option was passed to regex"
        case PCRE2_ERROR_BADMAGIC: "Magic number bad (compiled regex corrupt?)"
        case PCRE2_ERROR_NOMEMORY: "Regex an out of memory"
        default: "Unknown regex error \(result)"
        }
    }
}
