import OnePJSON

/// Comma-separated rows (RFC 4180 quoting) for commands whose answer is a table; anything else is
/// one field, as its JSON form when it is not text.
struct CSVRenderer: OutputRenderer {
    var timeFormat: TimeFormat = .unix

    func render(_ output: CommandOutput) -> String {
        switch output {
        case .table(let table):
            let formatted = table.timesFormatted(timeFormat)
            var lines = formatted.continues ? [] : [formatted.columns.map(CSVRenderer.field).joined(separator: ",")]
            for row in formatted.rows {
                lines.append(row.map { CSVRenderer.field(TextRenderer.plain($0, pretty: false)) }.joined(separator: ","))
            }
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        case .value(let value):
            return CSVRenderer.field(TextRenderer.plain(value, pretty: false)) + "\n"
        case .message(let text):
            return text.isEmpty ? "" : text + "\n"
        case .done, .made:
            return render(.value(JSONRenderer().document(output)))
        case .verbatim(let text):
            return text
        case .tree(let root):
            var rows: [[JSON]] = []
            flatten(root, path: "", into: &rows)
            return render(.table(Table(columns: ["path", "type", "format", "alias", "rid"], rows: rows)))
        }
    }

    private func flatten(_ node: TreeNode, path: String, into rows: inout [[JSON]]) {
        let here = path.isEmpty ? node.name : path + "/" + node.name
        rows.append([.string(here), .string(node.type), .string(node.format ?? ""), .string(node.alias ?? ""), .string(node.rid)])
        for child in node.children { flatten(child, path: here, into: &rows) }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for char in self { if char == target { out += replacement } else { out.append(char) } }
        return out
    }
}
