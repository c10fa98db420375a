/// How timestamps are shown (`set timeformat`, `--timeformat`).
///
/// `auto`, the default, is what each reader expects: local human time for people (text) and for
/// spreadsheets (csv, which `record` reads back), unix seconds for programs (json).
struct TimeFormat: Sendable, Hashable {
    let name: String

    static let auto = TimeFormat(name: "auto")
    static let unix = TimeFormat(name: "unix")
    static let iso8601 = TimeFormat(name: "iso8601")
    static let human = TimeFormat(name: "human")
    static let excel = TimeFormat(name: "excel")
    static let all: [TimeFormat] = [.auto, .unix, .iso8601, .human, .excel]
    static var names: [String] { all.map(\.name) }

    init?(named name: String) {
        guard TimeFormat.names.contains(name) else { return nil }
        self.name = name
    }

    private init(name: String) { self.name = name }

    /// The format `auto` stands for in an output format; any other format stands for itself.
    func resolved(for output: OutputFormat) -> TimeFormat {
        guard self == .auto else { return self }
        return output == .json ? .unix : .human
    }

    /// A short age like `5s`, `3m`, `2h`, `4d` for `tree --values`.
    static func age(of seconds: Int, now: Int) -> String {
        let delta = max(0, now - seconds)
        switch delta {
        case ..<60: return "\(delta)s"
        case ..<3600: return "\(delta / 60)m"
        case ..<86_400: return "\(delta / 3600)h"
        default: return "\(delta / 86_400)d"
        }
    }
}
