/// Completion for values only a command family knows how to find (model names, serial numbers,
/// content ids): each provider gets the word typed so far and the words before it.
struct CompletionProviders: Sendable {
    typealias Provider = @Sendable (_ prefix: String, _ previous: [String]) -> [String]

    private var providers: [String: Provider] = [:]

    mutating func register(_ key: String, _ provider: @escaping Provider) {
        providers[key] = provider
    }

    func candidates(_ key: String, prefix: String, previous: [String]) -> [String] {
        providers[key]?(prefix, previous) ?? []
    }
}
