/// What a resource does with a value that arrives at it, written directly or published to it.
enum Intake {
    /// Dataports store the value; so do script datarules, whose scripts read their inputs themselves.
    case keeps
    /// A datarule turns the value into its rule's output.
    case rule(RuleDefinition)
    /// A dispatch stores the message it would deliver.
    case dispatch

    init(_ target: ResourceRecord) {
        switch target.type {
        case .dispatch:
            self = .dispatch
        case .datarule:
            if let rule = RuleDefinition(description: target.description), !rule.isScript {
                self = .rule(rule)
            } else {
                self = .keeps
            }
        case .client, .dataport:
            self = .keeps
        }
    }

    /// The format arriving values are coerced to before preprocessing.
    ///
    /// A rule's inputs are not its outputs: comparing rules take numbers whatever they store,
    /// and a timeout rule takes anything.
    func inputFormat(storing format: DataFormat) -> DataFormat {
        switch self {
        case .keeps: return format
        case .rule(let rule): return rule.comparesInputs ? .float : .string
        case .dispatch: return .string
        }
    }
}
