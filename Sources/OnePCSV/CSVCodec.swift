import CSV
import Foundation

/// The one CSV codec of onep, on CSV.swift: RFC 4180 text (RFC 4180 is what the provisioning API's
/// `text/csv` and spreadsheets read): fields apart by commas, records apart by line breaks, and a
/// field that holds a comma, a double quote or a line break inside double quotes with its quotes
/// doubled. The provisioning API, its client and the shell's `--format csv` and `record` all read
/// and write through it.
public enum CSVCodec {
    /// One record: the fields joined by commas, each quoted only when it has to be.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// Records, one a line (`\n` between them, none after the last).
    public static func text(_ records: [[String]], lineBreak: String = "\n") -> String {
        records.map(line).joined(separator: lineBreak)
    }

    /// One field as CSV writes it. Most fields (numbers, times, serial numbers) need no quotes and
    /// are their own text; CSV.swift's writer quotes the others.
    public static func field(_ text: String) -> String {
        guard needsQuoting(text) else { return text }
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(field: text)
        } catch {
            // A memory stream takes every byte; were it not to, the field would be quoted by hand.
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether a field holds a comma, a double quote or a line break.
    public static func needsQuoting(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    /// The records of `text`, blank lines skipped. A quoted field may span lines; a quote inside an
    /// unquoted field is an ordinary character, as clients that never quote write it.
    public static func records(_ text: String) -> [[String]] {
        guard let reader = try? CSVReader(string: text) else { return [] }
        var records: [[String]] = []
        while let record = reader.next() {
            if record.count == 1, record[0].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            records.append(record)
        }
        return records
    }

    /// The fields of one record's text (which may span lines inside quotes).
    public static func fields(_ text: String) -> [String] {
        guard let reader = try? CSVReader(string: text), let record = reader.next() else { return [""] }
        return record
    }

    /// Whether `text` ends inside a quoted field: a record that goes on in the next line, or, at the
    /// end of a body, a quote that is never closed.
    public static func endsInsideQuotes(_ text: String) -> Bool {
        var inQuotes = false
        var atFieldStart = true
        var previousWasQuote = false
        for byte in text.utf8 {
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                    previousWasQuote = true
                }
                continue
            }
            if byte == UInt8(ascii: "\"") && (atFieldStart || previousWasQuote) {
                // A field's opening quote, or the second of a doubled quote inside one.
                inQuotes = true
                atFieldStart = false
                previousWasQuote = false
                continue
            }
            previousWasQuote = false
            atFieldStart = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        return inQuotes
    }
}
