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

    static let pipeline: [OptionSpec] = [
        .value("retention-count", "N", "keep at most N points", type: .integer),
        .value("retention-duration", "H", "keep points for H hours", type: .integer),
        .value("preprocess", "OPS", "operations on incoming values: 'mul:2,add:32' or JSON like [[\"mul\", 2]]"),
        .value("subscribe", "RES", "receive every point of this resource", type: .path),
    ]

    static let rule: [OptionSpec] = [
        .value("when", "KIND", "the datarule's kind of rule", type: .choice(ruleKinds)),
        .value("comparison", "OP", "how a rule compares each value with --constant", type: .choice(comparisons)),
        .value("constant", "N", "the number a rule compares with"),
        .value("timeout", "SECONDS", "a timeout, interval or duration rule's time, or a count rule's window"),
        .value("count", "N", "how many matching values a count rule waits for", type: .integer),
        .flag("repeat", "store a rule's output even when it equals the last one"),
        .value("script", "LUA", "a script rule's Lua source"),
        .value("rule", "JSON", "the whole rule as JSON, in place of --when and its options", type: .json),
    ]

    static let dispatch: [OptionSpec] = [
        .value("method", "METHOD", "dispatch delivery", type: .choice(methods)),
        .value("recipient", "TO", "dispatch recipient"),
        .value("subject", "TEXT", "dispatch subject"),
        .value("message", "TEXT", "dispatch message (empty sends the value)"),
    ]

    static let ruleOptionNames = rule.map(\.name)
    static let dispatchOptionNames = dispatch.map(\.name)
    static let pipelineOptionNames = pipeline.map(\.name)

    /// The option names among `names` that the command was given.
    static func given(_ names: [String], in arguments: ParsedArguments) -> [String] {
        names.filter { arguments.option($0) != nil || arguments.flag($0) }
    }

    /// Retention, preprocess and subscribe as given; fields not given are left out.
    static func pipelineFields(command: String, context: inout CommandContext) async throws -> JSONObject {
        let arguments = context.arguments
        var fields = JSONObject()
        var retention = JSONObject()
        if let count = arguments.integer("retention-count") { retention["count"] = .int(count) }
        if let hours = arguments.integer("retention-duration") { retention["duration"] = .int(hours) }
        if !retention.isEmpty { fields["retention"] = .object(retention) }
        if let preprocess = arguments.option("preprocess") { fields["preprocess"] = try preprocessList(preprocess, command: command) }
        if let subscribe = arguments.option("subscribe") {
            fields["subscribe"] = .string(try await context.resolve(subscribe).rid)
        }
        return fields
    }

    /// A dispatch's delivery fields as given.
    static func dispatchFields(_ arguments: ParsedArguments) -> JSONObject {
        var fields = JSONObject()
        for name in dispatchOptionNames {
            if let value = arguments.option(name) { fields[name] = .string(value) }
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
