/// `$NAME=value` definitions and their expansion, with keepalived's rules for where a name ends,
/// multi-line values and the built-in names.
final class Definition {
    enum Builtin { case workingDirectory, configID, random }

    let name: [UInt8]
    var value: [UInt8]
    var multiline: Bool
    var builtin: Builtin?
    /// How many numeric parameters `${NAME p1 p2}` may carry (only `_RANDOM` takes any).
    var maxParameters: Int

    init(name: [UInt8], value: [UInt8], multiline: Bool = false, builtin: Builtin? = nil, maxParameters: Int = 0) {
        self.name = name
        self.value = value
        self.multiline = multiline
        self.builtin = builtin
        self.maxParameters = maxParameters
    }
}

/// The result of matching a `$NAME` or `${NAME params}` reference.
struct DefinitionReference {
    let definition: Definition
    /// Bytes the reference occupies, from the `$`.
    let length: Int
    let parameters: [UInt8]?
}

struct DefinitionTable {
    private(set) var definitions: [Definition] = []
    private var index: [[UInt8]: Definition] = [:]

    var isEmpty: Bool { definitions.isEmpty }

    mutating func add(_ definition: Definition) {
        definitions.append(definition)
        index[definition.name] = definition
    }

    func named(_ name: [UInt8]) -> Definition? { index[name] }

    /// Sets (or replaces, dropping any built-in behaviour) a single-line definition.
    mutating func set(_ name: [UInt8], _ value: [UInt8]) {
        if let existing = index[name] {
            existing.value = value
            existing.multiline = false
            existing.builtin = nil
        } else {
            add(Definition(name: name, value: value))
        }
    }

    static func isNameStart(_ c: UInt8) -> Bool { isAlpha(c) || c == UInt8(ascii: "_") }
    static func isNameChar(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) || c == UInt8(ascii: "_") }
    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Matches a reference starting at `buffer[dollar]` (which is `$`), as keepalived's
    /// find_definition does for a use: `$NAME` must be followed by a blank, `,`, `)` or the end;
    /// `${NAME}` may carry numeric parameters; a multi-line definition is only expanded when the
    /// reference ends the line.
    func reference(in buffer: [UInt8], at dollar: Int) -> DefinitionReference? {
        guard !definitions.isEmpty else { return nil }
        var i = dollar + 1
        guard i < buffer.count else { return nil }
        let braces = buffer[i] == UInt8(ascii: "{")
        if braces { i += 1 }
        guard i < buffer.count, DefinitionTable.isNameStart(buffer[i]) else { return nil }
        let nameStart = i
        while i < buffer.count, DefinitionTable.isNameChar(buffer[i]) { i += 1 }
        let name = Array(buffer[nameStart..<i])
        var parameters: [UInt8]?
        if braces {
            var firstParameter: Int?
            var lastParameter = 0
            while i < buffer.count, buffer[i] == UInt8(ascii: " ") || DefinitionTable.isDigit(buffer[i]) {
                if buffer[i] != UInt8(ascii: " ") {
                    if firstParameter == nil { firstParameter = i }
                    lastParameter = i
                }
                i += 1
            }
            if let firstParameter {
                guard lastParameter + 1 == i else { return nil }
                parameters = Array(buffer[firstParameter...lastParameter])
            }
            guard i < buffer.count, buffer[i] == UInt8(ascii: "}") else { return nil }
            i += 1
        } else if i < buffer.count {
            let c = buffer[i]
            guard c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: ",") || c == UInt8(ascii: ")") else {
                return nil
            }
        }
        guard let definition = index[name] else { return nil }
        // keepalived only looks at the byte after the name (plus one with braces) to decide
        // whether the reference ends the line.
        let endsLine = braces ? nameStart + name.count + 1 >= buffer.count : nameStart + name.count >= buffer.count
        if definition.multiline && !endsLine { return nil }
        if parameters != nil && definition.maxParameters == 0 { return nil }
        return DefinitionReference(definition: definition, length: i - dollar, parameters: parameters)
    }

    /// Parses a `$NAME=value` line; nil if the line is not a definition.
    static func parseDefinition(_ line: [UInt8]) -> (name: [UInt8], value: [UInt8], multiline: Bool)? {
        guard line.count >= 2, line[0] == UInt8(ascii: "$"), isNameStart(line[1]) else { return nil }
        var p = 2
        while p < line.count, line[p] != UInt8(ascii: "=") {
            guard isNameChar(line[p]) else { return nil }
            p += 1
        }
        guard p < line.count else { return nil }
        let name = Array(line[1..<p])
        p += 1
        while p < line.count, line[p] == UInt8(ascii: " ") || line[p] == UInt8(ascii: "\t") { p += 1 }
        var value = Array(line[p...])
        var multiline = false
        if value.last == UInt8(ascii: "\\") {
            multiline = true
            value.removeLast()
            while let last = value.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { value.removeLast() }
            if !value.isEmpty { value.append(UInt8(ascii: "\n")) }
        }
        return (name, value, multiline)
    }
}
