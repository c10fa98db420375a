import OneP
import OnePJSON

extension DescriptionOptions {
    /// What each kind of rule needs besides `--when`, and what else it accepts.
    private static func needs(_ kind: String) -> (required: [String], optional: [String]) {
        switch kind {
        case "simple": return (["comparison", "constant"], ["repeat"])
        case "timeout": return (["timeout"], ["repeat"])
        case "interval", "duration": return (["comparison", "constant", "timeout"], ["repeat"])
        case "count": return (["comparison", "constant", "count", "timeout"], ["repeat"])
        default: return ([], ["script", "script-file"])
        }
    }

    /// The rule the options describe, nil when none is given; a wrong combination is a usage error.
    /// - Parameter scriptSource: the source `--script-file` names, read by the caller.
    static func rule(command: String, _ arguments: ParsedArguments, scriptSource: String? = nil) throws -> JSON? {
        let parts = given(ruleOptionNames.filter { $0 != "when" && $0 != "rule" }, in: arguments)
        if let json = arguments[Self.rule] {
            if let other = given(["when"], in: arguments).first ?? parts.first {
                throw conflict(command, "--\(other)", "cannot go with --rule, which gives the whole rule as JSON")
            }
            return json
        }
        // Lua source, given or from a file, says what kind of rule it is.
        guard let kind = arguments[Self.when] ?? (isScript(arguments) ? "script" : nil) else {
            if let first = parts.first { throw conflict(command, "--\(first)", "describes a rule: add --when KIND") }
            return nil
        }
        let (required, optional) = needs(kind)
        if let missing = required.first(where: { !parts.contains($0) }) {
            throw ShellError(.missingArgument(command: command, argument: "--\(missing) for a \(kind) rule"))
        }
        if let extra = parts.first(where: { !required.contains($0) && !optional.contains($0) }) {
            throw conflict(command, "--\(extra)", "does not apply to a \(kind) rule")
        }
        if kind == "script" {
            if parts.contains("script"), parts.contains("script-file") {
                throw conflict(command, "--script-file", "cannot go with --script: give the source one way")
            }
            guard let source = arguments[Self.script] ?? scriptSource else {
                throw ShellError(.missingArgument(command: command, argument: "--script LUA or --script-file FILE for a script rule"))
            }
            return DataruleRule.script(source).json
        }
        return try build(kind, command: command, arguments).json
    }

    private static func build(_ kind: String, command: String, _ arguments: ParsedArguments) throws -> DataruleRule {
        let repeats = arguments[Self.again]
        if kind == "timeout" { return .timeout(seconds: try seconds(command, arguments), repeat: repeats) }
        let comparing = Comparison(rawValue: arguments[Self.comparison] ?? "") ?? .eq
        let constantText = arguments[Self.constant] ?? ""
        guard let constant = Double(constantText), constant.isFinite else {
            throw ShellError(.invalidValue(command: command, argument: "--constant", value: constantText, expected: "a number"))
        }
        switch kind {
        case "simple": return .simple(comparing, constant: constant, repeat: repeats)
        case "interval": return .interval(comparing, constant: constant, seconds: try seconds(command, arguments), repeat: repeats)
        case "duration": return .duration(comparing, constant: constant, seconds: try seconds(command, arguments), repeat: repeats)
        default:
            return .count(
                comparing, constant: constant, count: arguments[Self.count] ?? 0, seconds: try seconds(command, arguments), repeat: repeats)
        }
    }

    private static func seconds(_ command: String, _ arguments: ParsedArguments) throws -> Double {
        let text = arguments[Self.timeout] ?? ""
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0 else {
            throw ShellError(.invalidValue(command: command, argument: "--timeout", value: text, expected: "a number of seconds"))
        }
        return seconds
    }

    /// Whether the options describe a script rule.
    static func isScript(_ arguments: ParsedArguments) -> Bool {
        arguments[when] == "script" || (arguments[when] == nil && (arguments.contains(option: "script") || arguments.contains(option: "script-file")))
    }

    /// The one-line refusal of an option given where it makes no sense.
    static func conflict(_ command: String, _ option: String, _ reason: String) -> ShellError {
        ShellError(.conflictingOption(command: command, option: option, reason: reason))
    }
}
