/// A point in time as typed: `now`, unix seconds, negative seconds or `-30m`/`-2h`/`-7d`/`-1w`
/// (relative to now), or an ISO 8601 date or date-time (UTC unless it carries an offset).
struct TimeExpression: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case absolute(Int)
        case relative(Int)
    }

    let kind: Kind

    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed == "now" {
            kind = .relative(0)
        } else if let seconds = Int(trimmed) {
            kind = seconds < 0 ? .relative(seconds) : .absolute(seconds)
        } else if let offset = TimeExpression.relativeOffset(trimmed) {
            kind = .relative(offset)
        } else if let seconds = ISO8601.parse(trimmed) {
            kind = .absolute(seconds)
        } else {
            return nil
        }
    }

    /// Unix seconds, with relative forms counted back from `now`.
    func resolve(now: Int) -> Int {
        switch kind {
        case .absolute(let seconds): return seconds
        case .relative(let offset): return now + offset
        }
    }

    private static func relativeOffset(_ text: String) -> Int? {
        guard text.hasPrefix("-") || text.hasPrefix("+"), let unit = text.last else { return nil }
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
        return (text.hasPrefix("-") ? -amount : amount) * multiplier
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
