import OneP
import OnePJSON

/// write, writegroup, flush, wait: changing and watching time series.
enum WriteCommands {
    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let value = Argument<String>("VALUE", "the value (numbers are sent as numbers)")

    static let write = CommandSpec(
        words: ["write"],
        abstract: "Write a value to a resource now",
        arguments: [resource, value],
        examples: ["write temperature 21.5", "write status \"door open\""],
        effect: .changes,
        run: { context in
            let target = try await context.resolve(context[resource])
            do {
                _ = try await context.client().call(.write(target.id, value: ValueParsing.value(context[value])))
            } catch let error as OnePError where error.callStatus == .failed("invalid") {
                guard let reason = await FormatExplanation.explain([context[value]], target: target, context: context) else { throw error }
                throw ShellError.failed("write: \(reason)")
            }
            return nil
        }
    )

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
            _ = try await context.client().call(.flush(target.id, newerThan: context.time(newerThan), olderThan: context.time(olderThan)))
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
            let results = try await context.client().batch([.wait(target.id, timeoutMilliseconds: milliseconds, since: context.time(since))])
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
