/// The `text/csv` the provisioning API reads and writes, as that media type defines it: fields
/// apart by commas, records by line breaks, and a field that holds a comma, a double quote or a
/// line break written inside double quotes with its own quotes doubled.
///
/// Most fields (serial numbers, RIDs, timestamps) never need quotes, so the usual answer reads
/// exactly as the API's examples show; only free text such as extra data or meta gets them.
enum CSVRecords {
    /// One record: the fields joined by commas, each quoted only when it has to be.
    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingQuotes + "\""
    }

    /// The records of a body. Blank lines are skipped; a quoted field may span lines; a stray
    /// quote inside an unquoted field is kept as it is, as older clients never quote anything.
    /// - Throws: a bad request when a quoted field is never closed.
    static func records(_ text: String) throws(ProvisionFailure) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let held = pending {
                pending = nil
                return held
            }
            return characters.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" })) { records.append(fields) }
            fields = []
            field = ""
            fieldStarted = false
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = characters.next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r", "\r\n":
                endRecord()
            default:
                field.append(character)
                fieldStarted = true
            }
        }
        guard !quoted else { throw ProvisionFailure.badRequest("a quoted CSV field is not closed") }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var result = ""
        for character in self {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        return result
    }
}
