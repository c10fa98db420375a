import Foundation

/// Reads typed times into a ``TimeExpression`` kind. It keeps the calendar day of the last date it
/// read, so a file of a million times in the same few days asks Foundation's calendar once a day.
struct TimeReader {
    private var lastDate: (text: Substring, day: Int)?

    /// The kind of time `text` is, or nil when it is not a time.
    mutating func kind(of text: Substring) -> TimeExpression.Kind? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        let value = Substring(trimmed)
        if value == "now" { return .relative(0) }
        if let seconds = Int(value) { return seconds < 0 ? .relative(seconds) : .absolute(seconds) }
        if let offset = TimeExpression.relativeOffset(value) { return .relative(offset) }
        return dateTime(Array(value.utf8), text: value)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]|±HHMM]` or `MM/DD/YYYY[ HH:MM[:SS]]`.
    private mutating func dateTime(_ bytes: [UInt8], text: Substring) -> TimeExpression.Kind? {
        var scanner = ByteScanner(bytes: bytes)
        let year: Int
        let month: Int
        let day: Int
        let dateEnd: Int
        if let first = scanner.digits(4), scanner.expect("-"), let second = scanner.digits(2), scanner.expect("-"), let third = scanner.digits(2) {
            (year, month, day) = (first, second, third)
            dateEnd = scanner.index
        } else {
            scanner = ByteScanner(bytes: bytes)
            guard let first = scanner.digits(2), scanner.expect("/"), let second = scanner.digits(2), scanner.expect("/"),
                let third = scanner.digits(4)
            else { return nil }
            (year, month, day) = (third, first, second)
            dateEnd = scanner.index
        }
        guard let dayNumber = dayNumber(year: year, month: month, day: day, key: text.prefix(dateEnd)) else { return nil }
        var seconds = dayNumber * 86_400
        if scanner.atEnd { return .local(seconds) }
        guard scanner.expect("T") || scanner.expect(" ") || scanner.expect("t") else { return nil }
        guard let hour = scanner.digits(2), scanner.expect(":"), let minute = scanner.digits(2), hour < 24, minute < 60 else { return nil }
        seconds += hour * 3600 + minute * 60
        if scanner.expect(":") {
            guard let second = scanner.digits(2), second < 60 else { return nil }
            seconds += second
            if scanner.expect(".") || scanner.expect(",") {
                guard scanner.skipDigits() > 0 else { return nil }
            }
        }
        if scanner.atEnd { return .local(seconds) }
        if scanner.expect("Z") || scanner.expect("z") { return scanner.atEnd ? .absolute(seconds) : nil }
        guard let sign = scanner.sign(), let offsetHours = scanner.digits(2), offsetHours < 24 else { return nil }
        _ = scanner.expect(":")
        let offsetMinutes = scanner.atEnd ? 0 : scanner.digits(2)
        guard let offsetMinutes, offsetMinutes < 60, scanner.atEnd else { return nil }
        return .absolute(seconds - sign * (offsetHours * 3600 + offsetMinutes * 60))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, from Foundation's calendar; nil for a
    /// date that does not exist (February 30th).
    private mutating func dayNumber(year: Int, month: Int, day: Int, key: Substring) -> Int? {
        if let lastDate, lastDate.text == key { return lastDate.day }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let calendar = TimeReader.calendar
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        lastDate = (key, days)
        return days
    }

    /// The Gregorian calendar in UTC, in which a date's day number is its midnight.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        return calendar
    }()
}

/// Walks the bytes of a time as typed.
private struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    mutating func expect(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if expect("+") { return 1 }
        if expect("-") { return -1 }
        return nil
    }
}
