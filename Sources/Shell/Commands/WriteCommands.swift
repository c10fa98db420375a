import OneP
import OnePJSON

/// write, writegroup, flush, wait: changing and watching time series.
enum WriteCommands {
    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let value = Argument<String>("VALUE", "the value (numbers are sent as numbers), or '-' for standard input")
    static let asString = Flag("string", "send the value as text even when it looks like a number")

    static let write = CommandSpec(
        words: ["write"],
        abstract: "Write a value to a resource now",
        discussion:
            "'-' reads the value from standard input (its final line break dropped). A number with leading zeros, such as 007, is sent as the text typed.",
        arguments: [resource, value, asString],
        examples: ["write temperature 21.5", "write status \"door open\"", "write serial 42 --string", "echo 21 | write temperature -"],
        effect: .changes,
        run: { context in
            let target = try await context.resolve(context[resource])
            var text = context[value]
            if text == "-" { text = try readAll(context.standardInput()) }
            let sent: JSON = context[asString] ? .string(text) : ValueParsing.value(text)
            // A refusal is explained by the refusal table (the dataport's format, a client).
            _ = try await context.client().call(.write(target.id, value: sent))
            return nil
        }
    )

    /// Standard input's text as one value, its lines joined by line breaks.
    /// - Throws: ``ShellError`` for input that is not UTF-8 text, or none at all.
    static func readAll(_ lines: TextLines) throws -> String {
        var collected: [String] = []
        do {
            while let line = try lines.next() { collected.append(line) }
        } catch {
            throw ShellError.file("standard input", "\(error)")
        }
        guard !collected.isEmpty else { throw ShellError.failed("write: standard input held no value") }
        return collected.joined(separator: "\n")
    }

    static let pairs = RepeatingArgument<String>("RES=VALUE", "resource and value pairs", completion: .resourcePath)

    static let writegroup = CommandSpec(
        words: ["writegroup"],
        abstract: "Write several resources at the same timestamp",
        arguments: [pairs],
        examples: ["writegroup temperature=21.5 humidity=40"],
        effect: .changes,
        run: { context in
            var split: [(String, String)] = []
            for pair in context[pairs] {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ShellError(.invalidValue(command: "writegroup", argument: "RES=VALUE", value: pair, expected: "RES=VALUE"))
                }
                split.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            }
            var values: [(ResourceID, JSON)] = []
            for (path, text) in split {
                values.append((try await context.resolve(path).id, ValueParsing.value(text)))
            }
            _ = try await context.client().call(.writegroup(values))
            return nil
        }
    )

    static let newerThan = Option<TimeExpression>("newer-than", "T", "only points after this time")
    static let olderThan = Option<TimeExpression>("older-than", "T", "only points before this time")

    static let flush = CommandSpec(
        words: ["flush"],
        abstract: "Delete a resource's points (all, or those in a time window)",
        discussion: "--newer-than and --older-than are exclusive bounds.",
        arguments: [resource, newerThan, olderThan],
        examples: ["flush temperature --yes", "flush temperature --older-than -7d"],
        effect: .destroys,
        run: { context in
            let target = try await context.resolve(context[resource])
            if context.asksBeforeDestroying { try context.confirm(context[resource], try await context.summary(of: target)) }
            _ = try await context.client().call(.flush(target.id, newerThan: try context.time(newerThan), olderThan: try context.time(olderThan)))
            return nil
        }
    )

    /// The longest wait the platform accepts: a signed 32-bit count of milliseconds.
    static let longestWaitSeconds = Int(Int32.max) / 1000

    static let timeout = Option<Int>("timeout", "S", "give up after S seconds (the platform's default is 30)")
    static let since = Option<TimeExpression>("since", "T", "answer the first point after this time")

    static let wait = CommandSpec(
        words: ["wait"],
        abstract: "Wait for the next point of a resource",
        arguments: [resource, timeout, since],
        examples: ["wait button --timeout 60"],
        run: { context in
            let target = try await context.resolve(context[resource])
            let seconds = context[timeout]
            if let seconds, !(0...Self.longestWaitSeconds).contains(seconds) {
                throw ShellError(
                    .invalidValue(
                        command: "wait", argument: "--timeout", value: String(seconds), expected: "seconds from 0 to \(Self.longestWaitSeconds)"))
            }
            let milliseconds = seconds.map { $0 * 1000 }
            let results = try await context.client().batch([.wait(target.id, timeoutMilliseconds: milliseconds, since: try context.time(since))])
            if results[0].status == .failed("expire") {
                let waited = seconds.map { "\($0) s" } ?? "the platform's default time"
                throw ShellError.failed("wait: no new point within \(waited)")
            }
            let point = try results[0].get()
            let row: [JSON] = [.int(point?[0]?.intValue ?? 0), point?[1] ?? .null]
            return .table(Table(columns: ["timestamp", target.name], rows: [row], timeColumns: [0]))
        }
    )
}
