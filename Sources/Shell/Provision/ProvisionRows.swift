import OnePJSON

/// Reading the CSV lines the provisioning API answers with.
///
/// The API does not quote its fields; only the last field (extra data, meta, a log entry) may
/// hold commas, so a line splits into at most as many fields as the answer has columns.
enum ProvisionRows {
    /// The comma-separated fields of a line, the last one keeping any further commas.
    static func fields(_ line: String, count: Int = .max) -> [String] {
        line.split(separator: ",", maxSplits: max(0, count - 1), omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines of an answer as a table with `columns`, a missing field shown empty.
    static func table(_ lines: [String], columns: [String], integerColumns: Set<Int> = []) -> Table {
        let rows: [[JSON]] = lines.map { line in
            let values = fields(line, count: columns.count)
            return columns.indices.map { index in
                let text = index < values.count ? values[index] : ""
                if integerColumns.contains(index), let number = Int(text) { return .int(number) }
                return .string(text)
            }
        }
        return Table(columns: columns, rows: rows, rightAligned: integerColumns)
    }
}
