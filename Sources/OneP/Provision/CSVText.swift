/// Reading and writing the `text/csv` of the provisioning API: commas between fields, a line per
/// record, and a field holding a comma, a double quote or a line break set in double quotes with
/// its quotes doubled.
public enum CSVText {
    /// One record, each field quoted only when it has to be.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    /// Records, one a line.
    public static func text(_ records: [[String]]) -> String {
        records.map(line).joined(separator: "\n")
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        var result = "\""
        for character in field {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        return result + "\""
    }

    /// The records of `text`, blank lines skipped. A quoted field may span lines; a quote that does
    /// not open a field is an ordinary character, and a quoted field left open runs to the end.
    public static func records(_ text: String) -> [[String]] {
        var reader = Reader(characters: Array(text))
        var records: [[String]] = []
        while let record = reader.record() {
            if record.count > 1 || !record[0].isEmpty { records.append(record) }
        }
        return records
    }

    private struct Reader {
        let characters: [Character]
        var index = 0

        /// The next record, or nil at the end of the text.
        mutating func record() -> [String]? {
            guard index < characters.count else { return nil }
            var fields: [String] = []
            while true {
                fields.append(field())
                guard index < characters.count else { return fields }
                let separator = characters[index]
                index += 1
                if separator != "," { return fields }
            }
        }

        /// One field, leaving `index` on the comma or line break after it.
        private mutating func field() -> String {
            var value = ""
            guard index < characters.count, characters[index] == "\"" else {
                while index < characters.count, characters[index] != ",", !characters[index].isNewline {
                    value.append(characters[index])
                    index += 1
                }
                return value
            }
            index += 1
            while index < characters.count {
                let character = characters[index]
                index += 1
                guard character == "\"" else {
                    value.append(character)
                    continue
                }
                guard index < characters.count, characters[index] == "\"" else { break }
                value.append("\"")
                index += 1
            }
            // Anything between the closing quote and the next separator belongs to the field too.
            while index < characters.count, characters[index] != ",", !characters[index].isNewline {
                value.append(characters[index])
                index += 1
            }
            return value
        }
    }
}
