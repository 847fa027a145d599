/// `-d/--dump-conf`: the parsed model printed readably, whatever its shape (reflection, so it keeps up
/// with the model as areas are added).
import KeepalivedConfig

/// A generic pretty printer over `Mirror`:
///
/// ```
/// vrrpInstances[0]:  (keepalived.conf:12:1)
///   name = VI_1
///   priority = 100
/// ```
///
/// - structs and classes: a `key:` header, their fields indented below; a `SourceLocation` field is not
///   printed as a field but shown compactly on the header;
/// - arrays and sets: `key[i]` entries (sets sorted by their text); dictionaries `key[k]` sorted by key;
/// - nil optionals and empty collections are left out;
/// - enums without payload, numbers, strings, and any `CustomStringConvertible` value that has no
///   fields of its own to show (wrappers such as addresses): `key = value`;
/// - an enum case with a payload: `key = case(payload)` when the payload is simple, else a header.
public enum ConfigDump {
    /// The dump of `value` as lines, starting with `name` at indentation `level`.
    public static func lines(_ value: Any, name: String, level: Int = 0) -> [String] {
        var output: [String] = []
        render(value, name: name, level: level, into: &output)
        return output
    }

    /// The dump of a whole configuration, one top-level entry per field.
    public static func lines(of configuration: Configuration) -> [String] {
        var output: [String] = []
        for child in Mirror(reflecting: configuration).children {
            render(child.value, name: child.label ?? "?", level: 0, into: &output)
        }
        return output
    }

    private static let maximumDepth = 40

    private static func render(_ value: Any, name: String, level: Int, into output: inout [String]) {
        let indent = String(repeating: "  ", count: level)
        guard level < maximumDepth else {
            output.append("\(indent)\(name) = ...")
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return }
            render(wrapped, name: name, level: level, into: &output)
        case .collection:
            for (index, element) in mirror.children.enumerated() {
                render(element.value, name: "\(name)[\(index)]", level: level, into: &output)
            }
        case .set:
            let elements = mirror.children.map(\.value).sorted { leafText($0) < leafText($1) }
            for (index, element) in elements.enumerated() {
                render(element, name: "\(name)[\(index)]", level: level, into: &output)
            }
        case .dictionary:
            let pairs = mirror.children.compactMap { pair -> (key: String, value: Any)? in
                let parts = Array(Mirror(reflecting: pair.value).children)
                guard parts.count == 2 else { return nil }
                return (leafText(parts[0].value), parts[1].value)
            }
            for pair in pairs.sorted(by: { $0.key < $1.key }) {
                render(pair.value, name: "\(name)[\(pair.key)]", level: level, into: &output)
            }
        case .enum:
            guard let payload = mirror.children.first else {
                output.append("\(indent)\(name) = \(leafText(value))")
                return
            }
            let caseName = payload.label ?? "\(value)"
            if isSimple(payload.value) {
                output.append("\(indent)\(name) = \(caseName)(\(leafText(payload.value)))")
            } else {
                output.append("\(indent)\(name) = \(caseName)")
                renderFields(payload.value, level: level + 1, into: &output)
            }
        case .struct, .class, .tuple:
            if value is SourceLocation {
                output.append("\(indent)\(name) = \(value)")
                return
            }
            if mirror.children.isEmpty || (value is any CustomStringConvertible && isWrapper(mirror)) {
                output.append("\(indent)\(name) = \(leafText(value))")
                return
            }
            let location = mirror.children.first(where: { $0.value is SourceLocation }).map { "  (\($0.value))" } ?? ""
            output.append("\(indent)\(name):\(location)")
            renderFields(value, level: level + 1, into: &output)
        default:
            output.append("\(indent)\(name) = \(leafText(value))")
        }
    }

    /// The fields of a struct (or tuple payload), skipping source locations.
    private static func renderFields(_ value: Any, level: Int, into output: inout [String]) {
        for (index, child) in Mirror(reflecting: value).children.enumerated() where !(child.value is SourceLocation) {
            render(child.value, name: child.label ?? ".\(index)", level: level, into: &output)
        }
    }

    /// A value printed on one line: an optional's content, a string as is, anything else described.
    private static func leafText(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "none" }
            return leafText(wrapped)
        }
        if let text = value as? String { return text.isEmpty ? "\"\"" : text }
        return String(describing: value)
    }

    /// A struct whose fields are all plain values describes itself better than its fields do.
    private static func isWrapper(_ mirror: Mirror) -> Bool {
        mirror.children.allSatisfy { isSimple($0.value) }
    }

    /// Values that fit on one line: numbers, strings, booleans, payload-free enums, describable wrappers.
    private static func isSimple(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case nil: return true
        case .enum: return mirror.children.isEmpty
        case .optional: return mirror.children.first.map { isSimple($0.value) } ?? true
        case .struct, .tuple:
            if value is SourceLocation { return false }
            return mirror.children.isEmpty || (value is any CustomStringConvertible && isWrapper(mirror))
        default: return false
        }
    }
}
