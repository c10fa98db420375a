import Foundation

/// The time zone the session shows times in and reads times without an offset in: `--tz`, `set tz`,
/// `$TZ`, else the system's. Foundation's `TimeZone` knows the zone's rules.
struct SessionZone: Sendable, Equatable {
    /// The name as the session shows it (`America/Chicago`, `UTC`).
    let name: String
    let zone: TimeZone

    static let utc = SessionZone(name: "UTC", zone: TimeZone(secondsFromGMT: 0) ?? .gmt)

    /// The zone `name` names: an IANA name (any letter case) or `UTC`.
    /// - Throws: ``ShellError`` for a name no zone has, with the closest names.
    init(named name: String) throws(ShellError) {
        let trimmed = name.trimmingCharacters(in: " \t")
        if ["utc", "z", "zulu", "etc/utc"].contains(trimmed.lowercased()) {
            self = .utc
            return
        }
        if let zone = TimeZone(identifier: trimmed) {
            self.init(name: trimmed, zone: zone)
            return
        }
        let known = TimeZone.knownTimeZoneIdentifiers
        if let match = known.first(where: { $0.lowercased() == trimmed.lowercased() }), let zone = TimeZone(identifier: match) {
            self.init(name: match, zone: zone)
            return
        }
        let tail = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        let suggestions = Suggester.closest(to: trimmed, among: known) + known.filter { $0.lowercased().hasSuffix("/" + tail.lowercased()) }
        throw ShellError(.unknownZone(trimmed, suggestions: Array(Set(suggestions)).sorted().prefix(3).map { $0 }))
    }

    init(name: String, zone: TimeZone) {
        self.name = name
        self.zone = zone
    }

    /// The zone the environment asks for: `$TZ` (`America/Chicago`, `:America/Chicago`, a path under
    /// a zoneinfo directory), else the system's own.
    /// - Returns: the zone, and a warning when `$TZ` names no zone Foundation knows.
    static func fromEnvironment(_ environment: [String: String]) -> (zone: SessionZone, warning: String?) {
        guard var text = environment["TZ"], !text.isEmpty else { return (system, nil) }
        if text.hasPrefix(":") { text.removeFirst() }
        if let range = text.range(of: "zoneinfo/") { text = String(text[range.upperBound...]) }
        do {
            return (try SessionZone(named: text), nil)
        } catch {
            return (.utc, "TZ='\(text)' names no time zone onep knows; times are shown in UTC (set tz ZONE to choose one)")
        }
    }

    /// The system's zone, named by its identifier.
    static var system: SessionZone {
        let zone = TimeZone.current
        return zone.identifier == "GMT" || zone.identifier == "Etc/UTC" ? .utc : SessionZone(name: zone.identifier, zone: zone)
    }

    static func == (lhs: SessionZone, rhs: SessionZone) -> Bool { lhs.name == rhs.name }

    /// Seconds east of UTC at the instant `seconds`.
    func offset(at seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The instant a wall-clock reading stands for in this zone.
    /// - Parameter wallClock: the reading as unix seconds would be if the zone were UTC.
    /// - Throws: ``ShellError`` when the zone's clocks skip that reading (a gap when they go forward)
    ///   or show it twice (when they go back), saying which offsets to write instead.
    func instant(ofWallClock wallClock: Int, text: String) throws(ShellError) -> Int {
        let before = offset(at: wallClock - 86_400)
        let after = offset(at: wallClock + 86_400)
        let offsets = before == after ? [before] : [before, after]
        let candidates = offsets.map { wallClock - $0 }.filter { offset(at: $0) == wallClock - $0 }
        switch candidates.count {
        case 1:
            return candidates[0]
        case 0:
            throw ShellError(
                .badLocalTime(text, reason: "never happens in \(name): the clocks skip it; write it with an offset, e.g. \(withOffset(text, before))")
            )
        default:
            throw ShellError(
                .badLocalTime(
                    text,
                    reason:
                        "happens twice in \(name): write it with an offset, \(withOffset(text, before)) (the first) or \(withOffset(text, after)) (the second)"
                ))
        }
    }

    private func withOffset(_ text: String, _ offset: Int) -> String {
        text.replacingAll(" ", with: "T") + SessionZone.offsetText(offset)
    }

    /// `+05:30`, `-06:00`, `+00:00`.
    static func offsetText(_ offset: Int) -> String {
        let magnitude = abs(offset)
        let hours = magnitude / 3600
        let minutes = magnitude % 3600 / 60
        return (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }
}

/// Offsets of one zone looked up through an hour's cache: times in a read or a file come in runs, and
/// an hour without a transition has one offset throughout, so Foundation is asked about twice an hour.
struct ZoneOffsets {
    let zone: SessionZone
    private var hour: (number: Int, offset: Int)?

    init(_ zone: SessionZone) {
        self.zone = zone
    }

    mutating func offset(at seconds: Int) -> Int {
        let number = seconds >= 0 ? seconds / 3600 : -((-seconds + 3599) / 3600)
        if let hour, hour.number == number { return hour.offset }
        let start = zone.offset(at: number * 3600)
        guard start == zone.offset(at: number * 3600 + 3599) else { return zone.offset(at: seconds) }
        hour = (number, start)
        return start
    }
}
