/// Reads an HTTP response as keepalived does: the header up to the empty line, the status code
/// from the status line, Content-Length, an MD5 of at most Content-Length body bytes, and the
/// url's regex searched in what arrives.
import CheckerCore
import VRRPCore

struct HTTPResponseReader {
    var wantDigest = false
    /// The url's regex search (nil: no regex).
    var regex: RegexScan?
    /// genhash -v's output (nil: quiet).
    var trace: GenhashTrace?
    private var header: [UInt8] = []
    private var headerDone = false
    private var statusCode = 0
    private var contentLength: Int?
    private var bodyLength = 0
    private var md5 = MD5()
    /// How much the next read may take: keepalived reads into one buffer of 4095 bytes that holds
    /// a header not yet complete, or the tail a partial regex match keeps (so its -v dumps and its
    /// regex see the same reads). 0 when an unfinished header fills it: the read then ends the fetch.
    var readLimit: Int { RegexScan.bufferLimit - (headerDone ? regex?.kept ?? 0 : header.count) }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard !headerDone else {
            regex?.feed(bytes)
            return body(bytes)
        }
        trace?.write(GenhashTrace.headerHex)
        header += bytes
        guard let end = Self.headerEnd(header) else { return }
        headerDone = true
        let rest = header[end...]
        // keepalived searches the first read whole, header included, when it holds body bytes.
        if !rest.isEmpty { regex?.feed(header[...]) }
        header.removeSubrange(end...)
        parseHeader()
        trace?.header(header)
        if !rest.isEmpty, wantDigest, contentLength.map({ $0 > 0 }) ?? true { trace?.write(GenhashTrace.bodyHex) }
        body(rest)
    }

    private mutating func body(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if wantDigest {
            let room = contentLength.map { max(0, $0 - bodyLength) } ?? bytes.count
            if room > 0 {
                md5.update(Array(bytes.prefix(room)))
                trace?.write(GenhashTrace.dump(bytes.prefix(room)))
            }
        }
        bodyLength += bytes.count
    }

    /// The stream ended cleanly (EOF, or TLS close_notify): genhash -v shows the digest.
    func cleanEnd() {
        guard let trace, wantDigest else { return }
        var copy = md5
        trace.digest(copy.finalize())
    }

    mutating func finish() -> HTTPResponse {
        var copy = md5
        return HTTPResponse(headerComplete: headerDone, statusCode: statusCode, contentLength: contentLength,
                            bodyLength: bodyLength, bodyDigest: wantDigest && headerDone ? copy.finalize() : nil,
                            regexMatched: regex?.matched, notes: regex?.notes ?? [])
    }

    /// The index just past "\r\n\r\n" (or "\n\n").
    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0a {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0a { return i + 2 }
                if i + 2 < bytes.count && bytes[i + 1] == 0x0d && bytes[i + 2] == 0x0a { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    private mutating func parseHeader() {
        let text = String(decoding: header, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        if let status = lines.first {
            let fields = status.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, fields[0].hasPrefix("HTTP/") { statusCode = Int(fields[1]) ?? 0 }
        }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "content-length" {
                contentLength = Int(line[line.index(after: colon)...].trimmingSpaces)
            }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return s
    }
}
