import Foundation

/// A moment as a calendar in one time zone shows it (what C's `struct tm` holds).
struct BrokenDownTime: Equatable {
    let epoch: Int
    let year: Int
    /// 1-12.
    let month: Int
    /// 1-31.
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    /// 0 for Sunday.
    let weekday: Int
    /// Days since January 1, from 0.
    let yearDay: Int
    /// Seconds east of UTC.
    let offset: Int
    let zoneName: String

    /// - Parameter label: what `%Z` says, when not the zone's own abbreviation.
    init(epoch: Int, zone: TimeZone, label: String? = nil) {
        self.epoch = epoch
        let moment = Date(timeIntervalSince1970: Double(epoch))
        offset = zone.secondsFromGMT(for: moment)
        zoneName = label ?? zone.abbreviation(for: moment) ?? zone.identifier
        let local = epoch + offset
        let days = Self.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        second = seconds % 60
        (year, month, day) = Self.civil(fromDays: days)
        weekday = Self.floorModulo(days + 4, 7)
        yearDay = days - Self.days(fromCivil: year, 1, 1)
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        value - floorDivide(value, divisor) * divisor
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days from 1970-01-01 to the given date.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let adjusted = month <= 2 ? year - 1 : year
        let era = floorDivide(adjusted, 400)
        let yearOfEra = adjusted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO 8601 week-based year and week number (`%G`, `%V`).
    var isoWeek: (year: Int, week: Int) {
        let mondayBased = (weekday + 6) % 7
        let week = (yearDay - mondayBased + 10) / 7
        if week < 1 { return (year - 1, Self.isoWeeks(in: year - 1)) }
        if week > Self.isoWeeks(in: year) { return (year + 1, 1) }
        return (year, week)
    }

    private static func isoWeeks(in year: Int) -> Int {
        func p(_ y: Int) -> Int { floorModulo(y + floorDivide(y, 4) - floorDivide(y, 100) + floorDivide(y, 400), 7) }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }
}
