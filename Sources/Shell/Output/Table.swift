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
    /// Rows that go on a table printed earlier (`read --follow`): no format repeats the header.
    var continues = false
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

    /// The table with its time columns written as `format` says: unix times stay numbers.
    func timesFormatted(_ format: TimeFormat) -> Table {
        guard !timeColumns.isEmpty, format != .unix else { return self }
        var copy = self
        copy.rows = rows.map { row in
            var row = row
            for column in timeColumns where column < row.count {
                if let seconds = row[column].intValue { row[column] = .string(format.format(seconds)) }
            }
            return row
        }
        return copy
    }
}
