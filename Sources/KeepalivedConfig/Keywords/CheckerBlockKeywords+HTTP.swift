/// HTTP_GET and SSL_GET (keepalived's check_http.c parser part).
extension CheckerBlockKeywords {
    /// Edits the HTTP_GET/SSL_GET settings of the checker being read.
    static func editHTTP(_ parser: ConfigParser, _ body: (inout HTTPCheck) -> Void) {
        parser.editChecker { checker in
            switch checker.probe {
            case var .http(http):
                body(&http)
                checker.probe = .http(http)
            case var .ssl(http):
                body(&http)
                checker.probe = .ssl(http)
            default: break
            }
        }
    }

    static func editURL(_ parser: ConfigParser, _ body: (inout URLCheck) -> Void) {
        editHTTP(parser) { http in
            guard !http.urls.isEmpty else { return }
            body(&http.urls[http.urls.count - 1])
        }
    }

    static func http(of checker: Checker?) -> HTTPCheck? {
        switch checker?.probe {
        case let .http(http), let .ssl(http): http
        default: nil
        }
    }

    static let httpEntries: [KeywordTable.Entry] = [
        .keyword("nb_get_retry") { parser, line in
            parser.error("nb_get_retry is deprecated - please use 'retry'", line, hint: "write retry instead")
            guard let v = parser.checkerUnsigned(line, 0...UInt64(UInt32.max), { "Invalid nb_get_retry value '\($0)'" }) else { return }
            parser.editChecker { $0.retry = UInt32(v) }
        },
        .keyword("virtualhost") { parser, line in
            guard let name = line[1] else {
                parser.error("HTTP_GET virtualhost name missing", line, hint: "give a host name")
                return
            }
            editHTTP(parser) { $0.virtualhost = name }
        },
        .keyword("http_protocol") { parser, line in
            guard let word = line[1] else {
                parser.error("Missing http_protocol version", line, hint: "give 1.0, 1.1 or 1.0C")
                return
            }
            let version: HTTPCheck.ProtocolVersion
            switch word {
            case "1.0": version = .http10
            case "1.1": version = .http11
            case "1.0C", "1.0c": version = .http10Close
            default:
                parser.error("Invalid http_protocol version \(word)", line, word: 1, hint: "give 1.0, 1.1 or 1.0C")
                return
            }
            editHTTP(parser) { $0.httpProtocol = version }
        },
        .keyword("enable_sni") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid enable_sni parameter") else { return }
            editHTTP(parser) { $0.enableSNI = v }
        },
        .keyword("fast_recovery") { parser, line in
            guard let v = parser.checkerBool(line, "Invalid fast_recovery parameter") else { return }
            editHTTP(parser) { $0.fastRecovery = v }
        },
        .block("url", open: { parser, line in
            editHTTP(parser) { $0.urls.append(URLCheck(location: line.location)) }
        }, close: closeURL, KeywordTable(urlEntries)),
    ]

    static let urlEntries: [KeywordTable.Entry] = [
        .keyword("path") { parser, line in
            guard let path = parser.argument(line, 1) else { return }
            editURL(parser) { $0.path = path }
        },
        .keyword("digest") { parser, line in
            guard let text = parser.argument(line, 1) else { return }
            if http(of: parser.currentChecker)?.urls.last?.digest != nil {
                parser.error("Digest '\(text)' is a duplicate", line, word: 1, hint: "give one digest per url")
                return
            }
            let chars = Array(text.utf8)
            guard chars.count == 32 else {
                parser.error("digest '\(text)' character length should be 32 rather than \(chars.count)", line, word: 1,
                             hint: "give the 32 hex digits of the MD5 digest")
                return
            }
            var bytes = [UInt8](repeating: 0, count: 16)
            for i in (0..<16).reversed() {
                guard let high = hexDigit(chars[2 * i]), let low = hexDigit(chars[2 * i + 1]) else {
                    // keepalived cuts the text as it converts from the end.
                    let shown = String(decoding: chars.prefix(2 * i + 2), as: UTF8.self)
                    parser.error("Unable to interpret hex digit in '\(shown)' at offset \(2 * i)/\(2 * i + 1)", line, word: 1,
                                 hint: "use only 0-9 and a-f")
                    return
                }
                bytes[i] = high << 4 | low
            }
            editURL(parser) { $0.digest = bytes }
        },
        .keyword("status_code") { parser, line in
            var ranges: [ClosedRange<Int>] = []
            for index in 1..<max(line.count, 1) {
                let word = line[index]!
                if let range = statusRange(word) {
                    ranges.append(range)
                } else {
                    parser.error("Invalid HTTP_GET status code '\(word)'", line, word: index, hint: "give codes or ranges within 100-599")
                }
            }
            editURL(parser) { $0.statusCodes += ranges }
        },
        .keyword("virtualhost") { parser, line in
            guard let name = line[1] else {
                parser.error("Missing HTTP_GET virtualhost name", line, hint: "give a host name")
                return
            }
            editURL(parser) { $0.virtualhost = name }
        },
        .keyword("regex") { parser, line in
            guard case let .success(words) = Tokenizer.scriptWords(line.raw), words.count == 2 else {
                parser.note("regex missing or too many fields", line, hint: "quote the regular expression")
                return
            }
            editURL(parser) { $0.regex = words[1] }
        },
        .keyword("regex_no_match") { parser, _ in editURL(parser) { $0.regexNoMatch = true } },
        .keyword("regex_options") { parser, line in
            let known = line.arguments.map(\.text).filter { regexOptionNames.contains($0) }
            editURL(parser) { $0.regexOptions += known }
        },
        .keyword("regex_min_offset") { parser, line in
            let value = regexOffset(parser, line, "min")
            editURL(parser) { $0.regexMinOffset = value }
        },
        .keyword("regex_max_offset") { parser, line in
            let value = regexOffset(parser, line, "max") + 1
            editURL(parser) { $0.regexMaxOffset = value }
        },
        .keyword("regex_stack") { parser, line in
            guard line.count == 3 else { return parser.note("regex_stack requires start and max values", line) }
            let start = NumberText.strtoul(line[1]!, radix: 10), maximum = NumberText.strtoul(line[2]!, radix: 10)
            guard start.rest.isEmpty else { return parser.note("regex_stack invalid start value", line, word: 1) }
            guard maximum.rest.isEmpty else { return parser.note("regex_stack invalid max value", line, word: 2) }
            guard start.value <= maximum.value else { return parser.note("regex stack start cannot exceed max value", line) }
            editURL(parser) { $0.regexStack = (start.value, maximum.value) }
        },
    ]

    static let regexOptionNames: Set<String> = [
        "allow_empty_class", "alt_bsux", "auto_callout", "caseless", "dollar_endonly", "dotall", "dupnames", "extended",
        "firstline", "match_unset_backref", "multiline", "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess",
        "no_dotstar_anchor", "no_start_optimize", "ucp", "ungreedy", "utf",
    ]

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `CODE` or `MIN-MAX` within 100-599 (keepalived's status_code_handler).
    static func statusRange(_ word: String) -> ClosedRange<Int>? {
        let first = NumberText.strtoul(word, radix: 10)
        var last = first
        if first.rest.first == "-" { last = NumberText.strtoul(String(first.rest.dropFirst()), radix: 10) }
        guard last.rest.isEmpty, !first.overflow, !last.overflow else { return nil }
        let low = Int(clamping: first.value), high = Int(clamping: last.value)
        guard (100...599).contains(low), (100...599).contains(high), low <= high else { return nil }
        return low...high
    }

    static func regexOffset(_ parser: ConfigParser, _ line: KeywordLine, _ type: String) -> Int {
        guard line.count == 2 else {
            parser.note("Missing or too may options for regex_\(type)_offset", line)
            return 0
        }
        let parsed = NumberText.strtoul(line[1]!, radix: 10)
        guard parsed.rest.isEmpty else {
            parser.note("Invalid regex_\(type)_offset \(line[1]!) specified", line, word: 1)
            return 0
        }
        return Int(clamping: parsed.value)
    }

    /// keepalived's url_check: a url needs a path; default status codes 200-299.
    @Sendable static func closeURL(_ parser: ConfigParser) {
        guard let url = http(of: parser.currentChecker)?.urls.last else { return }
        if url.path == nil {
            parser.errorHere("HTTP/SSL_GET checker url has no path - ignoring", class: .generalError, hint: "add path inside url")
            editHTTP(parser) { _ = $0.urls.popLast() }
            return
        }
        editURL(parser) { url in
            if url.statusCodes.isEmpty { url.statusCodes = [200...299] }
            if url.regex == nil,
               !url.regexOptions.isEmpty || url.regexNoMatch || url.regexMinOffset != 0 || url.regexMaxOffset != 0 || url.regexStack != nil {
                parser.noteHere("regex parameters specified without regex", hint: "add regex or remove the regex_* keywords")
                url.regexOptions = []
                url.regexNoMatch = false
                url.regexMinOffset = 0
                url.regexMaxOffset = 0
                url.regexStack = nil
            }
            if url.regexMaxOffset != 0 && url.regexMinOffset >= url.regexMaxOffset {
                parser.noteHere("regex min offset \(url.regexMinOffset) > regex_max_offset \(url.regexMaxOffset - 1) - ignoring", hint: "make regex_min_offset smaller than regex_max_offset")
                url.regexMinOffset = 0
                url.regexMaxOffset = 0
            }
        }
    }

    /// keepalived's http_get_check_end: a checker needs a url.
    @Sendable static func closeHTTP(_ parser: ConfigParser) {
        guard let checker = parser.currentChecker, let http = http(of: checker) else { return }
        if http.urls.isEmpty {
            parser.errorHere("HTTP/SSL_GET checker has no urls specified - ignoring", class: .generalError, hint: "add a url { path ... } block")
            parser.dropCurrentChecker()
            return
        }
        closeConnection(parser)
    }
}
