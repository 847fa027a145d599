@testable import CheckerProbes
import Testing

/// The regex search keepalived 2.2.7 runs on a response as it arrives (check_regex): PCRE2 with
/// hard partial matching across reads, offsets counted from the response's first byte.
private func matched(_ pattern: String, options: [String] = [], min: Int = 0, max: Int = 0,
                     reads: [String]) throws -> Bool? {
    let regex = try BodyRegex.compile(pattern, options: options, stack: nil).get()
    var reader = HTTPResponseReader()
    reader.regex = RegexScan(regex: regex, minOffset: min, maxOffset: max)
    for read in reads { reader.append(Array(read.utf8)[...]) }
    return reader.finish().regexMatched
}

private let header = "HTTP/1.0 200 OK\r\nContent-Length: 11\r\n\r\n"

@Test func matchesTheBody() throws {
    #expect(try matched("wor+ld", reads: [header + "hello world"]) == true)
    #expect(try matched("goodbye", reads: [header + "hello world"]) == false)
    #expect(try matched("WORLD", options: ["caseless"], reads: [header + "hello world"]) == true)
}

@Test func aMatchSplitAcrossReadsIsFound() throws {
    #expect(try matched("hello world", reads: [header + "hello wo", "rld"]) == true)
    #expect(try matched("hello world", reads: [header, "hel", "lo w", "orld"]) == true)
}

@Test func aBodyLongerThanOneReadIsSearchedToTheEnd() throws {
    let filler = String(repeating: "x", count: 10_000)
    #expect(try matched("needle", reads: [header + filler + "needle"]) == true)
    #expect(try matched("needle", reads: [header + filler]) == false)
}

@Test func theFirstReadIsSearchedWithItsHeader() throws {
    // keepalived matches the read that completes the header whole, header included.
    #expect(try matched("Content-Length", reads: [header + "body"]) == true)
    // A read holding only the header is not searched.
    #expect(try matched("Content-Length", reads: [header, "body"]) == false)
}

@Test func offsetsBoundWhereAMatchMayStart() throws {
    let body = header + "abc match"
    let at = header.utf8.count + 4
    #expect(try matched("match", min: at, reads: [body]) == true)
    #expect(try matched("match", min: at + 1, reads: [body]) == false)
    // regex_max_offset N is kept as N + 1: a match starting at N passes, one after it does not.
    #expect(try matched("match", max: at + 1, reads: [body]) == true)
    #expect(try matched("match", max: at, reads: [body]) == false)
}

@Test func noRegexNoVerdict() {
    var reader = HTTPResponseReader()
    reader.append(Array((header + "hello world").utf8)[...])
    #expect(reader.finish().regexMatched == nil)
}

@Test func anInvalidPatternGivesKeepalivedsLine() {
    guard case .failure(let error) = BodyRegex.compile("(unclosed", options: [], stack: nil) else {
        Issue.record("compiled")
        return
    }
    #expect(error.line.hasPrefix("Invalid regex: '(unclosed' at offset 9: "))
}

/// genhash -v's hex dump, as keepalived's dump_buffer lays it out.
@Test func hexDumpLayout() {
    #expect(GenhashTrace.dump(Array("hello\n".utf8)[...]) ==
        "0000  68 65 6c 6c 6f 0a       -                           hello.          \n")
    let sixteen = GenhashTrace.dump(Array("HTTP/1.0 200 OK\r\nX".utf8)[...])
    #expect(sixteen == "0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.\n"
        + "0016  0a 58                   -                           .X              \n")
}

@Test func aPartialMatchOutgrowingTheBufferIsDroppedWithKeepalivedsLine() throws {
    let regex = try BodyRegex.compile("a[^z]*z", options: [], stack: nil).get()
    var reader = HTTPResponseReader()
    reader.regex = RegexScan(regex: regex, minOffset: 0, maxOffset: 0)
    reader.append(Array((header + "a" + String(repeating: "x", count: 9_000) + "z").utf8)[...])
    let response = reader.finish()
    #expect(response.regexMatched == false)
    #expect(response.notes.first == "Regex partial match preserve too large - discarding")
}
