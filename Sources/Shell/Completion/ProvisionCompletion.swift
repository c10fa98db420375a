/// The completion providers of the `provision` commands: model names, and a model's serial
/// numbers and content ids, from what the list commands saw or the background cache.
enum ProvisionCompletion {
    /// - Parameter lookup: the names for a key, or nil when they are not known in time.
    static func register(into providers: inout CompletionProviders, lookup: @escaping @Sendable (ProvisionNameKey) -> [String]?) {
        providers.register(CompletionSource.modelName.name) { _, _ in lookup(.models) ?? [] }
        providers.register(CompletionSource.serialNumber.name) { _, arguments in
            model(in: arguments).flatMap { lookup(.serialNumbers(model: $0)) } ?? []
        }
        providers.register(CompletionSource.contentID.name) { _, arguments in
            model(in: arguments).flatMap { lookup(.contents(model: $0)) } ?? []
        }
    }

    /// The model a provision command names: its MODEL argument.
    static func model(in arguments: ParsedArguments) -> String? {
        arguments.texts(ofPositional: ProvisionModelCommands.model.spec.name).first
    }
}
