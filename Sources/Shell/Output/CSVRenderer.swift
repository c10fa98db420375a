import OnePCSV
import OnePJSON

/// Comma-separated rows (RFC 4180 quoting, by CSV.swift) for commands whose answer is a table;
/// anything else is one field, as its JSON form when it is not text.
struct CSVRenderer: OutputRenderer {
    var times = TimeText(format: .unix, zone: .utc)

    func render(_ output: CommandOutput) -> String {
        switch output {
        case .table(let table):
            var stream = CSVTableStream(table, times: times)
            return stream.rows(table.rows) + stream.end()
        case .chart(let chart):
            return render(.table(chart.table))
        case .value(let value), .timed(let value, _):
            return CSVCodec.field(TextRenderer.plain(value, pretty: false)) + "\n"
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

    func stream(_ table: Table) -> any TableStreamRenderer {
        CSVTableStream(table, times: times)
    }

    private func flatten(_ node: TreeNode, path: String, into rows: inout [[JSON]]) {
        let here = path.isEmpty ? node.name : path + "/" + node.name
        rows.append([.string(here), .string(node.type), .string(node.format ?? ""), .string(node.alias ?? ""), .string(node.rid)])
        for child in node.children { flatten(child, path: here, into: &rows) }
    }
}

/// CSV a batch at a time: the header line before the first batch, then a line per row.
struct CSVTableStream: TableStreamRenderer {
    private let columns: [String]
    private let isTime: [Bool]
    private var times: TimeText
    private var started = false

    init(_ table: Table, times: TimeText) {
        columns = table.columns
        isTime = table.columns.indices.map { table.timeColumns.contains($0) }
        self.times = times
    }

    mutating func rows(_ rows: [[JSON]]) -> String {
        var out = ""
        if !started {
            started = true
            out += columns.map(CSVCodec.field).joined(separator: ",") + "\n"
        }
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out += "," }
                if index < isTime.count, isTime[index], let seconds = cell.intValue {
                    out += CSVCodec.field(times.text(seconds))
                } else {
                    out += CSVCodec.field(TextRenderer.plain(cell, pretty: false))
                }
            }
            out += "\n"
        }
        return out
    }

    mutating func end() -> String {
        started ? "" : rows([])
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for char in self { if char == target { out += replacement } else { out.append(char) } }
        return out
    }
}
