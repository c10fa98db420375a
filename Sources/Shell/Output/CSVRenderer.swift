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
///
/// A batch is written as bytes: times and numbers go in as their digits (their text never holds a
/// comma, a quote or a line break), and only text is looked at for what needs quoting.
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
        var out = start(capacity: rows.count)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(cell, column: index, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func rows(_ rows: TimedRows) -> String {
        var out = start(capacity: rows.count)
        for (time, values) in rows {
            append(.int(time), column: 0, to: &out)
            var column = 1
            for cell in values {
                out.append(UInt8(ascii: ","))
                append(cell, column: column, to: &out)
                column += 1
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func end() -> String {
        started ? "" : rows([] as [[JSON]])
    }

    /// The bytes of a batch so far: the header line, before the first batch.
    private mutating func start(capacity rows: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows * (16 + 24 * columns.count) + 64)
        if !started {
            started = true
            out.append(contentsOf: columns.map(CSVCodec.field).joined(separator: ",").utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// One cell as `CSVCodec.field` of its text writes it: a time column's number as a time, text
    /// quoted when it must be, null as nothing, anything else as its JSON text.
    private mutating func append(_ cell: JSON, column: Int, to out: inout [UInt8]) {
        if column < isTime.count, isTime[column], let seconds = cell.intValue {
            times.append(seconds, to: &out)
            return
        }
        switch cell {
        case .null: return
        case .int(let number): DecimalDigits.append(number, to: &out)
        case .double, .bool, .bigNumber: cell.write(into: &out)
        case .string(let text):
            if CSVCodec.needsQuoting(text) { out.append(contentsOf: CSVCodec.field(text).utf8) } else { out.append(contentsOf: text.utf8) }
        case .array, .object: out.append(contentsOf: CSVCodec.field(cell.serialized()).utf8)
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for char in self { if char == target { out += replacement } else { out.append(char) } }
        return out
    }
}
