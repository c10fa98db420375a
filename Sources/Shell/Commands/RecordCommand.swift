import OneP
import OnePJSON

/// record: historical points from arguments, a CSV file or standard input, sent in chunks.
enum RecordCommand {
    static let spec = CommandSpec(
        words: ["record"],
        abstract: "Record points at given timestamps",
        discussion:
            "Points are TS,VALUE (a time as 'read --start' takes it). A file or '-' (standard input) has one TS,VALUE per line. Points go through recordbatch, \(chunkSize) per request.",
        positionals: [
            PositionalSpec(name: "RES", help: "the resource", type: .path),
            PositionalSpec(name: "TS,VALUE", help: "points, or '-' for standard input", isOptional: true, isRepeating: true),
        ],
        options: [.value("file", "FILE", "a CSV file of TS,VALUE lines ('-' for standard input)", completion: .file)],
        examples: ["record temperature 1700000000,20.5 -1h,21", "record temperature --file history.csv"],
        effect: .changes,
        body: { context in try await run(&context) }
    )

    static let chunkSize = 5000

    static func run(_ context: inout CommandContext) async throws {
        var entries: [(Int, JSON)] = []
        var sources = context.arguments.values("TS,VALUE")
        if let file = context.arguments.option("file") {
            entries += try points(fromCSV: try readText(file, context: context), source: file, now: context.now)
        }
        if sources == ["-"] {
            sources = []
            entries += try points(fromCSV: context.services.configuration.readStandardInput(), source: "standard input", now: context.now)
        }
        for source in sources {
            guard let point = try point(source, now: context.now) else {
                throw ShellError(.invalidValue(command: "record", argument: "TS,VALUE", value: source, expected: "TS,VALUE"))
            }
            entries.append(point)
        }
        guard !entries.isEmpty else { throw ShellError(.missingArgument(command: "record", argument: "TS,VALUE or --file")) }
        let resource = try await context.resolve(context.arguments.required("RES"))
        var start = 0
        var refused: [CallStatus.RefusedPoint] = []
        while start < entries.count {
            try Task.checkCancellation()
            let chunk = Array(entries[start..<min(start + chunkSize, entries.count)])
            let result = try await context.client().batch([.recordbatch(resource.id, chunk)])[0]
            if case .refusedPoints(let points) = result.status {
                refused += points
            } else {
                _ = try result.get()
            }
            start += chunkSize
        }
        if !refused.isEmpty {
            let shown = refused.prefix(5).map { "\($0.timestamp) (\($0.status))" }.joined(separator: ", ")
            throw ShellError.failed("record: the platform refused \(refused.count) of \(entries.count) points: \(shown)")
        }
        context.emit(.message("recorded \(entries.count) points"))
    }

    private static func readText(_ file: String, context: CommandContext) throws -> String {
        if file == "-" { return context.services.configuration.readStandardInput() }
        do {
            return try context.services.configuration.readFile(file)
        } catch {
            throw ShellError.file(file, "cannot be read")
        }
    }

    /// One `TS,VALUE`; the value may be quoted CSV-style and may itself contain commas.
    static func point(_ text: String, now: Int) throws(ShellError) -> (Int, JSON)? {
        guard let comma = text.firstIndex(of: ",") else { return nil }
        let timeText = String(text[..<comma])
        guard let time = TimeExpression(parsing: timeText) else { throw ShellError.badTime(timeText) }
        var valueText = String(text[text.index(after: comma)...])
        if valueText.hasPrefix("\""), valueText.hasSuffix("\""), valueText.count >= 2 {
            valueText = String(valueText.dropFirst().dropLast()).replacingAll(occurrencesOf: "\"\"", with: "\"")
            return (time.resolve(now: now), .string(valueText))
        }
        return (time.resolve(now: now), ValueParsing.value(valueText))
    }

    static func points(fromCSV text: String, source: String, now: Int) throws(ShellError) -> [(Int, JSON)] {
        var entries: [(Int, JSON)] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingCharacters(in: "\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            // A header line such as `timestamp,value` is skipped.
            if number == 0, let first = line.first, first.isLetter, !line.hasPrefix("now") { continue }
            guard let point = try point(line, now: now) else {
                throw ShellError.file(source, "line \(number + 1) is not TS,VALUE: \(line)")
            }
            entries.append(point)
        }
        return entries
    }
}
