import Foundation

/// Unix times written as a time format says, in a zone: `2026-12-04 14:03:07-06:00` (human),
/// `2026-12-04T14:03:07-06:00` (iso8601), `12/04/2026 14:03:07` (excel, local time), `1796414587`.
///
/// Foundation writes the date, the hour and the zone's offset; it is asked once per hour of local
/// time and the minutes and seconds of each time in that hour go into its text, which keeps a
/// million-row read streaming at the speed of its digits.
struct TimeText {
    /// The format, already resolved (never `auto`).
    let format: TimeFormat
    private var offsets: ZoneOffsets
    /// The text of the local hour last written, split around its minutes and seconds.
    private var hour: (number: Int, offset: Int, prefix: String, suffix: String)?

    init(format: TimeFormat, zone: SessionZone) {
        self.format = format == .auto ? .human : format
        offsets = ZoneOffsets(zone)
    }

    mutating func text(_ seconds: Int) -> String {
        if format == .unix { return String(seconds) }
        let offset = offsets.offset(at: seconds)
        let local = seconds + offset
        let number = local >= 0 ? local / 3600 : -((-local + 3599) / 3600)
        if hour == nil || hour?.number != number || hour?.offset != offset { hour = frame(hour: number, offset: offset) }
        guard let hour else { return String(seconds) }
        let within = local - number * 3600
        return hour.prefix + TimeText.twoDigits[within / 60] + ":" + TimeText.twoDigits[within % 60] + hour.suffix
    }

    /// Foundation's text of the hour's first second, split where its `:00:00` is.
    private func frame(hour number: Int, offset: Int) -> (number: Int, offset: Int, prefix: String, suffix: String)? {
        let instant = Date(timeIntervalSince1970: Double(number * 3600 - offset))
        let zone = TimeZone(secondsFromGMT: offset) ?? offsets.zone.zone
        let text: String
        switch format {
        case .excel:
            text = Date.VerbatimFormatStyle(
                format:
                    "\(month: .twoDigits)/\(day: .twoDigits)/\(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                locale: Locale(identifier: "en_US_POSIX"), timeZone: zone, calendar: TimeText.calendar
            ).format(instant)
        case .human:
            text = Date.ISO8601FormatStyle(timeZone: zone).dateTimeSeparator(.space).timeZoneSeparator(.colon).format(instant)
        default:
            text = Date.ISO8601FormatStyle(timeZone: zone).timeZoneSeparator(.colon).format(instant)
        }
        guard let marker = text.range(of: ":00:00") else { return nil }
        var suffix = String(text[marker.upperBound...])
        // People read +00:00 more easily than ISO's Z.
        if format == .human, suffix == "Z" { suffix = "+00:00" }
        return (number, offset, String(text[...marker.lowerBound]), suffix)
    }

    private static let calendar = Calendar(identifier: .gregorian)
    private static let twoDigits: [String] = (0..<60).map { $0 < 10 ? "0\($0)" : "\($0)" }
}
