/// Turns configuration files into logical lines, the way keepalived 2.2.7's read_line does:
/// includes (glob, relative to the including file), comments, `@id` conditional lines,
/// `$NAME=` definitions (multi-line too), `~SEQ`/`~LST` generators, and splitting lines at the
/// first unquoted brace.
final class LineReader {
    /// One open include pattern and the file of it being read.
    private struct IncludeFrame {
        var pattern: String
        var matches: [String]
        var nextMatch = 0
        var lines: [ArraySlice<UInt8>] = []
        var nextLine = 0
        var lineNumber = 0
        var path = ""
        var includeType: IncludeChecks
        var savedIncludeCheck: IncludeChecks
        var savedDirectory: String
        var opened = 0
    }

    /// The longest line keepalived reads in one go (its 1024-byte buffer less the terminator).
    static let maximumLineLength = 1023

    private let host: any ConfigHost
    private let configID: String
    private let report: (Diagnostic) -> Void
    private var includeStack: [IncludeFrame] = []
    private(set) var workingDirectory: String
    var includeCheck: IncludeChecks

    private var definitions = DefinitionTable()
    private var sequences: [LineSequence] = []
    private var multilinePending: [UInt8]?
    private var multilineStack: [(pending: [UInt8], depth: Int)] = []
    private var multilineSequenceDepth = 0
    private var residue: (bytes: [UInt8], location: SourceLocation)?
    private var definingMultiline: Definition?
    private var randomSeed: UInt32?

    /// How deep the braces read so far are nested (for "missing '}'" at the end).
    private(set) var blockDepth = 0
    /// Where the line being processed came from, for diagnostics.
    private(set) var location = SourceLocation(file: "", line: 0)
    /// Set once any configuration file could be opened.
    private(set) var openedAnyFile = false
    /// Set when an include problem keepalived treats as "cannot run" occurred.
    private(set) var fileErrorOccurred = false

    init(host: any ConfigHost, configID: String, includeCheck: IncludeChecks, report: @escaping (Diagnostic) -> Void) {
        self.host = host
        self.configID = configID
        self.includeCheck = includeCheck
        self.report = report
        self.workingDirectory = host.currentDirectory
        definitions.add(Definition(name: Array("_PWD".utf8), value: [], builtin: .workingDirectory))
        definitions.add(Definition(name: Array("_INSTANCE".utf8), value: [], builtin: .configID))
        definitions.add(Definition(name: Array("_RANDOM".utf8), value: [], builtin: .random, maxParameters: 2))
        definitions.add(Definition(name: Array("_HASH".utf8), value: Array("#".utf8)))
        definitions.add(Definition(name: Array("_BANG".utf8), value: Array("!".utf8)))
    }

    // MARK: - Diagnostics

    private func error(_ message: String, _ cls: ConfigErrorClass, hint: String? = nil) {
        report(Diagnostic(.error, message, at: location.line > 0 ? location : nil, hint: hint, class: cls))
    }

    private func note(_ message: String) {
        report(Diagnostic(.warning, message, at: location.line > 0 ? location : nil))
    }

    /// keepalived's file_config_error: an error only if the active include checks ask for it.
    private func fileError(_ kind: IncludeChecks, _ message: String, frameType: IncludeChecks? = nil) {
        let type = frameType ?? includeStack.last?.includeType ?? []
        if !includeCheck.union(type).intersection(kind).isEmpty {
            fileErrorOccurred = true
            error(message, .fileNotFound, hint: "check the include pattern and the file's permissions")
        } else {
            note(message)
        }
    }

    // MARK: - Files

    /// Opens the top-level configuration file (pattern) with keepalived's checks for it.
    func openMain(_ pattern: String) -> Bool {
        openGlob(pattern, type: [.readable, .match, .wildcardMatch])
    }

    private func openGlob(_ pattern: String, type: IncludeChecks) -> Bool {
        let result = Glob(host: host, workingDirectory: workingDirectory).expand(pattern)
        let checks = includeCheck.union(type)
        if result.paths.isEmpty {
            if result.missingFiles > 0 || result.missingDirectories > 0 {
                fileError(Glob.expandBraces(pattern).count > 1 ? .braceMatch : .match, "Config files missing '\(pattern)'.", frameType: type)
            } else if result.haveWildcards && checks.contains(.wildcardMatch) {
                fileError(.wildcardMatch, "No config files matched '\(pattern)'.", frameType: type)
            }
            return false
        }
        if result.missingFiles > 0 || result.missingDirectories > 0 {
            fileError(.braceMatch, "Some config files missing: \"\(pattern)\".", frameType: type)
            if checks.contains(.braceMatch) { return false }
        }
        includeStack.append(IncludeFrame(
            pattern: pattern, matches: result.paths, includeType: type, savedIncludeCheck: includeCheck,
            savedDirectory: workingDirectory))
        if !openNextMatch() {
            includeStack.removeLast()
            return false
        }
        return true
    }

    /// Opens the next usable file of the innermost pattern; false when none is left.
    private func openNextMatch() -> Bool {
        guard var frame = includeStack.popLast() else { return false }
        defer { includeStack.append(frame) }
        while frame.nextMatch < frame.matches.count {
            let path = frame.matches[frame.nextMatch]
            frame.nextMatch += 1
            if path.hasSuffix("/") {
                fileError(.readable, "Configuration file '\(path)' is a directory - skipping", frameType: frame.includeType)
                continue
            }
            let resolved = Glob.join(workingDirectory, path)
            guard let status = host.fileStatus(atPath: resolved), status.kind == .regular, !status.isExecutable else {
                fileError(.readable, "Configuration file '\(path)' is not a regular non-executable file - skipping", frameType: frame.includeType)
                continue
            }
            guard let content = host.readFile(atPath: resolved) else {
                fileError(.readable, "Configuration file '\(path)' open problem (cannot read) - skipping", frameType: frame.includeType)
                continue
            }
            frame.lines = LineReader.physicalLines(content)
            frame.nextLine = 0
            frame.lineNumber = 0
            frame.path = path
            frame.opened += 1
            openedAnyFile = true
            if path.contains("/") {
                workingDirectory = LineReader.directoryName(resolved)
            }
            return true
        }
        return false
    }

    /// Closes the current file: back to the including file's directory and include checks.
    private func endFile() {
        guard let frame = includeStack.last else { return }
        includeCheck = frame.savedIncludeCheck
        workingDirectory = frame.savedDirectory
    }

    /// Splits a file the way repeated fgets(buf, 1024) calls see it: at newlines, and every 1023
    /// bytes within a longer line. Each piece keeps its newline, so line numbers can be counted.
    static func physicalLines(_ content: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(content.count / 24 + 1)
        var start = 0
        var i = 0
        let n = content.count
        content.withUnsafeBufferPointer { buffer in
            while i < n {
                if buffer[i] == UInt8(ascii: "\n") {
                    lines.append(content[start...i])
                    i += 1
                    start = i
                } else if i - start + 1 >= maximumLineLength {
                    lines.append(content[start...i])
                    i += 1
                    start = i
                } else {
                    i += 1
                }
            }
        }
        if start < n { lines.append(content[start..<n]) }
        return lines
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The next non-empty, decommented physical line, or nil at the end of every file.
    private func nextFileLine() -> (bytes: [UInt8], location: SourceLocation)? {
        while let frameIndex = includeStack.indices.last {
            if includeStack[frameIndex].nextLine >= includeStack[frameIndex].lines.count {
                endFile()
                if openNextMatch() { continue }
                let frame = includeStack.removeLast()
                if frame.opened == 0 { note("No config files matched '\(frame.pattern)'.") }
                continue
            }
            let raw = includeStack[frameIndex].lines[includeStack[frameIndex].nextLine]
            includeStack[frameIndex].nextLine += 1
            var line = Array(raw)
            let complete = line.last == UInt8(ascii: "\n")
            if complete { includeStack[frameIndex].lineNumber += 1 }
            let lineNumber = includeStack[frameIndex].lineNumber + (complete ? 0 : 1)
            location = SourceLocation(file: includeStack[frameIndex].path, line: lineNumber)
            while let last = line.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { line.removeLast() }
            if let nul = line.firstIndex(of: 0) {
                report(Diagnostic(.warning, "embedded NUL byte; the rest of the line is ignored", at: location))
                line.removeSubrange(nul...)
            }
            if line.isEmpty {
                if let definition = definingMultiline {
                    definingMultiline = nil
                    if definition.value.isEmpty { definition.multiline = false }
                }
                continue
            }
            let cleaned = Decomment.apply(&line)
            location.column = cleaned.leadingTrim + 1
            if cleaned.unterminatedQuote {
                error("Unterminated quote '\(String(decoding: line, as: UTF8.self))'", .generalError,
                      hint: "close the double quote on the same line")
            }
            if line.isEmpty { continue }
            return (line, location)
        }
        return nil
    }

    // MARK: - Logical lines

    /// The next logical line, or nil at the end of the configuration.
    func readLine() -> ConfigLine? {
        var buffer: [UInt8] = []
        repeat {
            guard let source = nextSourceLine() else {
                return nil
            }
            buffer = source.bytes
            location = source.location

            if let definition = definingMultiline {
                if buffer.last == UInt8(ascii: "\\") {
                    buffer.removeLast()
                    while let last = buffer.last, last == Decomment.space || last == Decomment.tab { buffer.removeLast() }
                    buffer.append(UInt8(ascii: "\n"))
                } else {
                    definingMultiline = nil
                    if definition.value.isEmpty { definition.multiline = false }
                }
                if buffer.count >= 2 || (!buffer.isEmpty && definingMultiline == nil) {
                    definition.value += buffer
                }
                buffer = []
                continue
            }
            if buffer.isEmpty { continue }
            buffer = process(buffer)
        } while buffer.isEmpty || handleInclude(buffer)

        return splitAtBrace(buffer)
    }

    /// Residue of a split line, then sequence output, then multi-line expansion, then the files.
    private func nextSourceLine() -> (bytes: [UInt8], location: SourceLocation)? {
        if let residue {
            self.residue = nil
            return residue
        }
        if sequences.count > multilineSequenceDepth {
            var sequence = sequences.removeLast()
            let (assignments, done) = sequence.next()
            for (name, value) in assignments { definitions.set(name, value) }
            let text = sequence.text
            if !done { sequences.append(sequence) }
            return (text, location)
        }
        if let pending = multilinePending {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                multilinePending = Array(pending[(newline + 1)...])
                return (Array(pending[..<newline]), location)
            }
            if let outer = multilineStack.popLast() {
                multilinePending = outer.pending
                multilineSequenceDepth = outer.depth
            } else {
                multilinePending = nil
                multilineSequenceDepth = 0
            }
            return (pending, location)
        }
        return nextFileLine()
    }

    /// Conditionals, definitions, sequence starts and definition expansion, repeated while an
    /// expansion produces something that needs another look.
    private func process(_ input: [UInt8]) -> [UInt8] {
        var buffer = input
        var passes = 0
        while true {
            passes += 1
            if buffer.first == UInt8(ascii: "@") {
                let negate = buffer.count > 1 && buffer[1] == UInt8(ascii: "^")
                let idStart = negate ? 2 : 1
                guard let blank = buffer[idStart...].firstIndex(where: { $0 == Decomment.space || $0 == Decomment.tab }) else {
                    return []
                }
                let matches = buffer[idStart..<blank].elementsEqual(configID.utf8)
                if matches == negate { return [] }
                var start = blank
                while start < buffer.count, buffer[start] == Decomment.space || buffer[start] == Decomment.tab { start += 1 }
                location.column += start
                buffer = Array(buffer[start...])
            }
            if buffer.first == UInt8(ascii: "$"), let parsed = DefinitionTable.parseDefinition(buffer) {
                if let existing = definitions.named(parsed.name) {
                    existing.value = parsed.value
                    existing.multiline = parsed.multiline
                    existing.builtin = nil
                    existing.maxParameters = 0
                    if parsed.multiline { definingMultiline = existing }
                } else {
                    let definition = Definition(name: parsed.name, value: parsed.value, multiline: parsed.multiline)
                    definitions.add(definition)
                    if parsed.multiline { definingMultiline = definition }
                }
                return []
            }
            if buffer.starts(with: "~SEQ".utf8) {
                do {
                    let sequence = try LineSequence.parseSEQ(buffer) { text in
                        var copy = text
                        return expand(&copy, multiline: false).usedMultiline ? nil : copy
                    }
                    sequences.append(sequence)
                } catch {
                    self.error("Invalid ~SEQ specification '\(String(decoding: buffer, as: UTF8.self))'", .generalError,
                               hint: "write ~SEQ(var, end), ~SEQ(var, start, end) or ~SEQ(var, start, step, end)")
                }
                return []
            }
            if buffer.starts(with: "~LST".utf8) {
                if let sequence = LineSequence.parseLST(buffer) {
                    sequences.append(sequence)
                } else {
                    error("Invalid ~LST specification '\(String(decoding: buffer, as: UTF8.self))'", .generalError,
                          hint: "write ~LST(var, v1, v2, ...) or ~LST({a,b}, {1,2}, {3,4})")
                }
                return []
            }
            if buffer.first == UInt8(ascii: "~") { return buffer }
            guard !definitions.isEmpty, buffer.contains(UInt8(ascii: "$")) else { return buffer }
            if !expand(&buffer, multiline: true).replaced { return buffer }
            _ = Decomment.apply(&buffer)
            if passes > 64 {
                error("definitions expand into themselves without end", .generalError, hint: "check the $definitions used on this line")
                return []
            }
            let again = buffer.first == UInt8(ascii: "@") || buffer.contains(UInt8(ascii: "$"))
            if !again { return buffer }
        }
    }

    /// Replaces every definition reference in `buffer`, rescanning replaced text (keepalived's
    /// replace_param). With `multiline`, a multi-line definition replaces its first line here and
    /// queues the rest as the next lines to read.
    private func expand(_ buffer: inout [UInt8], multiline: Bool) -> (replaced: Bool, usedMultiline: Bool) {
        var found = false
        var usedMultiline = false
        var position = 0
        var replacements = 0
        while position < buffer.count {
            guard let dollar = buffer[position...].firstIndex(of: UInt8(ascii: "$")), dollar + 1 < buffer.count else { break }
            guard let reference = definitions.reference(in: buffer, at: dollar) else {
                position = dollar + 1
                continue
            }
            replacements += 1
            if replacements > 1000 {
                error("definition expansion does not end", .generalError, hint: "a $definition refers to itself")
                return (found, usedMultiline)
            }
            found = true
            let definition = reference.definition
            let value = builtinValue(definition, parameters: reference.parameters)
            var replacement = value
            if definition.multiline {
                usedMultiline = true
                if multiline, let newline = value.firstIndex(of: UInt8(ascii: "\n")) {
                    replacement = Array(value[..<newline])
                    if let pending = multilinePending { multilineStack.append((pending, multilineSequenceDepth)) }
                    multilinePending = Array(value[(newline + 1)...])
                    multilineSequenceDepth = sequences.count
                }
            }
            if buffer.count - reference.length + replacement.count >= LineReader.maximumLineLength {
                note("Parameter substitution on line '\(String(decoding: buffer, as: UTF8.self))' would exceed maximum line length")
                return (false, usedMultiline)
            }
            buffer.replaceSubrange(dollar..<(dollar + reference.length), with: replacement)
            if let firstNonBlank = value.first(where: { $0 != Decomment.space && $0 != Decomment.tab }), firstNonBlank == UInt8(ascii: "~") {
                break
            }
            position = dollar
        }
        return (found, usedMultiline)
    }

    private func builtinValue(_ definition: Definition, parameters: [UInt8]?) -> [UInt8] {
        switch definition.builtin {
        case .workingDirectory?: return Array(workingDirectory.utf8)
        case .configID?: return Array(configID.utf8)
        case .random?:
            var low = 0
            var high = 32767
            if let parameters {
                var i = 0
                low = LineSequence.strtol(parameters, &i)
                if i < parameters.count { high = LineSequence.strtol(parameters, &i) }
            }
            guard high >= low else { return Array(String(low).utf8) }
            let value = Int(host.random(seed: randomSeed)) % (high - low + 1) + low
            return Array(String(value).utf8)
        case nil: return definition.value
        }
    }

    /// `include` and its `includer`/`includem`/`includew`/`includeb`/`includea` forms.
    private func handleInclude(_ buffer: [UInt8]) -> Bool {
        guard buffer.count > 7, buffer.starts(with: "include".utf8) else { return false }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0d) }
        var type: IncludeChecks
        var start: Int
        if isSpace(buffer[7]) {
            type = []
            start = 8
        } else if buffer.count > 8, isSpace(buffer[8]), let kind = "rmwba".utf8.firstIndex(of: buffer[7]) {
            switch "rmwba".utf8[kind] {
            case UInt8(ascii: "r"): type = .readable
            case UInt8(ascii: "m"): type = [.readable, .match]
            case UInt8(ascii: "w"): type = [.readable, .match, .wildcardMatch]
            case UInt8(ascii: "b"): type = [.readable, .braceMatch]
            default: type = .all
            }
            start = 9
        } else {
            return false
        }
        while start < buffer.count, buffer[start] == Decomment.space || buffer[start] == Decomment.tab { start += 1 }
        let pattern = String(decoding: buffer[start...], as: UTF8.self)
        _ = openGlob(pattern, type: type)
        return true
    }

    /// Splits at the first brace outside double quotes: a leading brace becomes a line of its own
    /// and the rest waits as residue for the next read.
    private func splitAtBrace(_ input: [UInt8]) -> ConfigLine {
        var buffer = input
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var brace: Int?
        if buffer[0] == open || buffer[0] == close {
            brace = 0
        } else {
            var i = 0
            while i < buffer.count {
                let c = buffer[i]
                if c == open || c == close { brace = i; break }
                if c == Decomment.quote {
                    guard let end = buffer[(i + 1)...].firstIndex(of: Decomment.quote) else { break }
                    i = end + 1
                    continue
                }
                i += 1
            }
        }
        if let brace {
            var skip = 0
            if brace == 0 {
                skip = 1
                while skip < buffer.count, buffer[skip] == Decomment.space || buffer[skip] == Decomment.tab { skip += 1 }
            }
            let restStart = brace + skip
            if restStart < buffer.count {
                var rest = Array(buffer[restStart...])
                while let last = rest.last, last == Decomment.space || last == Decomment.tab { rest.removeLast() }
                var restLocation = location
                restLocation.column += restStart
                residue = (rest, restLocation)
                buffer.removeSubrange(restStart...)
            }
        }
        while let last = buffer.last, last == Decomment.space || last == Decomment.tab { buffer.removeLast() }
        let line = ConfigLine(bytes: buffer, location: location)
        if line.isBlockStart {
            blockDepth += 1
        } else if line.isBlockEnd {
            if blockDepth < 1 {
                error("Extra '}' found", .unexpectedBlockEnd, hint: "remove the '}' or add the matching '{'")
                blockDepth = 0
            } else {
                blockDepth -= 1
            }
        }
        return line
    }
}
