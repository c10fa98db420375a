/// A path as typed: `/`, `..`, `device1/temperature`, a 40-hex RID, or any mix joined by `/`.
struct ResourcePath: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case parent
        case name(String)
    }

    var isAbsolute: Bool
    var segments: [Segment]

    init(parsing text: String) {
        isAbsolute = text.hasPrefix("/")
        segments = text.split(separator: "/", omittingEmptySubsequences: true).compactMap { part in
            switch part {
            case ".": return nil
            case "..": return .parent
            default: return .name(String(part))
            }
        }
    }

    /// Whether `text` has the shape of a resource identifier: 40 lowercase or uppercase hex digits.
    static func isRID(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }
}
