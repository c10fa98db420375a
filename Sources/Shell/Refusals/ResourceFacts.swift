import OnePJSON

/// What the platform says of a resource an argument names, asked after a refusal to explain it.
struct ResourceFacts: Sendable {
    /// The path as typed.
    let path: String
    /// The status of the question: `ok`, or what the platform (or the path) answered instead:
    /// `restricted`, `noauth`, `notfound`.
    let status: String
    /// Its `basic`, `description` and `counts` sections, when the question was answered.
    let info: JSON?
    /// Its RID, when the path resolved.
    let rid: String?
    /// Whether it is the client the session's credentials belong to.
    var isCaller = false

    var isReachable: Bool { status == "ok" }
    var type: String? { info?["basic"]?["type"]?.stringValue }
    var format: String? { info?["description"]?["format"]?.stringValue }
    /// Its name, or the path when it has none.
    var name: String {
        guard let name = info?["description"]?["name"]?.stringValue, !name.isEmpty else { return path }
        return name
    }

    /// Whether it keeps points (a dataport or datarule; a dispatch keeps what it sent).
    var keepsPoints: Bool { type != nil && type != "client" }

    /// The limit of a kind of resource in its description: a number, `inherit`, or nil.
    func limit(_ kind: String) -> JSON? { info?["description"]?["limits"]?[kind] }

    /// How many of a kind it owns, from its `counts`.
    func count(_ kind: String) -> Int? { info?["counts"]?[kind]?.intValue }

    /// `a dataport`, `an integer dataport`: its type with the article it takes.
    var described: String {
        guard let type else { return "unknown" }
        return Self.withArticle((format.map { $0 + " " } ?? "") + type)
    }

    /// `words` after the article they take: `an integer dataport`, `a float dataport`.
    static func withArticle(_ words: String) -> String {
        (words.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + words
    }
}
