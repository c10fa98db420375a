import OneP
import OnePJSON

/// record: historical points from arguments, a CSV file or standard input, sent in chunks.
enum RecordCommand {
    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let points = RepeatingArgument<String>("TS,VALUE", "points, or '-' for standard input", optional: true)
    static let file = Option<String>("file", "FILE", "a CSV file of TS,VALUE lines ('-' for standard input)", completion: .file)

    static let spec = CommandSpec(
        words: ["record"],
        abstract: "Record points at given timestamps",
        discussion:
            "Points are TS,VALUE (a time as 'read --start' takes it). A file or '-' (standard input) has one TS,VALUE per line "
            + "and is read while it is sent, so its size does not matter. Points go through recordbatch, \(chunkSize) per request. "
            + "A bad line stops the command there; the points before it stay recorded and the error says how many.",
        arguments: [resource, points, file],
        examples: ["record temperature 1700000000,20.5 -1h,21", "record temperature --file history.csv"],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static let chunkSize = 5000

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        var arguments = context[points]
        let readsStandardInput = arguments == ["-"]
        if readsStandardInput { arguments = [] }
        var given: [(Int, JSON)] = []
        for argument in arguments {
            guard let point = try point(argument, now: context.now) else {
                throw ShellError(.invalidValue(command: "record", argument: "TS,VALUE", value: argument, expected: "TS,VALUE"))
            }
            given.append(point)
        }
        var inputs: [(name: String, lines: TextLines)] = []
        if let path = context[file] {
            inputs.append((path == "-" ? "standard input" : path, try open(path, context: context)))
        }
        if readsStandardInput { inputs.append(("standard input", context.standardInput())) }
        guard !given.isEmpty || !inputs.isEmpty else { throw ShellError(.missingArgument(command: "record", argument: "TS,VALUE or --file")) }

        let target = try await context.resolve(context[resource])
        var batcher = PointBatcher(resource: target.id, client: try context.client(), chunkSize: chunkSize)
        batcher.onSent = { [note = context.services.interruptNote] recorded in
            note.set("record: interrupted; \(CommandContext.plural(recorded, "point")) \(recorded == 1 ? "was" : "were") stored")
        }
        for point in given { try await batcher.add(point) }
        for input in inputs { try await send(input.lines, from: input.name, to: &batcher, now: context.now) }
        try await batcher.flush()
        guard batcher.sent > 0 else { throw ShellError.failed("record: \(inputs.map(\.name).joined(separator: " and ")) held no points") }
        if batcher.refusedCount > 0 {
            let shown = batcher.refusedShown.map { "\($0.timestamp) (\($0.status))" }.joined(separator: ", ")
            var why = ""
            if let value = batcher.refusedValue {
                let text = value.stringValue ?? value.serialized()
                if let reason = await FormatExplanation.explain([text], target: target, context: context) { why = "; " + reason }
            }
            throw ShellError.failed("record: the platform refused \(batcher.refusedCount) of \(batcher.sent) points: \(shown)\(why)")
        }
        return .message("recorded \(batcher.sent) points")
    }

    private static func open(_ path: String, context: CommandContext) throws -> TextLines {
        if path == "-" { return context.standardInput() }
        do {
            return try context.services.configuration.openLines(path)
        } catch {
            throw ShellError.file(path, "cannot be read")
        }
    }

    /// Streams one CSV input into `batcher`. A bad line stops the command there, after the points
    /// before it have gone out, so the error can say exactly what was recorded.
    private static func send(_ lines: TextLines, from source: String, to batcher: inout PointBatcher, now: Int) async throws {
        while true {
            let parsed: (Int, JSON)?
            do {
                guard let line = try lines.next() else { return }
                parsed = try csvPoint(line, number: lines.lineNumber, source: source, now: now)
            } catch let stop as CancellationError {
                throw stop
            } catch {
                try await batcher.flush()
                let before =
                    switch batcher.recorded {
                    case 0: "nothing was recorded"
                    case 1: "the point before it was recorded"
                    default: "the \(batcher.recorded) points before it were recorded"
                    }
                throw ShellError.file(source, "\(error); \(before)")
            }
            if let parsed { try await batcher.add(parsed) }
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

    /// One line of a CSV input as a point; nil for blank lines, comments and a header on the first line.
    static func csvPoint(_ rawLine: String, number: Int, source: String, now: Int) throws(CSVLineError) -> (Int, JSON)? {
        let line = rawLine.trimmingCharacters(in: "\r")
        if line.isEmpty || line.hasPrefix("#") { return nil }
        // A header line such as `timestamp,value` is skipped.
        if number == 1, let first = line.first, first.isLetter, !line.hasPrefix("now") { return nil }
        let point: (Int, JSON)?
        do {
            point = try self.point(line, now: now)
        } catch {
            throw CSVLineError(number: number, line: line, reason: "has a bad time")
        }
        guard let point else { throw CSVLineError(number: number, line: line, reason: "is not TS,VALUE") }
        return point
    }
}

/// A line of a CSV input that is not a point, described as "line N <reason>: <line>", with a long
/// line cut short so the message stays one readable line.
struct CSVLineError: Error, CustomStringConvertible {
    let number: Int
    let line: String
    let reason: String

    /// How many characters of the bad line the message shows.
    static let shownLength = 80

    var description: String {
        let shown = line.count > Self.shownLength ? line.prefix(Self.shownLength) + "…" : line
        return "line \(number) \(reason): \(shown)"
    }
}
