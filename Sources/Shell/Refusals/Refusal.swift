import OnePJSON

/// One reason the platform refuses a command, said in the command's terms: which argument, which
/// value, why, and what to do (`write: VALUE '3.7' is not a whole number: 'humidity' is an integer
/// dataport`).
///
/// Every reason is a row of ``RefusalTable``. A row whose rule the arguments alone decide is
/// checked before anything is sent (the platform would refuse it anyway); a row that needs to know
/// the resource an argument names (its type, its format, its limits) is checked only after the
/// platform refused, with what ``RefusalExplainer`` asks of the platform then. The platform stays
/// the authority: a refusal no row explains keeps its generic explanation (``StatusExplanations``).
struct Refusal: Sendable {
    /// The commands it concerns (spec names).
    let commands: Set<String>
    /// The argument it names, as help writes it: `RES`, `--limit`, `--json`.
    let argument: String
    let check: Check
    /// What to do about it, unless the finding says otherwise.
    let remedy: String

    enum Check: Sendable {
        /// Decided by the arguments alone, before sending.
        case beforeSending(@Sendable (ParsedArguments) -> Finding?)
        /// Decided after the platform answered one of `statuses`, knowing the resources the
        /// subjects name.
        case afterRefusal(
            statuses: Set<String>, subjects: @Sendable (ParsedArguments) -> [Subject],
            test: @Sendable (ResourceFacts, Subject, ParsedArguments) -> Finding?)
    }

    /// A bad value and why it is bad.
    struct Finding: Sendable {
        /// The value as the person typed it (or the part of it at fault); nil for a secret,
        /// which no message repeats.
        let value: String?
        let reason: String
        /// Overrides the row's remedy when the finding knows better.
        var remedy: String? = nil
        /// Overrides the row's argument, for a row over several arguments.
        var argument: String? = nil
    }

    /// A resource an argument names, with the value that goes with it (`write RES VALUE`).
    struct Subject: Sendable {
        /// The path to look up.
        let path: String
        /// The value the argument carries, to name in the message.
        var value: String? = nil
        /// The argument it comes from, for a row over several arguments.
        var label: String? = nil
    }

    /// The one line said for a finding of this row.
    func message(command: String, _ finding: Finding) -> String {
        let argument = finding.argument ?? self.argument
        let named = finding.value.map { "\(argument) '\(ShellMessage.shown($0))'" } ?? argument
        return "\(command): \(named) \(finding.reason): \(finding.remedy ?? remedy)"
    }
}

// MARK: - Declaring rows

extension Refusal {
    /// A rule on one argument's value, checked before sending.
    static func value<Value: ArgumentValueType>(
        _ commands: Set<String>, _ key: Option<Value>, remedy: String, _ test: @escaping @Sendable (Value) -> (shown: String, reason: String)?
    ) -> Refusal {
        Refusal(
            commands: commands, argument: key.declaration.displayName,
            check: .beforeSending { arguments in
                guard let value = arguments[key], let found = test(value) else { return nil }
                return Finding(value: found.shown, reason: found.reason)
            }, remedy: remedy)
    }

    /// A rule on the arguments, checked before sending.
    static func arguments(_ commands: Set<String>, _ argument: String, remedy: String, _ test: @escaping @Sendable (ParsedArguments) -> Finding?)
        -> Refusal
    {
        Refusal(commands: commands, argument: argument, check: .beforeSending(test), remedy: remedy)
    }

    /// A rule on the resource an argument names, checked when the platform answered one of `statuses`.
    static func resource(
        _ commands: Set<String>, _ argument: String, on statuses: Set<String>, remedy: String,
        subjects: @escaping @Sendable (ParsedArguments) -> [Subject],
        _ test: @escaping @Sendable (ResourceFacts, Subject, ParsedArguments) -> Finding?
    ) -> Refusal {
        Refusal(commands: commands, argument: argument, check: .afterRefusal(statuses: statuses, subjects: subjects, test: test), remedy: remedy)
    }
}

extension ArgumentDeclaration {
    /// The name help shows: `RES`, `--limit`.
    var displayName: String {
        switch self {
        case .positional(let spec): return spec.name
        case .option(let spec): return "--" + spec.name
        }
    }
}
