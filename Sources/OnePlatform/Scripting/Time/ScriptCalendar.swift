import Foundation

/// A script's locale and time zone (`setlocale`, `settimezone`), which `date()` formats with.
struct ScriptCalendar {
    private(set) var locale = ScriptLocale.unitedStates
    private(set) var zone = Self.utc
    /// What `%Z` says for a zone set by the name `UTC` (Foundation calls it `GMT`).
    private var zoneLabel: String? = "UTC"
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
        guard !name.isEmpty, let zone = TimeZone(identifier: name) else { return false }
        self.zone = zone
        zoneLabel = name == "UTC" ? "UTC" : nil
        return true
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

    /// The moment as the calendar shows it; in UTC when `universal`.
    func brokenDown(_ epoch: Int, universal: Bool = false) -> BrokenDownTime {
        universal ? BrokenDownTime(epoch: epoch, zone: Self.utc, label: "UTC") : BrokenDownTime(epoch: epoch, zone: zone, label: zoneLabel)
    }

    /// `strftime` of the moment, or nil for a format with an invalid specifier.
    func format(_ format: String, _ time: BrokenDownTime, universal: Bool = false) -> String? {
        Strftime(words: words, zone: universal ? Self.utc : zone).format(format, time)
    }
}
