import Testing

@testable import Shell

@Suite struct TimeTests {
    let now = 1_700_000_000
    let chicago = try! SessionZone(named: "America/Chicago")

    func resolve(_ text: String, in zone: SessionZone = .utc) throws -> Int? {
        try TimeExpression(parsing: text)?.resolve(now: now, zone: zone)
    }

    func text(_ seconds: Int, _ format: TimeFormat, in zone: SessionZone = .utc) -> String {
        var times = TimeText(format: format, zone: zone)
        return times.text(seconds)
    }

    @Test(arguments: [
        ("now", 1_700_000_000), ("1600000000", 1_600_000_000), ("-60", 1_699_999_940), ("-30m", 1_699_998_200),
        ("-2h", 1_699_992_800), ("-7d", 1_699_395_200), ("-1w", 1_699_395_200), ("2023-11-14T22:13:20Z", 1_700_000_000),
        ("2023-11-14 22:13:20", 1_700_000_000), ("2023-11-15T00:13:20+02:00", 1_700_000_000), ("2024-02-29", 1_709_164_800),
        ("1970-01-01T00:00:00.5Z", 0), ("11/14/2023 22:13:20", 1_700_000_000), ("2023-11-14 22:13:20+00:00", 1_700_000_000),
    ])
    func parsesInUTC(text: String, expected: Int) throws {
        #expect(try resolve(text) == expected)
    }

    @Test(arguments: ["yesterday", "-5x", "2023-13-01", "2023-02-30", "2023-11-14T25:00", "12:00", "", "--5m", "2023-11-14 22:13:20+25:00"])
    func rejects(text: String) {
        #expect(TimeExpression(parsing: text) == nil)
    }

    @Test func timesWithoutAnOffsetAreReadInTheSessionZone() throws {
        // 16:13:20 in Chicago in November is 22:13:20 UTC (CST, -06:00).
        #expect(try resolve("2023-11-14 16:13:20", in: chicago) == now)
        #expect(try resolve("2023-11-14T16:13:20", in: chicago) == now)
        // An offset or Z wins over the zone; unix seconds and relative times do not depend on it.
        #expect(try resolve("2023-11-14T22:13:20Z", in: chicago) == now)
        #expect(try resolve("1700000000", in: chicago) == now)
        #expect(try resolve("-1h", in: chicago) == now - 3600)
        // Summer: CDT, -05:00.
        #expect(try resolve("2026-07-01 12:00", in: chicago) == 1_782_925_200)
    }

    @Test func aTimeTheClocksSkipIsRefusedWithTheOffsetToUse() throws {
        // Clocks in Chicago went from 02:00 to 03:00 on 2026-03-08.
        #expect {
            try resolve("2026-03-08 02:30", in: chicago)
        } throws: { error in
            let message = ShellMessage(error: error).text
            return message.contains("never happens in America/Chicago") && message.contains("2026-03-08T02:30-06:00")
        }
        #expect(try resolve("2026-03-08 01:59:59", in: chicago) == 1_772_956_799)
        #expect(try resolve("2026-03-08 03:00", in: chicago) == 1_772_956_800)
    }

    @Test func aTimeShownTwiceIsRefusedWithBothOffsets() throws {
        // Clocks in Chicago went from 02:00 back to 01:00 on 2026-11-01: 01:30 happens twice.
        #expect {
            try resolve("2026-11-01 01:30", in: chicago)
        } throws: { error in
            let message = ShellMessage(error: error).text
            return message.contains("happens twice") && message.contains("2026-11-01T01:30-05:00") && message.contains("2026-11-01T01:30-06:00")
        }
        #expect(try resolve("2026-11-01T01:30-05:00", in: chicago) == 1_793_514_600)
        #expect(try resolve("2026-11-01T01:30-06:00", in: chicago) == 1_793_518_200)
    }

    @Test func formatsCarryTheOffsetOfTheZone() {
        #expect(text(now, .unix) == "1700000000")
        #expect(text(now, .iso8601) == "2023-11-14T22:13:20Z")
        #expect(text(now, .human) == "2023-11-14 22:13:20+00:00")
        #expect(text(now, .excel) == "11/14/2023 22:13:20")
        #expect(text(-1, .iso8601) == "1969-12-31T23:59:59Z")
        #expect(text(now, .human, in: chicago) == "2023-11-14 16:13:20-06:00")
        #expect(text(now, .iso8601, in: chicago) == "2023-11-14T16:13:20-06:00")
        #expect(text(now, .excel, in: chicago) == "11/14/2023 16:13:20")
        #expect(text(1_782_925_200, .human, in: chicago) == "2026-07-01 12:00:00-05:00")
        #expect(TimeFormat.age(of: now - 7200, now: now) == "2h")
    }

    @Test func bothSidesOfEachTransitionShowTheirOwnOffset() {
        var times = TimeText(format: .human, zone: chicago)
        // The last second before and the first after the spring and autumn transitions of 2026.
        #expect(times.text(1_772_956_799) == "2026-03-08 01:59:59-06:00")
        #expect(times.text(1_772_956_800) == "2026-03-08 03:00:00-05:00")
        #expect(times.text(1_793_516_399) == "2026-11-01 01:59:59-05:00")
        #expect(times.text(1_793_516_400) == "2026-11-01 01:00:00-06:00")
    }

    @Test func everyWrittenTimeReadsBackToItself() throws {
        for format in [TimeFormat.human, .iso8601] {
            for zone in [SessionZone.utc, chicago, try SessionZone(named: "Asia/Kolkata")] {
                var times = TimeText(format: format, zone: zone)
                for seconds in stride(from: -86_400 * 800, through: 86_400 * 40_000, by: 86_400 * 37 + 3_601) {
                    #expect(try TimeExpression(parsing: times.text(seconds))?.resolve(now: now, zone: .utc) == seconds)
                }
            }
        }
    }

    @Test func zoneNamesAreCheckedWithSuggestions() throws {
        #expect(try SessionZone(named: "america/chicago").name == "America/Chicago")
        #expect(try SessionZone(named: "utc") == .utc)
        #expect {
            try SessionZone(named: "America/Chicgo")
        } throws: { error in
            let message = ShellMessage(error: error).text
            return message.hasPrefix("unknown time zone 'America/Chicgo'") && message.contains("America/Chicago") && !message.contains("\n")
        }
    }
}
