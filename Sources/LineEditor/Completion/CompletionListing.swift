/// Lays out completion candidates in columns, filled top to bottom then left to right as `ls` does.
enum CompletionListing {
    /// Spaces between columns.
    static let gutter = 2

    /// The candidates as lines that fit in `width` terminal columns, each line ending in a newline.
    /// A candidate wider than the terminal gets a line of its own.
    static func render(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let widths = candidates.map { DisplayWidth.of($0) }
        let columnWidth = (widths.max() ?? 0) + gutter
        let columns = max(1, (max(width, 1) + gutter) / columnWidth)
        let rows = (candidates.count + columns - 1) / columns
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let isLastInRow = column == columns - 1 || index + rows >= candidates.count
                line += candidates[index]
                if !isLastInRow {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
            }
            output += line + "\n"
        }
        return output
    }
}
