// Plain-text tables for the demo's output.

/// A table printed with aligned columns and rules.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    func render(indent: String = "  ") -> String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column in
                let cell = cells.indices.contains(column) ? cells[column] : ""
                return cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            return indent + "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = indent + "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        return ([rule, line(headers), rule] + rows.map(line) + [rule]).joined(separator: "\n")
    }
}
