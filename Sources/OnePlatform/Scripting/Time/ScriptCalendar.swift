import Foundation

/// A script's locale and time zone (`setlocale`, `settimezone`), which `date()` formats with.
struct ScriptCalendar {
    private(set) var locale = ScriptLocale.unitedStates
    private(set) var zone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
    private var words = LocaleWords.unitedStates

    /// Switches to the named locale; false (nothing changes) for one the platform does not support.
    mutating func setLocale(_ name: String) -> Bool {
        guard let locale = ScriptLocale(named: name) else { return false }
        if locale != self.locale {
            self.locale = locale
            words = LocaleWords.of(locale)
        }
        return true
    }

    /// Switches to the named tz database zone; false for a name it does not know.
    mutating func setTimeZone(_ name: String) -> Bool {
        guard Self.knownZones.contains(name), let zone = TimeZone(identifier: name) else { return false }
        self.zone = zone
        return true
    }

    /// The names of the tz database, as the `TZ` column of its zone list has them.
    private static let knownZones = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    /// The moment as the calendar shows it; in UTC when `universal`.
    func brokenDown(_ epoch: Int, universal: Bool = false) -> BrokenDownTime {
        BrokenDownTime(epoch: epoch, zone: universal ? TimeZone(identifier: "UTC") ?? zone : zone)
    }

    /// `strftime` of the moment, or nil for a format with an invalid specifier.
    func format(_ format: String, _ time: BrokenDownTime, universal: Bool = false) -> String? {
        Strftime(words: words, zone: universal ? TimeZone(identifier: "UTC") ?? zone : zone).format(format, time)
    }
}
