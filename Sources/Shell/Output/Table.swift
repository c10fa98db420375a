import OnePJSON

/// Rows under named columns: the shape most commands answer with, renderable in every format.
struct Table: Sendable, Equatable {
    var columns: [String]
    var rows: [[JSON]]
    /// Columns whose numbers read better right-aligned in text.
    var rightAligned: Set<Int> = []
    /// Whether text output shows the header line.
    var showsHeader = true

    init(columns: [String], rows: [[JSON]] = [], rightAligned: Set<Int> = [], showsHeader: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.rightAligned = rightAligned
        self.showsHeader = showsHeader
    }
}

/// What a command hands to the output: the format decides how it looks.
enum CommandOutput: Sendable, Equatable {
    /// Rows: aligned text, CSV, or a JSON list of objects.
    case table(Table)
    /// A JSON value: pretty JSON in text and json formats, one line in CSV.
    case value(JSON)
    /// A message for people (text and csv); json format shows it as `{"message": ...}`.
    case message(String)
    /// The resource hierarchy: box-drawing text, nested JSON.
    case tree(TreeNode)
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

    static func == (lhs: TreeNode, rhs: TreeNode) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.format == rhs.format && lhs.alias == rhs.alias && lhs.rid == rhs.rid
            && lhs.latest?.timestamp == rhs.latest?.timestamp && lhs.latest?.value == rhs.latest?.value && lhs.children == rhs.children
    }
}
