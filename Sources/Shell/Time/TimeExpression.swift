/// A point in time as typed: `now`, unix seconds, negative seconds or `-30m`/`-2h`/`-7d`/`-1w`
/// (relative to now), or a date or date-time (`2024-01-31`, `2024-01-31T12:00`, `2024-01-31
/// 12:00:05-06:00`, `01/31/2024 12:00:05`). A date-time with an offset (or `Z`) is that instant; one
/// without is a wall-clock time in the session's zone, resolved when the command runs.
struct TimeExpression: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case absolute(Int)
        case relative(Int)
        /// A wall-clock reading without an offset, as unix seconds would be if the zone were UTC.
        case local(Int)
    }

    let kind: Kind
    /// The text as typed, for error messages.
    let text: String

    init?(parsing text: String) {
        var reader = TimeReader()
        guard let kind = reader.kind(of: text[...]) else { return nil }
        self.kind = kind
        self.text = text
    }

    init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Unix seconds: relative forms counted back from `now`, wall-clock times read in `zone`.
    /// - Throws: ``ShellError`` for a wall-clock time the zone skips or shows twice.
    func resolve(now: Int, zone: SessionZone) throws(ShellError) -> Int {
        switch kind {
        case .absolute(let seconds): return seconds
        case .relative(let offset): return now + offset
        case .local(let wallClock): return try zone.instant(ofWallClock: wallClock, text: text)
        }
    }

    static func relativeOffset(_ text: Substring) -> Int? {
        guard text.first == "-" || text.first == "+", let unit = text.last else { return nil }
        let multiplier: Int
        switch unit {
        case "s": multiplier = 1
        case "m": multiplier = 60
        case "h": multiplier = 3600
        case "d": multiplier = 86_400
        case "w": multiplier = 604_800
        default: return nil
        }
        guard let amount = Int(text.dropFirst().dropLast()), amount >= 0 else { return nil }
        return (text.first == "-" ? -amount : amount) * multiplier
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
