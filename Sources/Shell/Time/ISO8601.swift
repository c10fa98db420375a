/// Conversion between unix seconds and proleptic Gregorian UTC dates, without Foundation so it
/// is exact and the same on every platform.
enum ISO8601 {
    struct Civil: Equatable {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ seconds: Int) -> Civil {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Civil(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM` or nothing (UTC);
    /// a space may replace the `T`.
    static func parse(_ text: String) -> Int? {
        let chars = Array(text)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= chars.count else { return nil }
            let slice = chars[index..<(index + digits)]
            guard slice.allSatisfy(\.isASCII), slice.allSatisfy(\.isNumber), let value = Int(String(slice)) else { return nil }
            index += digits
            return value
        }
        func expect(_ char: Character) -> Bool {
            guard index < chars.count, chars[index] == char else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2) else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86_400
        if index == chars.count { return seconds }
        guard expect("T") || expect(" ") || expect("t") else { return nil }
        guard let hour = number(2), expect(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
        seconds += hour * 3600 + minute * 60
        if expect(":") {
            guard let second = number(2), second < 61 else { return nil }
            seconds += second
            if expect(".") || expect(",") {
                while index < chars.count, chars[index].isNumber { index += 1 }
            }
        }
        if index == chars.count || expect("Z") || expect("z") {
            return index == chars.count ? seconds : nil
        }
        guard index < chars.count, chars[index] == "+" || chars[index] == "-" else { return nil }
        let sign = chars[index] == "+" ? 1 : -1
        index += 1
        guard let offsetHours = number(2) else { return nil }
        _ = expect(":")
        let offsetMinutes = number(2) ?? 0
        guard index == chars.count else { return nil }
        return seconds - sign * (offsetHours * 3600 + offsetMinutes * 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
