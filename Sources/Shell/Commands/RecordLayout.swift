import OneP
import OnePJSON

/// What a `record` input's columns are: one dataport (TS,VALUE), or resources of a client named by
/// the input's header or by `--columns`.
struct RecordLayout {
    struct Column {
        var id: ResourceID
        var name: String
        /// The dataport's format (`integer`, `float`, `string`, ...), when known.
        var format: String?

        var isNumeric: Bool { format == "integer" || format == "float" }
    }

    /// The columns values go to; for a client whose input names them in a header, empty until the
    /// header is read.
    var columns: [Column]
    /// The client's resources, which a header names; nil for a single dataport.
    var choices: [Child]?
    /// The client's path, for messages.
    var clientPath: String

    var isClient: Bool { choices != nil }
    var awaitsHeader: Bool { isClient && columns.isEmpty }

    /// The layout for `target`: asks for its type and format, and for a client its resources.
    static func make(for target: ResolvedResource, columns names: [String]?, context: inout CommandContext) async throws -> RecordLayout {
        let info = try await context.client().call(.info(target.id, options: [.basic, .description]))
        let type = info?["basic"]?["type"]?.stringValue
        guard type == "client" else {
            if names != nil {
                throw ShellError(
                    .invalidValue(
                        command: "record", argument: "--columns", value: names?.joined(separator: ",") ?? "", expected: "a client to record into"))
            }
            let column = Column(id: target.id, name: target.name, format: info?["description"]?["format"]?.stringValue)
            return RecordLayout(columns: [column], choices: nil, clientPath: target.text)
        }
        let children = try await context.children(of: target).filter { $0.type == "dataport" || $0.type == "datarule" }
        var layout = RecordLayout(columns: [], choices: children, clientPath: target.text)
        if let names { layout.columns = try names.map { try layout.column(named: $0) } }
        return layout
    }

    /// The client's resource a header or `--columns` names: by name, alias or RID.
    func column(named name: String) throws(ShellError) -> Column {
        let wanted = name.trimmingCharacters(in: " \t")
        let found = choices?.first { $0.label == wanted } ?? choices?.first { $0.alias == wanted } ?? choices?.first { $0.rid == wanted }
        guard let found else {
            let known = (choices ?? []).map(\.label)
            let hint = Suggester.closest(to: wanted, among: known).first.map { " (did you mean '\($0)'?)" } ?? ""
            throw ShellError.failed(
                "record: '\(wanted)' names no dataport or datarule of \(clientPath)\(hint); the columns may be "
                    + (known.isEmpty ? "none, it has no dataports" : known.joined(separator: ", ")))
        }
        return Column(id: .rid(found.rid), name: found.label, format: found.format)
    }
}
