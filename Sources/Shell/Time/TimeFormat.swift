/// How timestamps are shown (`set timeformat`, `--timeformat`).
struct TimeFormat: Sendable, Hashable {
    let name: String

    static let unix = TimeFormat(name: "unix")
    static let iso8601 = TimeFormat(name: "iso8601")
    static let human = TimeFormat(name: "human")
    static let excel = TimeFormat(name: "excel")
    static let all: [TimeFormat] = [.unix, .iso8601, .human, .excel]
    static var names: [String] { all.map(\.name) }

    init?(named name: String) {
        guard TimeFormat.names.contains(name) else { return nil }
        self.name = name
    }

    private init(name: String) { self.name = name }

    /// The timestamp as text; human and excel forms are UTC so output does not depend on where it runs.
    func format(_ seconds: Int) -> String {
        let c = ISO8601.civil(seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(c.year)
        switch name {
        case "iso8601": return "\(year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
        case "human": return "\(year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        case "excel": return "\(two(c.month))/\(two(c.day))/\(year) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        default: return String(seconds)
        }
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
