/// Completion for values only a command family knows how to find (model names, serial numbers,
/// content ids): each provider gets the word typed so far and the arguments before it, as the
/// parser read them.
struct CompletionProviders: Sendable {
    typealias Provider = @Sendable (_ prefix: String, _ arguments: ParsedArguments) -> [String]

    private var providers: [String: Provider] = [:]

    mutating func register(_ key: String, _ provider: @escaping Provider) {
        providers[key] = provider
    }

    func candidates(_ key: String, prefix: String, arguments: ParsedArguments) -> [String] {
        providers[key]?(prefix, arguments) ?? []
    }
}
