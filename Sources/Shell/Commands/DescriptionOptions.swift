import Foundation
import OneP
import OnePJSON

/// The options `create` and `update` share for the data pipeline: retention, preprocess,
/// subscribe, a datarule's rule and a dispatch's delivery.
enum DescriptionOptions {
    static let ruleKinds = ["simple", "timeout", "interval", "duration", "count", "script"]
    static let comparisons = Comparison.allCases.map(\.rawValue)
    static let methods = DispatchMethod.allCases.map(\.rawValue)
    static let operations = PreprocessStep.Operation.allCases.map(\.rawValue)

    static let retentionCount = Option<Int>("retention-count", "N", "keep at most N points")
    static let retentionDuration = Option<Int>("retention-duration", "H", "keep points for H hours")
    static let preprocess = Option<String>("preprocess", "OPS", "operations on incoming values: 'mul:2,add:32' or JSON like [[\"mul\", 2]]")
    static let subscribe = Option<String>("subscribe", "RES", "receive every point of this resource", type: .path)
    static let pipeline: [any ArgumentKey] = [retentionCount, retentionDuration, preprocess, subscribe]

    static let when = Option<String>("when", "KIND", "the datarule's kind of rule", type: .choice(ruleKinds))
    static let comparison = Option<String>("comparison", "OP", "how a rule compares each value with --constant", type: .choice(comparisons))
    static let constant = Option<String>("constant", "N", "the number a rule compares with")
    static let timeout = Option<String>("timeout", "SECONDS", "a timeout, interval or duration rule's time, or a count rule's window")
    static let count = Option<Int>("count", "N", "how many matching values a count rule waits for")
    static let again = Flag("repeat", "store a rule's output even when it equals the last one")
    static let script = Option<String>("script", "LUA", "a script rule's Lua source")
    static let scriptFile = Option<String>("script-file", "FILE", "a script rule's Lua source, from a file", completion: .luaFile)
    static let rule = Option<JSON>("rule", "JSON", "the whole rule as JSON, in place of --when and its options")
    static let ruleOptions: [any ArgumentKey] = [when, comparison, constant, timeout, count, again, script, scriptFile, rule]

    static let method = Option<String>("method", "METHOD", "dispatch delivery", type: .choice(methods))
    static let recipient = Option<String>("recipient", "TO", "dispatch recipient")
    static let subject = Option<String>("subject", "TEXT", "dispatch subject")
    static let message = Option<String>("message", "TEXT", "dispatch message (empty sends the value)")
    static let dispatch: [Option<String>] = [method, recipient, subject, message]

    static let ruleOptionNames = ruleOptions.map(\.declaration.name).map { String($0.dropFirst(2)) }
    static let dispatchOptionNames = dispatch.map(\.spec.name)
    static let pipelineOptionNames = pipeline.map(\.declaration.name).map { String($0.dropFirst(2)) }

    /// The option names among `names` that the command was given.
    static func given(_ names: [String], in arguments: ParsedArguments) -> [String] {
        names.filter { arguments.contains(option: $0) }
    }

    /// Retention, preprocess and subscribe as given; fields not given are left out.
    static func pipelineFields(command: String, context: inout CommandContext) async throws -> JSONObject {
        var fields = JSONObject()
        var retention = JSONObject()
        if let count = context[retentionCount] { retention["count"] = .int(count) }
        if let hours = context[retentionDuration] { retention["duration"] = .int(hours) }
        if !retention.isEmpty { fields["retention"] = .object(retention) }
        if let steps = context[preprocess] { fields["preprocess"] = try preprocessList(steps, command: command) }
        if let source = context[subscribe] {
            fields["subscribe"] = .string(try await context.resolve(source).rid)
        }
        return fields
    }

    /// A dispatch's delivery fields as given.
    static func dispatchFields(_ arguments: ParsedArguments) -> JSONObject {
        var fields = JSONObject()
        for option in dispatch {
            if let value = arguments[option] { fields[option.spec.name] = .string(value) }
        }
        return fields
    }

    /// `op:operand,...` with numbers as constants and anything else as a resource, or a JSON list.
    static func preprocessList(_ text: String, command: String) throws -> JSON {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") { return try ValueParsing.json(trimmed) }
        var steps: [JSON] = []
        for item in trimmed.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let operation = PreprocessStep.Operation(rawValue: parts[0]), !parts[1].isEmpty else {
                throw ShellError(
                    .invalidValue(
                        command: command, argument: "--preprocess", value: String(item),
                        expected: "OP:OPERAND with OP one of \(operations.joined(separator: ", "))"))
            }
            let operand: PreprocessStep.Operand = Double(parts[1]).map { .constant($0) } ?? .resource(parts[1])
            steps.append(PreprocessStep(operation, operand).json)
        }
        guard !steps.isEmpty else {
            throw ShellError(.invalidValue(command: command, argument: "--preprocess", value: text, expected: "at least one OP:OPERAND"))
        }
        return .array(steps)
    }
}

extension DescriptionOptions {
    /// Every client limit, which a client made from the shell inherits from its owner.
    static let clientLimitKeys = [
        "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms", "sms_bucket",
        "xmpp", "xmpp_bucket",
    ]
}
