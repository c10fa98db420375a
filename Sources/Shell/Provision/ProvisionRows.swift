import OnePJSON

/// Turning the CSV records the provisioning API answers with into tables.
///
/// The embedded platform quotes fields that hold commas; a platform that does not leaves a free
/// text field (extra data, meta, a log entry) split at its commas, so a record with more fields
/// than the answer has columns gives the surplus back to the free text column.
enum ProvisionRows {
    /// The record with exactly `count` fields: missing ones empty, surplus ones joined back into
    /// the field at `freeText` (the last column unless said otherwise).
    static func fitted(_ record: [String], count: Int, freeText: Int? = nil) -> [String] {
        guard record.count > count else { return record + Array(repeating: "", count: count - record.count) }
        let free = min(freeText ?? count - 1, count - 1)
        let surplus = record.count - count
        let joined = record[free...(free + surplus)].joined(separator: ",")
        return Array(record[..<free]) + [joined] + Array(record[(free + surplus + 1)...])
    }

    /// The records of an answer as a table with `columns`.
    static func table(_ records: [[String]], columns: [String], integerColumns: Set<Int> = []) -> Table {
        let rows: [[JSON]] = records.map { record in
            let values = fitted(record, count: columns.count)
            return columns.indices.map { index in
                if integerColumns.contains(index), let number = Int(values[index]) { return .int(number) }
                return .string(values[index])
            }
        }
        return Table(columns: columns, rows: rows, rightAligned: integerColumns)
    }
}
