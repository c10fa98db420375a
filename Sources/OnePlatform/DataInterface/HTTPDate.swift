import Foundation

/// Dates in HTTP header form (`Sun, 06 Nov 1994 08:49:37 GMT`), for `Last-Modified` and `If-Modified-Since`.
enum HTTPDate {
    static func format(_ timestamp: Int) -> String {
        formatter().string(from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
    }

    /// A unix timestamp from an HTTP date, or nil when the text is not one.
    static func parse(_ text: String) -> Int? {
        guard let date = formatter().date(from: text.trimmingCharacters(in: .whitespaces)) else { return nil }
        // A year far enough out is a date no timestamp holds.
        return Int(exactly: date.timeIntervalSince1970.rounded(.down))
    }

    // A new formatter per use: formatters are not Sendable, and dates here are rare (one per long poll).
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
