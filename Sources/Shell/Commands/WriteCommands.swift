import OneP
import OnePJSON

/// write, writegroup, flush, wait: changing and watching time series.
enum WriteCommands {
    static let write = CommandSpec(
        words: ["write"],
        abstract: "Write a value to a resource now",
        positionals: [
            PositionalSpec(name: "RES", help: "the resource", type: .path),
            PositionalSpec(name: "VALUE", help: "the value (numbers are sent as numbers)"),
        ],
        examples: ["write temperature 21.5", "write status \"door open\""],
        effect: .changes,
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            _ = try await context.client().call(.write(resource.id, value: ValueParsing.value(context.arguments.required("VALUE"))))
        }
    )

    static let writegroup = CommandSpec(
        words: ["writegroup"],
        abstract: "Write several resources at the same timestamp",
        positionals: [PositionalSpec(name: "RES=VALUE", help: "resource and value pairs", isRepeating: true, completion: .resourcePath)],
        examples: ["writegroup temperature=21.5 humidity=40"],
        effect: .changes,
        body: { context in
            var pairs: [(String, String)] = []
            for pair in context.arguments.values("RES=VALUE") {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ShellError(.invalidValue(command: "writegroup", argument: "RES=VALUE", value: pair, expected: "RES=VALUE"))
                }
                pairs.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            }
            var values: [(ResourceID, JSON)] = []
            for (path, value) in pairs {
                values.append((try await context.resolve(path).id, ValueParsing.value(value)))
            }
            _ = try await context.client().call(.writegroup(values))
        }
    )

    static let flush = CommandSpec(
        words: ["flush"],
        abstract: "Delete a resource's points (all, or those in a time window)",
        discussion: "--newer-than and --older-than are exclusive bounds.",
        positionals: [PositionalSpec(name: "RES", help: "the resource", type: .path)],
        options: [
            .value("newer-than", "T", "only points after this time", type: .time),
            .value("older-than", "T", "only points before this time", type: .time),
        ],
        examples: ["flush temperature --yes", "flush temperature --older-than -7d"],
        effect: .destroys,
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            _ = try await context.client().call(.flush(resource.id, newerThan: context.time("newer-than"), olderThan: context.time("older-than")))
        }
    )

    /// The longest wait the platform accepts: a signed 32-bit count of milliseconds.
    static let longestWaitSeconds = Int(Int32.max) / 1000

    static let wait = CommandSpec(
        words: ["wait"],
        abstract: "Wait for the next point of a resource",
        positionals: [PositionalSpec(name: "RES", help: "the resource", type: .path)],
        options: [
            .value("timeout", "S", "give up after S seconds (the platform's default is 30)", type: .integer),
            .value("since", "T", "answer the first point after this time", type: .time),
        ],
        examples: ["wait button --timeout 60"],
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            let seconds = context.arguments.integer("timeout")
            if let seconds, !(0...Self.longestWaitSeconds).contains(seconds) {
                throw ShellError(
                    .invalidValue(
                        command: "wait", argument: "--timeout", value: String(seconds), expected: "seconds from 0 to \(Self.longestWaitSeconds)"))
            }
            let timeout = seconds.map { $0 * 1000 }
            let results = try await context.client().batch([.wait(resource.id, timeoutMilliseconds: timeout, since: context.time("since"))])
            if results[0].status == .failed("expire") {
                let waited = seconds.map { "\($0) s" } ?? "the platform's default time"
                throw ShellError.failed("wait: no new point within \(waited)")
            }
            let point = try results[0].get()
            let timestamp = point?[0]?.intValue ?? 0
            let row = ReadCommand.row(timestamp: timestamp, values: [point?[1] ?? .null], context: context)
            context.emit(.table(Table(columns: ["timestamp", resource.name], rows: [row])))
        }
    )
}
