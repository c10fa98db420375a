import OneP
import OnePJSON

/// The recent values of numeric dataports that `tree --spark` and `ls -l --spark` draw as a
/// sparkline (``TerminalFit/sparkline(_:unicode:)``): which resources have them, the read that
/// fetches them, and the numbers in its answer.
enum RecentValues {
    /// The points a sparkline shows.
    static let count = 20

    /// Whether a resource of this type and format holds numbers, so a sparkline can show it.
    static func drawable(type: String, format: String?) -> Bool {
        type != "client" && (format == "integer" || format == "float")
    }

    /// The read of the points a sparkline shows, newest first as the platform answers.
    static func read(_ rid: String) -> Call {
        .read(.rid(rid), ReadOptions(limit: count))
    }

    /// The values of a read's answer, oldest first; nil unless there are two or more and every
    /// one is a number.
    static func numbers(_ answer: JSON?) -> [Double]? {
        guard let points = answer?.arrayValue, points.count > 1 else { return nil }
        let numbers = points.compactMap { $0[1]?.doubleValue }
        guard numbers.count == points.count else { return nil }
        return numbers.reversed()
    }
}
