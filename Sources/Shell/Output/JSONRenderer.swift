import OnePJSON

/// Output for programs: exactly one JSON document per command.
struct JSONRenderer: OutputRenderer {
    var timeFormat: TimeFormat = .unix

    func render(_ output: CommandOutput) -> String {
        if case .verbatim(let text) = output { return text }
        return document(output).serialized(pretty: false) + "\n"
    }

    func document(_ output: CommandOutput) -> JSON {
        switch output {
        case .table(let table):
            let formatted = table.timesFormatted(timeFormat)
            return .array(
                formatted.rows.map { row in
                    var object = JSONObject()
                    for (index, column) in formatted.columns.enumerated() where index < row.count { object[column] = row[index] }
                    return .object(object)
                })
        case .value(let value):
            return value
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
        if let latest = node.latest { object["latest"] = [.int(latest.timestamp), latest.value] }
        if node.type == "client" { object["children"] = .array(node.children.map(self.node)) }
        return .object(object)
    }
}
