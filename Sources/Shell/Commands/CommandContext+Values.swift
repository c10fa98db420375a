import OneP
import OnePJSON

extension CommandContext {
    /// A value typed by a person, one for each of `targets`, as ``ValueParsing`` says: each
    /// resource's format decides. A format the session does not know is asked of the platform
    /// (one request for all of them) only where it matters, that is for an unquoted value that
    /// reads as a number; text that is not a number is text for every format.
    /// - Parameters:
    ///   - values: the text of each value, and whether it was quoted.
    ///   - asText: `--string`: every value goes as text.
    mutating func typed(_ values: [(text: String, quoted: Bool)], for targets: [ResolvedResource], asText: Bool) async throws -> [JSON] {
        guard !asText else { return values.map { .string($0.text) } }
        var formats = targets.map(knownFormat)
        let asking = values.indices.filter { formats[$0] == nil && !values[$0].quoted && ValueParsing.number(values[$0].text) != nil }
        if !asking.isEmpty {
            let answers = try await client().batch(asking.map { .info(targets[$0].id, options: [.description]) })
            for (index, answer) in zip(asking, answers) where answer.status.isOK {
                formats[index] = answer.result?["description"]?["format"]?.stringValue
            }
        }
        return values.indices.map { ValueParsing.value(values[$0].text, format: formats[$0], quoted: values[$0].quoted) }
    }

    /// The format of a resource whose client's listing the session has seen; nil otherwise.
    private func knownFormat(_ resource: ResolvedResource) -> String? {
        guard let parent = resource.segments.count > 1 ? resource.segments[resource.segments.count - 2].rid : session.root?.rid,
            !resource.segments.isEmpty
        else { return nil }
        return session.paths?.format(of: resource.rid, under: parent)
    }

    /// Whether the word of a positional was quoted.
    func wasQuoted<Value>(_ key: Argument<Value>) -> Bool {
        arguments.wasQuoted(key)
    }
}
