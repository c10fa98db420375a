import OnePJSON

/// Output for programs: exactly one JSON document per command.
struct JSONRenderer: OutputRenderer {
    var times = TimeText(format: .unix, zone: .utc)

    func render(_ output: CommandOutput) -> String {
        switch output {
        case .verbatim(let text):
            return text
        case .table(let table):
            var stream = JSONTableStream(table, times: times)
            return stream.rows(table.rows) + stream.end()
        case .chart(let chart):
            return render(.table(chart.table))
        default:
            return document(output).serialized(pretty: false) + "\n"
        }
    }

    func stream(_ table: Table) -> any TableStreamRenderer {
        JSONTableStream(table, times: times)
    }

    func document(_ output: CommandOutput) -> JSON {
        switch output {
        case .table(let table):
            var copy = times
            return .array(table.timesFormatted(&copy).rows.map { JSONTableStream.object($0, columns: table.columns) })
        case .chart(let chart):
            return document(.table(chart.table))
        case .value(let value):
            return value
        case .timed(let value, let paths):
            var copy = times
            return value.formattingTimes(at: paths, with: &copy)
        case .message(let text):
            return ["message": .string(text)]
        case .done(let text):
            return ["status": "ok", "message": .string(text)]
        case .made(let made):
            return .object(made.fields)
        case .tree(let root):
            return node(root)
        case .verbatim(let text):
            return .string(text)
        }
    }

    private func node(_ node: TreeNode) -> JSON {
        var object: JSONObject = ["name": .string(node.name), "type": .string(node.type), "rid": .string(node.rid)]
        if let format = node.format { object["format"] = .string(format) }
        if let alias = node.alias { object["alias"] = .string(alias) }
        if node.shared { object["shared"] = true }
        if let latest = node.latest {
            var copy = times
            let time: JSON = copy.format == .unix ? .int(latest.timestamp) : .string(copy.text(latest.timestamp))
            object["latest"] = [time, latest.value]
        }
        if let spark = node.spark { object["recent"] = .array(spark.map(JSON.double)) }
        if node.type == "client" { object["children"] = .array(node.children.map(self.node)) }
        return .object(object)
    }
}

/// A JSON list of row objects, a batch at a time: `[` before the first row, `]` at the end, so the
/// whole stream is still one document.
struct JSONTableStream: TableStreamRenderer {
    private let table: Table
    private var times: TimeText
    private var started = false
    private var rowsWritten = 0

    init(_ table: Table, times: TimeText) {
        self.table = table
        self.times = times
    }

    mutating func rows(_ rows: [[JSON]]) -> String {
        var out = started ? "" : "["
        started = true
        for row in rows {
            if rowsWritten > 0 { out += "," }
            rowsWritten += 1
            let formatted = Table.formattingTimes(row, columns: table.timeColumns, with: &times)
            out += JSONTableStream.object(formatted, columns: table.columns).serialized(pretty: false)
        }
        return out
    }

    mutating func end() -> String {
        (started ? "" : "[") + "]\n"
    }

    static func object(_ row: [JSON], columns: [String]) -> JSON {
        var object = JSONObject()
        for (index, column) in columns.enumerated() where index < row.count { object[column] = row[index] }
        return .object(object)
    }
}
