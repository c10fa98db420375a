import OnePCSV
import OnePJSON

/// Reads `record`'s CSV input into rows of points: a time and a value per column, empty cells
/// skipped. A bad line is a ``CSVLineError`` naming it (and the column, for a bad value).
struct RecordReader {
    struct Row {
        var time: Int
        /// (column, value) for each cell that holds one.
        var values: [(Int, JSON)]
        /// The input line it came from; 0 for a point given as an argument.
        var line = 0
    }

    var layout: RecordLayout
    let now: Int
    let zone: SessionZone
    /// `--interval`: rows hold values only, stamped from now backwards.
    let interval: Int?
    /// `--string`: every value goes as text, whatever the column's format.
    var asText = false
    private var nextStamp: Int
    private var times = TimeReader()
    private var seenContent = false

    init(layout: RecordLayout, now: Int, zone: SessionZone, interval: Int?) {
        self.layout = layout
        self.now = now
        self.zone = zone
        self.interval = interval
        nextStamp = now
    }

    /// A point given as an argument: `TS,VALUE` (for a client, `TS,V1,V2,...` in `--columns` order).
    mutating func argument(_ text: String) throws(ShellError) -> [Row] {
        guard !layout.awaitsHeader else {
            throw ShellError.failed("record: points for a client as arguments need --columns to say which resources they are")
        }
        do {
            return try row(CSVCodec.fields(text), line: text, number: 0).map { [$0] } ?? []
        } catch {
            throw ShellError(.invalidValue(command: "record", argument: "TS,VALUE", value: text, expected: "TS,VALUE (\(error.reason))"))
        }
    }

    /// Reads every line to check it; with `keeping`, answers the rows (for an input that cannot be
    /// read twice).
    /// - Throws: ``ShellError`` naming the first bad line; nothing has been sent.
    @discardableResult
    mutating func check(_ lines: TextLines, source: String, keeping: Bool = false) async throws -> [Row] {
        var kept: [Row] = []
        do {
            try await each(lines) { row, _ in if keeping { kept.append(row) } }
        } catch let stop as CancellationError {
            throw stop
        } catch {
            throw ShellError.file(source, "\(error); nothing was recorded")
        }
        guard !layout.awaitsHeader else { throw ShellError.file(source, "has no header line naming the columns: give one or use --columns") }
        return kept
    }

    /// Reads the lines into `batcher`: lines already checked, or (not `checked`) lines of an input
    /// that cannot be read twice, sent as they arrive, so a bad line stops there after the points
    /// before it have gone out.
    mutating func send(_ lines: TextLines, source: String, to batcher: inout PointBatcher, checked: Bool = true) async throws {
        do {
            try await each(lines) { row, layout in
                // A header read on the way has named the columns.
                if batcher.resources.count != layout.columns.count { try await batcher.aim(at: layout.columns.map(\.id)) }
                try await batcher.add(row)
            }
        } catch let error as CSVLineError {
            try await batcher.flush()
            guard !checked else {
                throw ShellError.file(source, "\(error): it changed since it was checked; \(batcher.recorded) points were recorded")
            }
            let before =
                switch batcher.recorded {
                case 0: "nothing was recorded"
                case 1: "the point before it was recorded"
                default: "the \(batcher.recorded) points before it were recorded"
                }
            throw ShellError.file(source, "\(error); \(before)")
        }
    }

    /// Calls `body` with each row of the input.
    private mutating func each(_ lines: TextLines, _ body: (Row, RecordLayout) async throws -> Void) async throws {
        while var line = try lines.next() {
            let number = lines.lineNumber
            // A quoted field may hold line breaks: the record goes on in the next lines.
            while CSVCodec.endsInsideQuotes(line), let more = try lines.next() { line += "\n" + more }
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = CSVCodec.fields(line)
            if !seenContent {
                seenContent = true
                if try header(fields, line: line, number: number) { continue }
            }
            if let row = try row(fields, line: line, number: number) { try await body(row, layout) }
        }
    }

    /// Takes a first line that names columns instead of holding a point.
    /// - Returns: whether the line was a header.
    private mutating func header(_ fields: [String], line: String, number: Int) throws(CSVLineError) -> Bool {
        if layout.awaitsHeader {
            let names = interval == nil ? Array(fields.dropFirst()) : fields
            guard !names.isEmpty else { throw CSVLineError(number: number, line: line, reason: "names no columns") }
            do {
                layout.columns = try names.map { name throws(ShellError) in try layout.column(named: name) }
            } catch {
                throw CSVLineError(number: number, line: line, reason: "is a header with an unknown column (\(ShellMessage(error: error).text))")
            }
            return true
        }
        // A header such as `timestamp,value` over points whose columns are already known.
        guard interval == nil, let first = fields.first?.first else { return false }
        return first.isLetter && !(fields.first?.hasPrefix("now") ?? false)
    }

    /// One line's point(s), or nil when every value cell is empty.
    private mutating func row(_ fields: [String], line: String, number: Int) throws(CSVLineError) -> Row? {
        let single = !layout.isClient
        var cells: ArraySlice<String>
        let time: Int
        if let interval {
            cells = single ? [fields.joined(separator: ",")] : fields[...]
            time = nextStamp
            nextStamp -= interval
        } else {
            guard fields.count >= 2 else { throw CSVLineError(number: number, line: line, reason: single ? "is not TS,VALUE" : "has no values") }
            time = try self.time(fields[0], line: line, number: number)
            // A single dataport's value may hold commas without quotes: it is the rest of the line.
            cells = single ? [fields.dropFirst().joined(separator: ",")] : fields.dropFirst()
        }
        guard cells.count == layout.columns.count else {
            throw CSVLineError(
                number: number, line: line,
                reason:
                    "has \(cells.count) values where there are \(layout.columns.count) columns (\(layout.columns.map(\.name).joined(separator: ", ")))"
            )
        }
        var values: [(Int, JSON)] = []
        for (offset, cell) in cells.enumerated() where !cell.isEmpty {
            values.append((offset, try value(cell, column: offset, line: line, number: number)))
        }
        return values.isEmpty ? nil : Row(time: time, values: values, line: number)
    }

    private mutating func time(_ text: String, line: String, number: Int) throws(CSVLineError) -> Int {
        guard let kind = times.kind(of: text[...]) else { throw CSVLineError(number: number, line: line, reason: "has a bad time") }
        do {
            return try TimeExpression(kind: kind, text: text).resolve(now: now, zone: zone)
        } catch {
            throw CSVLineError(number: number, line: line, reason: "has a time that \(ShellMessage(error: error).text.dropFirst(text.count + 3))")
        }
    }

    /// A cell as the value its column's format wants (``ValueParsing``): numbers for numeric
    /// dataports, the text as written for string ones; text for every column with `--string`.
    private func value(_ text: String, column: Int, line: String, number: Int) throws(CSVLineError) -> JSON {
        let target = layout.columns[column]
        if asText { return .string(text) }
        guard target.isNumeric else { return ValueParsing.value(text, format: target.format) }
        if let number = ValueParsing.number(text) { return number }
        throw CSVLineError(
            number: number, line: line,
            reason:
                "column \(place(ofColumn: column)) (\(target.name)): '\(text)' is not a number, which \(target.format ?? "numeric") dataport \(target.name) needs"
        )
    }

    /// Where the value column `column` stands in an input line, counting from 1: after the time,
    /// unless `--interval` stamps the values.
    func place(ofColumn column: Int) -> Int {
        interval == nil ? column + 2 : column + 1
    }
}
