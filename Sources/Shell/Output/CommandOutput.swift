import OnePJSON

/// What a command produced. The command says what it is; the renderer of the session's format
/// decides how it looks, so no command body looks at the format.
enum CommandOutput: Sendable, Equatable {
    /// Rows: aligned text, CSV, or a JSON list of objects.
    case table(Table)
    /// A JSON value: pretty JSON in text and json formats, one field in CSV.
    case value(JSON)
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
    var children: [TreeNode] = []
    /// Activated through a share, not owned.
    var shared = false

    static func == (lhs: TreeNode, rhs: TreeNode) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.format == rhs.format && lhs.alias == rhs.alias && lhs.rid == rhs.rid
            && lhs.latest?.timestamp == rhs.latest?.timestamp && lhs.latest?.value == rhs.latest?.value && lhs.children == rhs.children
            && lhs.shared == rhs.shared
    }
}
