import OnePJSON

/// Rows under named columns: the shape most commands answer with, renderable in every format.
struct Table: Sendable, Equatable {
    var columns: [String]
    var rows: [[JSON]]
    /// Columns whose numbers read better right-aligned in text.
    var rightAligned: Set<Int> = []
    /// Whether text output shows the header line.
    var showsHeader = true
    /// Columns holding unix times, shown as the time format asks.
    var timeColumns: Set<Int> = []
    /// How people see the table.
    var text: TextLayout = .grid

    /// How a table reads in text, where people rather than programs look at it.
    enum TextLayout: Sendable, Equatable {
        /// Aligned columns.
        case grid
        /// The first row as `label: value` lines, one per column.
        case labelled([String])
        /// Another table entirely (`ls` shows names only unless asked for more).
        indirect case instead(Table)
        /// Lines of text (`diff` shows a unified-style listing).
        case lines([String])
    }

    init(
        columns: [String], rows: [[JSON]] = [], rightAligned: Set<Int> = [], showsHeader: Bool = true, timeColumns: Set<Int> = [],
        text: TextLayout = .grid
    ) {
        self.columns = columns
        self.rows = rows
        self.rightAligned = rightAligned
        self.showsHeader = showsHeader
        self.timeColumns = timeColumns
        self.text = text
    }

    /// The table with its time columns written as `times` says: unix times stay numbers.
    func timesFormatted(_ times: inout TimeText) -> Table {
        guard !timeColumns.isEmpty, times.format != .unix else { return self }
        var copy = self
        copy.rows = rows.map { Table.formattingTimes($0, columns: timeColumns, with: &times) }
        return copy
    }

    /// One row with its time columns written as text.
    static func formattingTimes(_ row: [JSON], columns: Set<Int>, with times: inout TimeText) -> [JSON] {
        guard times.format != .unix else { return row }
        var row = row
        for column in columns where column < row.count {
            if let seconds = row[column].intValue { row[column] = .string(times.text(seconds)) }
        }
        return row
    }
}
