import OneP
import OnePJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// record: historical points from arguments, a CSV file or standard input, sent in chunks.
enum RecordCommand {
    static let resource = Argument<String>("RES", "the resource, or a client whose resources the CSV's columns name", type: .path)
    static let points = RepeatingArgument<String>("TS,VALUE", "points, or '-' for standard input", optional: true)
    static let file = Option<String>("file", "FILE", "a CSV file ('-' for standard input)", completion: .file)
    static let columns = Option<[String]>("columns", "A,B,...", "the resources the CSV's value columns are, instead of its header")
    static let interval = Option<Int>("interval", "S", "the input holds values only: the first is stamped now, each next one S seconds earlier")
    static let asString = Flag("string", "send every value as text, even for a numeric dataport")

    static let spec = CommandSpec(
        words: ["record"],
        abstract: "Record points at given timestamps",
        discussion:
            "Points are TS,VALUE (a time as 'read --start' takes it; without an offset it is in the session's time zone). "
            + "A file or '-' (standard input) is CSV: for a dataport, TS,VALUE per line; for a client, a timestamp column and a column "
            + "per resource, named by a header line (names, aliases or RIDs, as 'read CLIENT --format csv' writes) or by --columns. "
            + "Empty cells are skipped. Each value goes as its dataport's format wants: text as written for a string one (007 stays \"007\"), "
            + "a number for an integer or float one (007 is 7). The whole input is checked before anything is sent, so a bad line changes nothing "
            + "(a FIFO is read as its lines arrive, so the points before a bad line are stored); "
            + "points then go through recordbatch, \(chunkSize) per request. If the platform refuses a point, recording stops after that request "
            + "and the error names the point's line and column and how many points were stored.",
        arguments: [resource, points, file, columns, interval, asString],
        examples: [
            "record temperature 1700000000,20.5 -1h,21", "record temperature --file history.csv", "record device1 --file export.csv",
            "record device1 --file data.csv --columns temperature,humidity", "record temperature --interval 60 -",
        ],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static let chunkSize = 5000

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        var arguments = context[points]
        let readsStandardInput = arguments == ["-"] || context[file] == "-"
        if arguments == ["-"] { arguments = [] }
        if let seconds = context[interval], seconds <= 0 {
            throw ShellError(
                .invalidValue(command: "record", argument: "--interval", value: String(seconds), expected: "a positive number of seconds"))
        }
        guard !arguments.isEmpty || readsStandardInput || context[file] != nil else {
            throw ShellError(.missingArgument(command: "record", argument: "TS,VALUE or --file"))
        }
        let target = try await context.resolve(context[resource])
        let layout = try await RecordLayout.make(for: target, columns: context[columns], context: &context)
        var reader = RecordReader(layout: layout, now: context.now, zone: context.session.settings.zone, interval: context[interval])
        reader.asText = context[asString]

        // Points given as arguments, then the input: all are checked before any is sent.
        var given: [RecordReader.Row] = []
        for argument in arguments {
            given.append(contentsOf: try reader.argument(argument))
        }
        var input: (name: String, lines: TextLines, checked: Bool)?
        if let path = context[file], path != "-" {
            if isRegularFile(path) {
                // A file is read twice: once to check every line, then to send.
                try await reader.check(try open(path, context: context), source: path)
                input = (path, try open(path, context: context), true)
            } else {
                // A FIFO cannot be read twice: its points go out as its lines arrive.
                input = (path, try open(path, context: context), false)
            }
        } else if readsStandardInput {
            // Standard input cannot be read again: its points are held while it is checked.
            given.append(contentsOf: try await reader.check(context.standardInput(), source: "standard input", keeping: true))
        }
        var batcher = PointBatcher(resources: reader.layout.columns.map(\.id), client: try context.client(), chunkSize: chunkSize)
        batcher.onSent = { [note = context.services.interruptNote] recorded in
            note.set("record: interrupted; \(CommandContext.plural(recorded, "point")) \(recorded == 1 ? "was" : "were") stored")
        }
        var sender = RecordReader(layout: layout, now: context.now, zone: context.session.settings.zone, interval: context[interval])
        sender.asText = context[asString]
        var wholeInputSent = false
        do {
            for row in given { try await batcher.add(row) }
            if let input { try await sender.send(input.lines, source: input.name, to: &batcher, checked: input.checked) }
            wholeInputSent = true
            try await batcher.flush()
        } catch let refused as PointBatcher.Refused {
            let source = input?.name ?? "standard input"
            throw refusal(refused, layout: input == nil ? reader : sender, source: source, wholeInputSent: wholeInputSent)
        }
        guard batcher.sent > 0 else {
            throw ShellError.failed("record: \(input?.name ?? (readsStandardInput ? "standard input" : "the arguments")) held no points")
        }
        return .message("recorded \(batcher.sent) points")
    }

    /// The one-line error for points the platform refused: which line and column (or which
    /// argument) the first came from, why when its format says, and how many points were stored.
    private static func refusal(_ refused: PointBatcher.Refused, layout reader: RecordReader, source: String, wholeInputSent: Bool) -> ShellError {
        let column = reader.layout.columns[min(refused.column, reader.layout.columns.count - 1)]
        let text = refused.value.stringValue ?? refused.value.serialized()
        var what = "the platform refused '\(text)' (\(refused.status))"
        if let reason = column.format.flatMap({ FormatExplanation.forResource(text, name: column.name, format: $0) }) { what += ": " + reason }
        if refused.count > 1 { what += ", and \(refused.count - 1) more point\(refused.count == 2 ? "" : "s") of the same request" }
        let stored = "\(CommandContext.plural(refused.recorded, "point")) \(refused.recorded == 1 ? "was" : "were") stored"
        guard refused.line > 0 else {
            return ShellError.failed("record: point \(refused.timestamp),\(text): \(what); \(stored)")
        }
        let rest = wholeInputSent ? "" : ", nothing after line \(refused.lastLine) was sent"
        return ShellError.file(
            source, "line \(refused.line), column \(reader.place(ofColumn: refused.column)) (\(column.name)): \(what); \(stored)\(rest)")
    }

    private static func open(_ path: String, context: CommandContext) throws -> TextLines {
        do {
            return try context.services.configuration.openLines(path)
        } catch {
            throw ShellError.file(path, "cannot be read")
        }
    }

    /// Whether `path` is a plain file, which can be read twice (not a FIFO or a device).
    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
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
