import Foundation

/// Unix times written as a time format says, in a zone: `2026-12-04 14:03:07-06:00` (human),
/// `2026-12-04T14:03:07-06:00` (iso8601), `12/04/2026 14:03:07` (excel, local time), `1796414587`.
///
/// Foundation writes the date, the hour and the zone's offset; it is asked once per hour of local
/// time, and each time in that hour is that text with its own minutes and seconds written in as
/// digits, straight into the bytes of the output (``append(_:to:)``), which keeps a million-row
/// read streaming at the speed of its digits.
struct TimeText {
    /// The format, already resolved (never `auto`).
    let format: TimeFormat
    private var offsets: ZoneOffsets
    /// The local hour last written and its text, split around its minutes and seconds.
    private var hour: Hour?

    private struct Hour {
        let number: Int
        let offset: Int
        let prefix: [UInt8]
        let suffix: [UInt8]
    }

    init(format: TimeFormat, zone: SessionZone) {
        self.format = format == .auto ? .human : format
        offsets = ZoneOffsets(zone)
    }

    mutating func text(_ seconds: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `seconds` to `output`: the same text as ``text(_:)``, without a string.
    mutating func append(_ seconds: Int, to output: inout [UInt8]) {
        if format == .unix { return DecimalDigits.append(seconds, to: &output) }
        let offset = offsets.offset(at: seconds)
        let local = seconds + offset
        let number = local >= 0 ? local / 3600 : -((-local + 3599) / 3600)
        if hour?.number != number || hour?.offset != offset { hour = frame(hour: number, offset: offset) }
        guard let hour else { return DecimalDigits.append(seconds, to: &output) }
        let within = local - number * 3600
        output.append(contentsOf: hour.prefix)
        DecimalDigits.appendTwo(within / 60, to: &output)
        output.append(UInt8(ascii: ":"))
        DecimalDigits.appendTwo(within % 60, to: &output)
        output.append(contentsOf: hour.suffix)
    }

    /// Foundation's text of the hour's first second, split where its `:00:00` is.
    private func frame(hour number: Int, offset: Int) -> Hour? {
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
        return Hour(number: number, offset: offset, prefix: Array(text[...marker.lowerBound].utf8), suffix: Array(suffix.utf8))
    }

    private static let calendar = Calendar(identifier: .gregorian)
}
