/// The output format chosen with `set format` or `--format`.
public struct OutputFormat: Sendable, Hashable {
    public let name: String

    public static let text = OutputFormat(name: "text")
    public static let json = OutputFormat(name: "json")
    public static let csv = OutputFormat(name: "csv")
    public static let names = ["text", "json", "csv"]

    public init?(named name: String) {
        guard OutputFormat.names.contains(name) else { return nil }
        self.name = name
    }

    private init(name: String) { self.name = name }
}
