import OnePJSON

/// What a command produced. The command says what it is; the renderer of the session's format
/// decides how it looks, so no command body looks at the format.
enum CommandOutput: Sendable, Equatable {
    /// Rows: aligned text, CSV, or a JSON list of objects.
    case table(Table)
    /// A JSON value: pretty JSON in text and json formats, one field in CSV.
    case value(JSON)
    /// A JSON value some of whose numbers are unix times (`info`'s `basic.modified`), shown as the
    /// time format says; each path is object keys, `*` for every element of an array.
    case timed(JSON, times: [[String]])
    /// A chart for people (`plot`); json and csv formats show its points as a table.
    case chart(Chart)
    /// A message for people (text and csv); json format shows it as `{"message": ...}`.
    case message(String)
    /// The resource hierarchy: box-drawing text, nested JSON, a CSV row per resource.
    case tree(TreeNode)
    /// A change's outcome: the message for people, `{"status": "ok", "message": ...}` for programs.
    case done(String)
    /// Something the command made (a RID, a CIK, a token, a share code): bare text for people,
    /// its fields for programs.
    case made(Made)
    /// Text shown as it is whatever the format: help, the command reference, the spec dump.
    case verbatim(String)
}

extension JSON {
    /// The value with the numbers at `paths` written as times; zero (the platform's "none") stays.
    func formattingTimes(at paths: [[String]], with times: inout TimeText) -> JSON {
        guard times.format != .unix else { return self }
        var value = self
        for path in paths { value = value.formattingTime(at: path[...], with: &times) }
        return value
    }

    private func formattingTime(at path: ArraySlice<String>, with times: inout TimeText) -> JSON {
        guard let key = path.first else {
            guard let seconds = intValue, seconds != 0 else { return self }
            return .string(times.text(seconds))
        }
        switch self {
        case .object(var object):
            guard let inner = object[key] else { return self }
            object[key] = inner.formattingTime(at: path.dropFirst(), with: &times)
            return .object(object)
        case .array(let items):
            if key == "*" { return .array(items.map { $0.formattingTime(at: path.dropFirst(), with: &times) }) }
            guard let index = Int(key), items.indices.contains(index) else { return self }
            var copy = items
            copy[index] = items[index].formattingTime(at: path.dropFirst(), with: &times)
            return .array(copy)
        default:
            return self
        }
    }
}

/// What a command made: the fields programs get, and the text people see.
struct Made: Sendable, Equatable {
    var fields: JSONObject
    var text: String

    /// One value under one key, shown bare to people: `Made("rid", rid)`.
    init(_ key: String, _ value: String) {
        fields = JSONObject([(key, .string(value))])
        text = value
    }

    init(fields: JSONObject, text: String) {
        self.fields = fields
        self.text = text
    }
}

/// One resource in `tree` output.
struct TreeNode: Sendable, Equatable {
    var name: String
    var type: String
    var format: String?
    var alias: String?
    var rid: String
    var latest: (timestamp: Int, value: JSON)?
    /// Recent numeric values, oldest first, for `tree --spark`.
    var spark: [Double]?
    var children: [TreeNode] = []
    /// Activated through a share, not owned.
    var shared = false

    static func == (lhs: TreeNode, rhs: TreeNode) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.format == rhs.format && lhs.alias == rhs.alias && lhs.rid == rhs.rid
            && lhs.latest?.timestamp == rhs.latest?.timestamp && lhs.latest?.value == rhs.latest?.value && lhs.spark == rhs.spark
            && lhs.children == rhs.children && lhs.shared == rhs.shared
    }
}
